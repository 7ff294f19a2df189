using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PredictiveModels.Complexity;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests;

/// <summary>A concept as a scenario file states it: <c>bits</c> or a <c>definition</c>, never both.</summary>
internal sealed record ConceptSpec(string Name, ModelType Type, ImmutableArray<ModelType> Params, double? Bits, Expression? Definition, double Weight);

/// <summary>A structure as a scenario file states it.</summary>
internal sealed record StructureSpec(string Id, Expression Camera, Expression Procedure, OutcomeClass Class, ImmutableArray<Mechanism> Mechanisms, double? LossGap, double? RuntimeSteps, ImmutableArray<string> Requires);

/// <summary>
/// A scenario file as data, for property tests: a key that is null (or an empty list for
/// <see cref="Remove"/>) is left out of the file. <see cref="Analysis"/> and <see cref="Builtins"/> hold each
/// key with its value as written in YAML.
/// </summary>
internal sealed record ScenarioSpec(
    string? Extends,
    string Name,
    ImmutableArray<ConceptSpec>? Concepts,
    ImmutableArray<(string Name, double Weight)>? Builtins,
    double? LiteralWeight,
    ImmutableArray<StructureSpec>? Structures,
    ImmutableArray<(string Key, string Value)>? Analysis,
    ImmutableArray<string> Remove);

/// <summary>
/// Random valid scenarios, their YAML text (with the order of every list and every mapping's keys
/// optionally shuffled), consistent renaming of concepts, and the merge of <c>extends</c> as
/// docs/scenario-format.md ("How the two are merged") states it, as a reference to test the reader against.
/// </summary>
internal static class ScenarioSpecs
{
    private static readonly ModelType[] ConceptTypes = [ModelType.Stream, ModelType.Predicate, ModelType.Quantity, ModelType.Time, ModelType.Nat, ModelType.Procedure];

    private static readonly string[] BuiltinNames = [.. BuiltIns.All.Select(b => b.Name)];

    /// <summary>A complete scenario (no <c>extends</c>) from a seed: 3 to 9 concepts, some derived, 1 to 4 structures.</summary>
    public static ScenarioSpec Full(int seed)
    {
        var random = new Random(seed);

        // One parameterless base concept of each camera-relevant type, so that every type has a finite
        // filling and a shallow expression of it exists; then a few of any type, some with parameters.
        var concepts = new List<ConceptSpec>
        {
            BaseConcept(random, FreshName(random, 0), ModelType.Stream, []),
            BaseConcept(random, FreshName(random, 1), ModelType.Predicate, []),
            BaseConcept(random, FreshName(random, 2), ModelType.Quantity, []),
        };
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var type = ConceptTypes[random.Next(ConceptTypes.Length)];
            ImmutableArray<ModelType> parameters = random.Next(4) == 0 ? [ConceptTypes[random.Next(ConceptTypes.Length)]] : [];
            concepts.Add(BaseConcept(random, FreshName(random, concepts.Count), type, parameters));
        }

