using System.Globalization;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>
/// Resolves <c>extends</c>: a scenario may state only how its beliefs differ from another
/// scenario's. The extending document is merged into its base before the schema is read:
/// concepts merge by <c>name</c> and structures by <c>id</c> (an entry with a known key replaces
/// the base entry in place, a new key is appended), <c>builtins</c>, <c>analysis</c>, <c>dynamics</c>
/// and its <c>rates</c> and <c>uncertainty</c> merge key by key (a list of <c>phases</c> or of <c>correlations</c> replaces the base's whole), <c>removeStructures</c> drops base structures, and every other key replaces the base's.
/// Inherited nodes keep the locations of the file they came from.
/// </summary>
internal static class ScenarioInheritance
{
    /// <summary>The <c>extends</c> value that names the scenario embedded in the library.</summary>
    public const string DefaultBase = "default";

    private const int MaxDepth = 8;

    public static DocNode Resolve(DocNode root, string source, int depth = 0)
    {
        if (root is not DocMapping mapping)
        {
            return root;
        }

        var extends = Find(mapping, "extends");
        var removals = Find(mapping, "removeStructures");
        if (extends is null)
        {
            if (removals is not null)
            {
                throw new ModelException("removeStructures is only meaningful in a scenario that extends another (add 'extends: default' or a file path)", removals.Value.Key.Location, "removeStructures");
            }

            return root;
        }

        var (extendsKey, extendsValue) = extends.Value;
        if (Find(mapping, "schemaVersion") is null)
        {
            throw new ModelException("a scenario that extends another still states its own schemaVersion (add 'schemaVersion: 1')", mapping.Location, "schemaVersion");
        }

        if (extendsValue is not DocScalar { IsNull: false } target || string.IsNullOrWhiteSpace(target.Value))
        {
            throw new ModelException("extends must name a scenario file (relative to this file) or 'default'", extendsValue.Location, "extends");
        }

        if (target.Value.IndexOfAny(Path.GetInvalidPathChars()) is var bad and >= 0)
        {
            // The file system would refuse it with an ArgumentException (a NUL on every system).
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"extends names a file with the character U+{(int)target.Value[bad]:X4}, which no file name can hold"), target.ContentStart, "extends");
        }

        if (depth >= MaxDepth)
        {
            throw new ModelException($"scenarios extend each other more than {MaxDepth} levels deep; is there a cycle?", extendsKey.Location, "extends");
        }

        var baseRoot = Resolve(LoadBase(target, source), BaseSource(target, source), depth + 1);
        if (baseRoot is not DocMapping baseMapping)
        {
            throw new ModelException($"the scenario '{target.Value}' that this one extends is not a mapping", target.Location, "extends");
        }

        return Merge(baseMapping, mapping, removals);
    }

    private static DocNode LoadBase(DocScalar target, string source)
    {
        if (target.Value == DefaultBase)
        {
            return YamlFrontEnd.Read(DefaultScenario.Text, DefaultScenario.SourceLabel);
        }

        var path = BaseSource(target, source);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ModelException($"the scenario '{path}' that this one extends does not exist", target.ContentStart, "extends");
        }

        if (info.Length > ScenarioLoader.MaxFileBytes)
        {
            throw new ModelException($"the scenario '{path}' that this one extends is {info.Length} bytes; at most {ScenarioLoader.MaxFileBytes} are accepted", target.ContentStart, "extends");
        }

        string? text;
        try
        {
            text = ScenarioLoader.ReadCapped(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelException($"cannot read the scenario '{path}' that this one extends: {e.Message}", target.ContentStart, "extends");
        }

        if (text is null)
        {
            throw new ModelException($"the scenario '{path}' that this one extends holds more than {ScenarioLoader.MaxFileBytes} bytes; at most {ScenarioLoader.MaxFileBytes} are accepted", target.ContentStart, "extends");
        }

        return ScenarioLoader.FormatOf(path) == ScenarioFormat.Json ? JsonFrontEnd.Read(text, path) : YamlFrontEnd.Read(text, path);
    }

    private static string BaseSource(DocScalar target, string source)
    {
        if (target.Value == DefaultBase)
        {
            return DefaultScenario.SourceLabel;
        }

        var folder = source.StartsWith('<') ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        return Path.Combine(folder, target.Value);
    }

    private static DocMapping Merge(DocMapping baseMapping, DocMapping over, KeyValuePair<DocScalar, DocNode>? removals)
    {
        // The base's name and description describe the base, not this scenario: they are not inherited.
        var entries = baseMapping.Entries.Where(e => e.Key.Value is not ("name" or "description")).ToList();
        foreach (var (key, value) in over.Entries)
        {
            if (key.Value is "extends" or "removeStructures")
            {
                continue;
            }

            var index = entries.FindIndex(e => e.Key.Value == key.Value);
            var merged = index < 0 ? value : key.Value switch
            {
                "worldModel" => MergeMapping(entries[index].Value, value, WorldModelRules),
                "structures" => MergeList(entries[index].Value, value, "id"),
                "analysis" => MergeMap(entries[index].Value, value),
                "dynamics" => MergeMapping(entries[index].Value, value, DynamicsRules),
                "uncertainty" => MergeMap(entries[index].Value, value),
                _ => value,
            };

            if (index < 0)
            {
                entries.Add(new(key, merged));
            }
            else
            {
                // The key keeps its place but takes this file's location: this file states the value now.
                entries[index] = new(key, merged);
            }
        }

        if (removals is { } r)
        {
            var index = entries.FindIndex(e => e.Key.Value == "structures");
            entries[index] = new(entries[index].Key, Remove(entries[index].Value, r.Value));
        }

        return new DocMapping(entries, over.Location);
    }

    private static readonly Dictionary<string, Func<DocNode, DocNode, DocNode>> WorldModelRules = new(StringComparer.Ordinal)
    {
        ["concepts"] = (b, o) => MergeList(b, o, "name"),
        ["builtins"] = MergeMap,
    };

    private static readonly Dictionary<string, Func<DocNode, DocNode, DocNode>> DynamicsRules = new(StringComparer.Ordinal)
    {
        // A sequence of phases is one belief about how training goes: a new list replaces the base's whole.
        ["rates"] = MergeMap,
    };

    /// <summary>Merges two mappings key by key: a key with a rule merges by it, any other key of <paramref name="over"/> replaces or is added.</summary>
    private static DocNode MergeMapping(DocNode baseNode, DocNode over, IReadOnlyDictionary<string, Func<DocNode, DocNode, DocNode>> rules)
    {
        if (baseNode is not DocMapping b || over is not DocMapping o)
        {
            return over;
        }

        var entries = b.Entries.ToList();
        foreach (var (key, value) in o.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Value == key.Value);
            if (index < 0)
            {
                entries.Add(new(key, value));
            }
            else
            {
                var merged = rules.TryGetValue(key.Value, out var rule) ? rule(entries[index].Value, value) : value;
                entries[index] = new(key, merged);
            }
        }

        return new DocMapping(entries, o.Location);
    }

    private static DocNode MergeMap(DocNode baseNode, DocNode over) =>
        MergeMapping(baseNode, over, new Dictionary<string, Func<DocNode, DocNode, DocNode>>());

    private static DocNode MergeList(DocNode baseNode, DocNode over, string keyField)
    {
        if (baseNode is not DocSequence b || over is not DocSequence o)
        {
            return over;
        }

        var items = b.Items.ToList();
        foreach (var item in o.Items)
        {
            var key = KeyOf(item, keyField);
            var index = key is null ? -1 : items.FindIndex(i => KeyOf(i, keyField) == key);
            if (index < 0)
            {
                items.Add(item);
            }
            else
            {
                items[index] = item;
            }
        }

        return new DocSequence(items, o.Location);
    }

    private static DocNode Remove(DocNode structures, DocNode removals)
    {
        if (removals is not DocSequence ids)
        {
            throw new ModelException($"removeStructures must be a list of structure ids, but is {removals.Kind}", removals.Location, "removeStructures");
        }

        if (structures is not DocSequence list)
        {
            return structures;
        }

        var items = list.Items.ToList();
        foreach (var id in ids.Items)
        {
            var name = id is DocScalar { IsNull: false } s ? s.Value : null;
            var index = name is null ? -1 : items.FindIndex(i => KeyOf(i, "id") == name);
            if (index < 0)
            {
                var known = items.Select(i => KeyOf(i, "id")).OfType<string>();
                throw new ModelException($"removeStructures names '{name}', which the base scenario does not have{NameSuggestions.DidYouMean(name ?? "", known)}", id.Location, "removeStructures");
            }

            items.RemoveAt(index);
        }

        return new DocSequence(items, list.Location);
    }

    private static string? KeyOf(DocNode item, string keyField) =>
        item is DocMapping m && m.Entries.FirstOrDefault(e => e.Key.Value == keyField).Value is DocScalar { IsNull: false } s ? s.Value : null;

    private static KeyValuePair<DocScalar, DocNode>? Find(DocMapping mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}