        var world = World(concepts, null);
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var type = ConceptTypes[random.Next(3)];
            concepts.Add(new ConceptSpec(FreshName(random, concepts.Count), type, [], null, TypedExpressions.Random(world, type, random, depth: 2), Weight(random)));
        }

        var builtins = random.Next(2) == 0
            ? null
            : (ImmutableArray<(string, double)>?)[.. BuiltinNames.Where(_ => random.Next(4) == 0).Select(n => (n, Weight(random)))];
        world = World(concepts, builtins);
        var structures = Enumerable.Range(0, random.Next(1, 5)).Select(i => RandomStructure(random, world, $"s{i}-{random.Next(100)}", concepts)).ToImmutableArray();
        return new ScenarioSpec(null, $"full-{seed}", [.. concepts], builtins, random.Next(3) == 0 ? Weight(random) : null, structures, RandomAnalysis(random), []);
    }

    /// <summary>
    /// A file that extends <paramref name="basePath"/> (whose merged content is <paramref name="parent"/>): it replaces
    /// some base concepts by name (same type and parameters, other bits and weight), adds new ones, replaces and adds
    /// structures, sets some built-in weights, analysis keys and the literal weight, and may remove structures it does
    /// not itself state (never all of them, nor any in <paramref name="keep"/>).
    /// </summary>
    public static ScenarioSpec Child(int seed, ScenarioSpec parent, string basePath, int generation, bool remove, IReadOnlySet<string>? keep = null)
    {
        var random = new Random(seed);
        var parentConcepts = parent.Concepts!.Value;
        var concepts = new List<ConceptSpec>();
        foreach (var c in parentConcepts.Where(c => c.Bits is not null && random.Next(3) == 0))
        {
            concepts.Add(c with { Bits = random.Next(0, 4000), Weight = Weight(random) });
        }

        for (var i = random.Next(0, 3); i > 0; i--)
        {
            concepts.Add(BaseConcept(random, FreshName(random, (100 * generation) + i), ConceptTypes[random.Next(3)], []));
        }

        var builtins = random.Next(2) == 0
            ? null
            : (ImmutableArray<(string, double)>?)[.. BuiltinNames.Where(_ => random.Next(4) == 0).Select(n => (n, Weight(random)))];
        var merged = Merge(parent, new ScenarioSpec(basePath, "probe", concepts.Count == 0 ? null : [.. concepts], builtins, null, null, null, []));
        var world = World(merged.Concepts!.Value, merged.Builtins);
        var structures = new List<StructureSpec>();
        foreach (var s in parent.Structures!.Value.Where(_ => random.Next(3) == 0))
        {
            structures.Add(RandomStructure(random, world, s.Id, merged.Concepts!.Value));
        }

        for (var i = random.Next(0, 3); i > 0; i--)
        {
            structures.Add(RandomStructure(random, world, $"n{generation}-{i}-{random.Next(1000)}", merged.Concepts!.Value));
        }

        var removable = parent.Structures!.Value.Select(s => s.Id).Where(id => structures.All(s => s.Id != id) && keep?.Contains(id) != true).ToList();
        var removed = remove ? removable.Where(_ => random.Next(3) == 0).ToImmutableArray() : [];
        if (structures.Count == 0 && removed.Length == parent.Structures!.Value.Length)
        {
            removed = removed.RemoveAt(0);
        }

        return new ScenarioSpec(
            basePath,
            $"child-{seed}",
            concepts.Count == 0 ? null : [.. concepts],
            builtins,
            random.Next(4) == 0 ? Weight(random) : null,
            structures.Count == 0 ? null : [.. structures],
            random.Next(2) == 0 ? RandomAnalysis(random) : null,
            removed);
    }

    /// <summary>
    /// The documented merge of <paramref name="child"/> into <paramref name="parent"/>: concepts by name and structures by id
    /// (a known one replaced whole in its place, a new one appended), built-ins and analysis key by key, the literal
    /// weight replaced when the child sets it, then the child's <c>removeStructures</c> dropped; the name is the child's.
    /// Either may be partial (an extending file); the result extends what <paramref name="parent"/> extends and, when
    /// that is something, still removes the ids both remove (a complete parent has had its removals applied).
    /// </summary>
    public static ScenarioSpec Merge(ScenarioSpec parent, ScenarioSpec child)
    {
        var concepts = MergeBy(parent.Concepts, child.Concepts, c => c.Name);
        var structures = MergeBy(parent.Structures, child.Structures, s => s.Id);
        if (structures is { } list && child.Remove.Length > 0)
        {
            structures = [.. list.Where(s => !child.Remove.Contains(s.Id))];
        }

        return new ScenarioSpec(
            parent.Extends,
            child.Name,
            concepts,
            MergeBy(parent.Builtins, child.Builtins, b => b.Name),
            child.LiteralWeight ?? parent.LiteralWeight,
            structures,
            MergeBy(parent.Analysis, child.Analysis, a => a.Key),
            parent.Extends is null ? [] : [.. parent.Remove, .. child.Remove]);
    }

    /// <summary>Every concept renamed through <paramref name="rename"/>, in definitions, cameras, procedures and <c>requires</c> too.</summary>
    public static ScenarioSpec Rename(ScenarioSpec spec, IReadOnlyDictionary<string, string> rename)
    {
        string Name(string n) => rename.GetValueOrDefault(n, n);
        return spec with
        {
            Concepts = spec.Concepts?.Select(c => c with { Name = Name(c.Name), Definition = c.Definition is null ? null : Rename(c.Definition, rename) }).ToImmutableArray(),
            Structures = spec.Structures?.Select(s => s with
            {
                Camera = Rename(s.Camera, rename),
                Procedure = Rename(s.Procedure, rename),
                Requires = [.. s.Requires.Select(Name)],
            }).ToImmutableArray(),
        };
    }

    /// <summary>
    /// The scenario as YAML. With <paramref name="shuffle"/>, the order of concepts, structures, built-ins, removed ids
    /// and every mapping's keys is random, and with <paramref name="shuffleInnerLists"/> also the order of each
    /// structure's mechanisms and <c>requires</c> (which decides the order of its candidates, not their values).
    /// </summary>
    public static string Yaml(ScenarioSpec spec, Random? shuffle = null, bool shuffleInnerLists = true)
    {
        IEnumerable<T> Order<T>(IEnumerable<T> items) => shuffle is null ? items : items.OrderBy(_ => shuffle.Next());
        IEnumerable<string> Inner(IEnumerable<string> items) => shuffleInnerLists ? Order(items) : items;
        var top = new List<string> { "schemaVersion: 1", $"name: {spec.Name}" };
        if (spec.Extends is { } extends)
        {
            top.Add($"extends: {extends}");
        }

        if (spec.Remove.Length > 0)
        {
            top.Add($"removeStructures: [{string.Join(", ", Order(spec.Remove))}]");
        }

        var worldKeys = new List<string>();
        if (spec.Concepts is { } concepts)
        {
            worldKeys.Add("concepts:" + (concepts.IsEmpty ? " []" : "") + string.Concat(Order(concepts).Select(c => "\n  - " + Mapping(Order(ConceptKeys(c)), "    "))));
        }

        if (spec.Builtins is { } builtins)
        {
            worldKeys.Add("builtins:" + (builtins.IsEmpty ? " {}" : string.Concat(Order(builtins).Select(b => $"\n  {b.Name}: {Number(b.Weight)}"))));
        }

        if (spec.LiteralWeight is { } literalWeight)
        {
            worldKeys.Add($"literalWeight: {Number(literalWeight)}");
        }

        if (worldKeys.Count > 0)
        {
            top.Add("worldModel:\n  " + Mapping(Order(worldKeys), "  "));
        }

        if (spec.Structures is { } structures)
        {
            top.Add("structures:" + string.Concat(Order(structures).Select(s => "\n  - " + Mapping(Order(StructureKeys(s, Inner)), "    "))));
        }

        if (spec.Analysis is { } analysis)
        {
            top.Add("analysis:" + (analysis.IsEmpty ? " {}" : string.Concat(Order(analysis).Select(a => $"\n  {a.Key}: {a.Value}"))));
        }

        return string.Join('\n', Order(top)) + "\n";
    }

    /// <summary>
    /// Every figure the scores and the simplicity posterior give for a scenario, in catalog order, each keyed by what
    /// it is (candidate = structure id and mechanism): K, Kmin, Kclass, T and class of each candidate, its posterior
    /// log-probability, each class's log-probability, the bits underwater and each elimination. A missing figure is NaN.
    /// </summary>
    public static IReadOnlyList<(string Key, double Value)> Results(Scenario scenario)
    {
        var report = StructureScorer.Score(scenario);
        var posterior = SimplicityPosterior.Compute(report, scenario.Analysis);
        var figures = new List<(string, double)>();
        foreach (var c in report.Candidates)
        {
            var key = $"{c.Structure.Id}/{c.Mechanism}";
            figures.Add(($"{key} class", (double)c.Class));
            figures.Add(($"{key} K", c.Bits));
            figures.Add(($"{key} Kmin", c.Kmin));
            figures.Add(($"{key} Kclass", c.Kclass ?? double.NaN));
            figures.Add(($"{key} T", c.RuntimeSteps));
        }

        figures.AddRange(posterior.Candidates.Select(c => ($"{c.Score.Structure.Id}/{c.Score.Mechanism} log2p", c.Log2Probability)));
        figures.AddRange(posterior.Classes.Select(c => ($"{c.Class} log2p", posterior.Classes.Log2Probability(c.Class))));
        figures.Add(("bits underwater", posterior.BitsUnderwater ?? double.NaN));
        foreach (var e in posterior.Eliminations)
        {
            figures.Add(($"{e.StructureId} eliminated at", e.EliminatedAtDataSize ?? double.NaN));
            figures.Add(($"{e.StructureId} log2 share", e.Log2Share));
            figures.Add(($"{e.StructureId} eliminated", e.IsEliminated ? 1 : 0));
        }

        return figures;
    }

    /// <summary><see cref="Results"/> as one text, every double to the last bit: equal texts mean identical results.</summary>
    public static string ResultText(Scenario scenario) =>
        string.Join('\n', Results(scenario).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value:R}")));

    /// <summary>The merged scenario's content: concepts and structures in order with every value, built-in weights and analysis settings.</summary>
    public static string Content(Scenario scenario)
    {
        var world = scenario.WorldModel;
        var text = new StringBuilder();
        foreach (var c in world.Concepts)
        {
            text.Append(CultureInfo.InvariantCulture, $"concept {c.Name}: {c.ResultType}({string.Join(",", c.ParameterTypes)}) bits={c.Bits:R} def={c.Definition} w={c.Weight:R}\n");
        }

        foreach (var b in world.BuiltIns)
        {
            text.Append(CultureInfo.InvariantCulture, $"builtin {b.Name} w={b.Weight:R}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"literalWeight={world.LiteralWeight:R}\n");
        foreach (var s in scenario.Structures)
        {
            text.Append(CultureInfo.InvariantCulture, $"structure {s.Id}: {s.Camera} | {s.Procedure} {s.Class} [{string.Join(",", s.Mechanisms)}] gap={s.LossGap:R} T={s.RuntimeStepsOverride:R} requires=[{string.Join(",", s.Requires)}]\n");
        }

        var a = scenario.Analysis;
        text.Append(CultureInfo.InvariantCulture, $"analysis {a.HoleCost} {a.SizeBound} {a.SimplicityExponent:R} {a.SpeedWeight:R} {a.DataSize:R} {a.EliminationThreshold:R}\n");
        return text.ToString();
    }

    private static ImmutableArray<T>? MergeBy<T>(ImmutableArray<T>? parent, ImmutableArray<T>? child, Func<T, string> key)
    {
        if (parent is null || child is null)
        {
            return child ?? parent;
        }

        var result = parent.Value.ToList();
        foreach (var item in child.Value)
        {
            var at = result.FindIndex(p => key(p) == key(item));
            if (at >= 0)
            {
                result[at] = item;
            }
            else
            {
                result.Add(item);
            }
        }

        return [.. result];
    }

    private static IEnumerable<string> ConceptKeys(ConceptSpec c)
    {
        yield return $"name: {c.Name}";
        yield return $"type: {c.Type}";
        if (c.Params.Length > 0)
        {
            yield return $"params: [{string.Join(", ", c.Params)}]";
        }

        yield return c.Bits is { } bits ? $"bits: {Number(bits)}" : $"definition: \"{c.Definition}\"";
        yield return $"weight: {Number(c.Weight)}";
    }

    private static IEnumerable<string> StructureKeys(StructureSpec s, Func<IEnumerable<string>, IEnumerable<string>> order)
    {
        yield return $"id: {s.Id}";
        yield return $"camera: \"{s.Camera}\"";
        yield return $"procedure: \"{s.Procedure}\"";
        yield return $"class: {s.Class}";
        yield return $"mechanisms: [{string.Join(", ", order(s.Mechanisms.Select(m => m.Name())))}]";
        if (s.LossGap is { } gap)
        {
            yield return $"lossGap: {Number(gap)}";
        }

        if (s.RuntimeSteps is { } steps)
        {
            yield return $"runtimeSteps: {Number(steps)}";
        }

        if (s.Requires.Length > 0)
        {
            yield return $"requires: [{string.Join(", ", order(s.Requires))}]";
        }
    }

    /// <summary>Key lines of a block mapping; a value that spans lines is indented under its key.</summary>
    private static string Mapping(IEnumerable<string> keys, string indent) =>
        string.Join("\n" + indent, keys.Select(k => k.Replace("\n", "\n" + indent, StringComparison.Ordinal)));

    private static ImmutableArray<(string, string)> RandomAnalysis(Random random)
    {
        var all = new (string Key, Func<string> Value)[]
        {
            ("holeCost", () => random.Next(2) == 0 ? "min" : "class"),
            ("sizeBound", () => random.Next(6, 13).ToString(CultureInfo.InvariantCulture)),
            ("simplicityExponent", () => Number(Math.Round(random.NextDouble() * 2, 3))),
            ("speedWeight", () => Number(Math.Round(random.NextDouble(), 3))),
            ("dataSize", () => Number(random.Next(0, 100_000))),
            ("eliminationThreshold", () => Number(Math.Round(1e-3 + (random.NextDouble() * 0.1), 6))),
        };
        return [.. all.Where(_ => random.Next(2) == 0).Select(a => (a.Key, a.Value()))];
    }

    private static StructureSpec RandomStructure(Random random, WorldModel world, string id, IReadOnlyList<ConceptSpec> concepts)
    {
        // A camera or procedure is an application (its head decides its type); holes stand only inside it.
        Expression Applied(ModelType type, int depth, double holeChance)
        {
            while (true)
            {
                if (TypedExpressions.Random(world, type, random, depth, holeChance) is Application a)
                {
                    return a;
                }
            }
        }

        var camera = Applied(random.Next(2) == 0 ? ModelType.Stream : ModelType.Quantity, 3, 0.15);
        var procedure = Applied(ModelType.Procedure, 1, 0.1);
        var mechanisms = Enum.GetValues<Mechanism>().Where(_ => random.Next(2) == 0).ToImmutableArray();
        if (mechanisms.IsEmpty)
        {
            mechanisms = [(Mechanism)random.Next(3)];
        }

        var requires = concepts.Select(c => c.Name).Where(_ => random.Next(5) == 0).ToImmutableArray();
        return new StructureSpec(
            id,
            camera,
            procedure,
            (OutcomeClass)random.Next(Enum.GetValues<OutcomeClass>().Length),
            mechanisms,
            random.Next(3) == 0 ? Math.Round(random.NextDouble() * 0.01, 5) : null,
            random.Next(4) == 0 ? random.Next(1, 1000) : null,
            requires);
    }

    private static WorldModel World(IEnumerable<ConceptSpec> concepts, ImmutableArray<(string Name, double Weight)>? builtins) =>
        WorldModel.Create(
            concepts.Select(c => c.Bits is { } bits
                ? Concept.Base(c.Name, c.Type, bits, c.Weight, c.Params)
                : Concept.Derived(c.Name, c.Type, c.Definition!, c.Weight)),
            builtins?.ToDictionary(b => b.Name, b => b.Weight));

    private static ConceptSpec BaseConcept(Random random, string name, ModelType type, ImmutableArray<ModelType> parameters) =>
        new(name, type, parameters, random.Next(0, 6000), null, Weight(random));

    /// <summary>A name no built-in has (no built-in starts with 'c' and a digit), distinct for distinct indices.</summary>
    private static string FreshName(Random random, int index) =>
        $"c{index}_{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}";

    private static double Weight(Random random) => Math.Round(0.25 + (random.NextDouble() * 8), 2);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Expression Rename(Expression e, IReadOnlyDictionary<string, string> rename) => e switch
    {
        Application a => new Application(rename.GetValueOrDefault(a.Name, a.Name), [.. a.Arguments.Select(x => Rename(x, rename))]),
        _ => e,
    };
}
