using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios.Documents;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Scenarios;

/// <summary>
/// Maps a document tree onto a <see cref="Scenario"/>, checking the schema as it goes: unknown
/// keys, missing keys, wrong kinds of value and out-of-range numbers are reported at their line
/// and column, all in one pass.
/// </summary>
internal sealed class ScenarioReader
{
    // extends and removeStructures are consumed by ScenarioInheritance before the schema is read; they are
    // listed so that messages name them. "$schema" is what editors add to point at the JSON Schema: ignored.
    private static readonly string[] RootKeys = ["schemaVersion", "name", "description", "extends", "removeStructures", "worldModel", "structures", "analysis", "dynamics", "uncertainty", "$schema"];
    // The numeric keys of each mapping are those of ParameterRegistry; the others are the structure around them.
    private static readonly string[] DynamicsKeys = [.. NumericKeys(ParameterScope.Dynamics), "rates", "phases"];
    private static readonly string[] PhaseKeys = ["name", .. NumericKeys(ParameterScope.Phase), "prompting"];
    private static readonly string[] WorldKeys = ["concepts", "builtins", .. NumericKeys(ParameterScope.WorldModel)];
    private static readonly string[] ConceptKeys = ["name", "type", "params", .. NumericKeys(ParameterScope.Concept), "definition", "description"];
    private static readonly string[] StructureKeys = ["id", "name", "camera", "procedure", "class", "mechanisms", .. NumericKeys(ParameterScope.Structure), "requires", "description"];
    private static readonly string[] AnalysisKeys = ["holeCost", "classMeasure", .. NumericKeys(ParameterScope.Analysis)];
    private static readonly string[] UncertaintyKeys = ["correlations"];
    private static readonly string[] CorrelationKeys = ["between", "rank"];

    private readonly DiagnosticBag _bag = new();
    private readonly List<UncertainParameter> _uncertain = [];
    private readonly List<BeliefCorrelation> _correlations = [];
    private readonly string _source;

    private ScenarioReader(string source) => _source = source;

    public static Scenario Read(DocNode root, string source)
    {
        var paths = DocumentPaths.Index(root);
        try
        {
            var reader = new ScenarioReader(source);
            var scenario = reader.ReadScenario(root);
            return scenario.WithLocations(paths, [.. reader._uncertain], [.. reader._correlations], ScenarioFingerprint.Of(root));
        }
        catch (ModelException e) when (e.Diagnostics.Any(d => d.Location is null))
        {
            // Checks made after the schema is read (duplicate phase names, an empty list of structures, a world
            // model with nothing in it) know the path of what is wrong but not the text: locate them by it.
            var bag = new DiagnosticBag();
            bag.AddRange(paths.Locate(e.Diagnostics));
            bag.ThrowIfAny();
            throw;
        }
    }

    private Scenario ReadScenario(DocNode root)
    {
        var fields = Fields(root, "", RootKeys, ["schemaVersion", "worldModel", "structures"]);
        if (fields is null)
        {
            _bag.ThrowIfAny();
            throw new ModelException("the scenario must be a mapping", root.Location);
        }

        if (fields.TryGetValue("schemaVersion", out var versionNode) && ReadInt(versionNode, "schemaVersion") is { } version && version != Scenario.SchemaVersion)
        {
            _bag.Add(string.Create(CultureInfo.InvariantCulture, $"schemaVersion {version} is not supported; this version of PredictiveModels reads schemaVersion {Scenario.SchemaVersion}"), versionNode.Location, "schemaVersion");
        }

        if (fields.TryGetValue("$schema", out var schemaNode))
        {
            ReadString(schemaNode, "$schema");
        }

        var name = fields.TryGetValue("name", out var nameNode) ? ReadString(nameNode, "name") ?? "" : Path.GetFileNameWithoutExtension(_source);
        var description = fields.TryGetValue("description", out var descriptionNode) ? ReadString(descriptionNode, "description") ?? "" : "";
        var analysis = fields.TryGetValue("analysis", out var analysisNode) ? ReadAnalysis(analysisNode) : AnalysisSettings.Default;

        WorldModel? world = null;
        if (fields.TryGetValue("worldModel", out var worldNode))
        {
            world = ReadWorldModel(worldNode);
        }

        var structures = new List<Structure>();
        if (fields.TryGetValue("structures", out var structuresNode))
        {
            var items = Sequence(structuresNode, "structures");
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadStructure(items[i], $"structures[{i}]") is { } structure)
                {
                    structures.Add(structure);
                }
            }
        }

        var (dynamics, phases) = fields.TryGetValue("dynamics", out var dynamicsNode) ? ReadDynamics(dynamicsNode) : (DynamicsSettings.Default, []);

        // Last: the correlations name beliefs, which every other section may state.
        if (fields.TryGetValue("uncertainty", out var uncertaintyNode))
        {
            ReadUncertainty(uncertaintyNode);
        }

        _bag.ThrowIfAny();
        return Scenario.Create(name, description, world!, structures, analysis, _source, dynamics, phases);
    }

    private WorldModel? ReadWorldModel(DocNode node)
    {
        var fields = Fields(node, "worldModel", WorldKeys, ["concepts"]);
        if (fields is null)
        {
            return null;
        }

        var concepts = new List<Concept>();
        if (fields.TryGetValue("concepts", out var conceptsNode))
        {
            var items = Sequence(conceptsNode, "worldModel.concepts");
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadConcept(items[i], $"worldModel.concepts[{i}]") is { } concept)
                {
                    concepts.Add(concept);
                }
            }
        }

        var builtIns = new Dictionary<string, double>(StringComparer.Ordinal);
        var builtInLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (fields.TryGetValue("builtins", out var builtInsNode))
        {
            if (builtInsNode is DocMapping mapping)
            {
                foreach (var (key, value) in mapping.Entries)
                {
                    var where = $"worldModel.builtins.{key.Value}";
                    var stated = AsBelief(value) is { } scalar
                        ? ReadBelief(scalar, where, ParameterRegistry.Get(ParameterScope.BuiltIn, "weight"), key.Value)
                        : ReadDouble(value, where);
                    if (stated is { } weight)
                    {
                        builtIns[key.Value] = weight;
                        builtInLocations[key.Value] = key.Location;
                    }
                }
            }
            else
            {
                Expected(builtInsNode, "a mapping from built-in names to weights", "worldModel.builtins");
            }
        }

        var literalWeight = Optional(fields, "worldModel", ParameterRegistry.Get(ParameterScope.WorldModel, "literalWeight"), "") ?? 1.0;

        if (_bag.Count > 0)
        {
            return null;
        }

        try
        {
            return WorldModel.Create(concepts, builtIns, literalWeight, builtInLocations);
        }
        catch (ModelException e)
        {
            _bag.AddRange(e.Diagnostics);
            return null;
        }
    }

    private Concept? ReadConcept(DocNode node, string path)
    {
        var fields = Fields(node, path, ConceptKeys, ["name", "type"]);
        if (fields is null)
        {
            return null;
        }

        var errorsBefore = _bag.Count;
        if (fields.TryGetValue("$schema", out var schemaNode))
        {
            ReadString(schemaNode, "$schema");
        }

        var name = fields.TryGetValue("name", out var nameNode) ? ReadString(nameNode, path + ".name") : null;
        if (name is not null && SpecificationRules.CheckIdentifier(name, "a concept name") is { } nameError)
        {
            _bag.Add(nameError, nameNode!.Location, path + ".name");
        }

        var type = fields.TryGetValue("type", out var typeNode) ? ReadEnum<ModelType>(typeNode, path + ".type", "type") : null;
        var parameters = new List<ModelType>();
        if (fields.TryGetValue("params", out var paramsNode))
        {
            var items = Sequence(paramsNode, path + ".params");
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadEnum<ModelType>(items[i], $"{path}.params[{i}]", "type") is { } p)
                {
                    parameters.Add(p);
                }
            }
        }

        var weight = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Concept, "weight"), name) ?? 1.0;
        var acquiredAt = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Concept, "acquiredAt"), name);
        var bits = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Concept, "bits"), name);
        var description = fields.TryGetValue("description", out var d) ? ReadString(d, path + ".description") ?? "" : "";

        Expression? definition = null;
        if (fields.TryGetValue("definition", out var definitionNode))
        {
            definition = ReadExpression(definitionNode, path + ".definition");
            if (fields.ContainsKey("bits"))
            {
                _bag.Add($"concept '{name}' has both bits and a definition; give bits for a base concept or a definition for a derived one", definitionNode.Location, path);
            }

            if (fields.TryGetValue("params", out var pn) && parameters.Count > 0)
            {
                _bag.Add($"derived concept '{name}' cannot take parameters; only base concepts (with bits) can", pn.Location, path + ".params");
            }
        }
        else if (!fields.ContainsKey("bits"))
        {
            _bag.Add($"concept '{name}' has neither bits nor a definition; give one of them", node.Location, path);
        }

        if (_bag.Count > errorsBefore || name is null || type is null)
        {
            return null;
        }

        try
        {
            return definition is null
                ? Concept.Base(name, type.Value, bits!.Value, weight, parameters, acquiredAt, description, node.Location)
                : Concept.Derived(name, type.Value, definition, weight, acquiredAt, description, node.Location);
        }
        catch (ModelException e)
        {
            _bag.AddRange(e.Diagnostics.Select(x => x with { Path = path }));
            return null;
        }
    }

    private Structure? ReadStructure(DocNode node, string path)
    {
        var fields = Fields(node, path, StructureKeys, ["id", "camera", "procedure", "class", "mechanisms"]);
        if (fields is null)
        {
            return null;
        }

        var errorsBefore = _bag.Count;
        var id = fields.TryGetValue("id", out var idNode) ? ReadString(idNode, path + ".id") : null;
        if (id is not null && Structure.CheckId(id) is { } idError)
        {
            _bag.Add(idError, idNode!.Location, path + ".id");
        }

        if (fields.TryGetValue("$schema", out var schemaNode))
        {
            ReadString(schemaNode, "$schema");
        }

        var name = fields.TryGetValue("name", out var nameNode) ? ReadString(nameNode, path + ".name") ?? "" : "";
        var camera = fields.TryGetValue("camera", out var cameraNode) ? ReadExpression(cameraNode, path + ".camera") : null;
        var procedure = fields.TryGetValue("procedure", out var procedureNode) ? ReadExpression(procedureNode, path + ".procedure") : null;
        var outcome = fields.TryGetValue("class", out var classNode) ? ReadEnum<OutcomeClass>(classNode, path + ".class", "class") : null;
        var mechanisms = new List<Mechanism>();
        if (fields.TryGetValue("mechanisms", out var mechanismsNode))
        {
            var items = Sequence(mechanismsNode, path + ".mechanisms");
            if (items.Count == 0)
            {
                _bag.Add($"the list of mechanisms is empty; give at least one of {string.Join(", ", MechanismNames.All)}", mechanismsNode.Location, path + ".mechanisms");
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (ReadMechanism(items[i], $"{path}.mechanisms[{i}]") is { } m)
                {
                    if (mechanisms.Contains(m))
                    {
                        _bag.Add($"the mechanism '{m.Name()}' is listed twice", items[i].Location, $"{path}.mechanisms[{i}]");
                    }

                    mechanisms.Add(m);
                }
            }
        }

        var lossGap = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Structure, "lossGap"), id) ?? 0.0;
        var runtime = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Structure, "runtimeSteps"), id);
        var cameraSteps = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Structure, "cameraSteps"), id);
        if (cameraSteps is { } c && runtime is { } t && c > t)
        {
            _bag.Add(Structure.CameraStepsError(id ?? "?", c, t), fields["cameraSteps"].Location, path + ".cameraSteps");
        }

        var derive = Optional(fields, path, ParameterRegistry.Get(ParameterScope.Structure, "deriveSteps"), id) ?? 0.0;
        var requires = new List<string>();
        if (fields.TryGetValue("requires", out var requiresNode))
        {
            var items = Sequence(requiresNode, path + ".requires");
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadString(items[i], $"{path}.requires[{i}]") is { } r)
                {
                    requires.Add(r);
                }
            }
        }

        var description = fields.TryGetValue("description", out var d) ? ReadString(d, path + ".description") ?? "" : "";
        if (_bag.Count > errorsBefore || id is null || camera is null || procedure is null || outcome is null)
        {
            return null;
        }

        try
        {
            return Structure.Create(id, name, camera, procedure, outcome.Value, mechanisms, lossGap, runtime, derive, requires, description, node.Location, cameraSteps ?? 1);
        }
        catch (ModelException e)
        {
            _bag.AddRange(e.Diagnostics.Select(x => x with { Path = path }));
            return null;
        }
    }

    private AnalysisSettings ReadAnalysis(DocNode node)
    {
        var fields = Fields(node, "analysis", AnalysisKeys, []);
        if (fields is null)
        {
            return AnalysisSettings.Default;
        }

        var settings = AnalysisSettings.Default;
        if (fields.TryGetValue("holeCost", out var holeNode) && ReadEnum<HoleCost>(holeNode, "analysis.holeCost", "hole cost", lowerCase: true) is { } holeCost)
        {
            settings = settings.With(holeCost: holeCost);
        }

        if (fields.TryGetValue("classMeasure", out var measureNode) && ReadEnum<ClassMeasure>(measureNode, "analysis.classMeasure", "class measure", lowerCase: true) is { } measure)
        {
            settings = settings.With(classMeasure: measure);
        }

        foreach (var definition in ParameterRegistry.InScope(ParameterScope.Analysis))
        {
            if (Optional(fields, "analysis", definition, "") is { } value)
            {
                settings = definition.WithAnalysis!(settings, value);
            }
        }

        return settings;
    }

    private (DynamicsSettings Settings, List<Phase> Phases) ReadDynamics(DocNode node)
    {
        var fields = Fields(node, "dynamics", DynamicsKeys, []);
        var d = DynamicsSettings.Default;
        if (fields is null)
        {
            return (d, []);
        }

        var settings = d;
        foreach (var definition in ParameterRegistry.InScope(ParameterScope.Dynamics))
        {
            if (Optional(fields, "dynamics", definition, "") is { } value)
            {
                settings = definition.WithDynamics!(settings, "", value);
            }
        }

        if (fields.TryGetValue("rates", out var ratesNode))
        {
            // A reset's rate is a phase's oversightDetectionRate, not a base rate of the chain.
            var rate = ParameterRegistry.Get(ParameterScope.Rate, "KIND");
            var rateFields = Fields(ratesNode, "dynamics.rates", [.. ParameterRegistry.RateKinds], []);
            foreach (var kind in rateFields?.Keys.ToArray() ?? [])
            {
                if (Optional(rateFields!, "dynamics.rates", rate, kind, kind) is { } value)
                {
                    settings = rate.WithDynamics!(settings, kind, value);
                }
            }
        }

        var phases = new List<Phase>();
        if (fields.TryGetValue("phases", out var phasesNode))
        {
            var items = Sequence(phasesNode, "dynamics.phases");
            for (var i = 0; i < items.Count; i++)
            {
                if (ReadPhase(items[i], $"dynamics.phases[{i}]", settings) is { } phase)
                {
                    phases.Add(phase);
                }
            }
        }

        return (settings, phases);
    }

    private Phase? ReadPhase(DocNode node, string path, DynamicsSettings settings)
    {
        var fields = Fields(node, path, PhaseKeys, ["name"]);
        if (fields is null)
        {
            return null;
        }

        if (fields.TryGetValue("$schema", out var schemaNode))
        {
            ReadString(schemaNode, "$schema");
        }

        var name = fields.TryGetValue("name", out var nameNode) ? ReadString(nameNode, path + ".name") : null;
        var prompting = false;
        if (fields.TryGetValue("prompting", out var promptingNode))
        {
            if (promptingNode is DocScalar { IsNull: false } b && bool.TryParse(b.Value, out var value))
            {
                prompting = value;
            }
            else
            {
                Expected(promptingNode, "true or false", path + ".prompting");
            }
        }

        if (name is null)
        {
            return null;
        }

        var errorsBefore = _bag.Count;
        var values = ParameterRegistry.InScope(ParameterScope.Phase)
            .Select(definition => (Definition: definition, Value: Optional(fields, path, definition, name)))
            .Where(x => x.Value is not null)
            .ToList();
        if (_bag.Count > errorsBefore)
        {
            return null;
        }

        Phase phase;
        try
        {
            // A phase without its own duration takes the chain's.
            phase = Phase.Create(name, settings.Duration, prompting: prompting, durationFromDynamics: !fields.ContainsKey("duration"));
        }
        catch (ModelException e)
        {
            // Only the name can be wrong here (an empty one): report it at the phase.
            _bag.AddRange(e.Diagnostics.Select(x => x with { Location = node.Location }));
            return null;
        }

        // Every value is in its range, so each change below is valid.
        return values.Aggregate(phase, (p, x) => x.Definition.WithPhase!(p, x.Value!.Value));
    }

    /// <summary>
    /// <c>uncertainty: { correlations: [ { between: [PATH_A, PATH_B], rank: R } ] }</c>: Spearman rank correlations between
    /// beliefs the scenario states. Each path must name such a belief, the two paths must differ, a pair may be stated
    /// once, and R is a number from -1 to 1; the whole matrix (1 on the diagonal, 0 for pairs not stated) must be positive
    /// semi-definite, else the error, at the <c>correlations</c> key, names the pairs that cannot hold together.
    /// </summary>
    private void ReadUncertainty(DocNode node)
    {
        var errorsBefore = _bag.Count;
        var fields = Fields(node, "uncertainty", UncertaintyKeys, []);
        var elsewhere = errorsBefore > 0;
        if (fields is null || !fields.TryGetValue("correlations", out var correlationsNode))
        {
            return;
        }

        var beliefs = _uncertain.Select(u => u.Path).ToList();
        var stated = new Dictionary<(string, string), int>();
        var pairs = new List<(int A, int B, double Rank, int Entry)>();
        var items = Sequence(correlationsNode, "uncertainty.correlations");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"uncertainty.correlations[{i}]";
            var entry = Fields(items[i], path, CorrelationKeys, ["between", "rank"]);
            if (entry is null)
            {
                continue;
            }

            var between = entry.TryGetValue("between", out var betweenNode) ? ReadBetween(betweenNode, path + ".between", beliefs, elsewhere) : null;
            double? rank = null;
            if (entry.TryGetValue("rank", out var rankNode) && ReadDouble(rankNode, path + ".rank") is { } r)
            {
                if (double.IsFinite(r) && r is >= -1 and <= 1)
                {
                    rank = r;
                }
                else
                {
                    _bag.Add(string.Create(CultureInfo.InvariantCulture, $"the rank of a correlation must be a number from -1 to 1 (a Spearman rank correlation), but it is {r}"), rankNode.Location, path + ".rank");
                }
            }

            if (between is not { } b || rank is not { } value)
            {
                continue;
            }

            var unordered = string.CompareOrdinal(b.A, b.B) < 0 ? (b.A, b.B) : (b.B, b.A);
            if (stated.TryGetValue(unordered, out var first))
            {
                _bag.Add($"the correlation between {b.A} and {b.B} is stated twice (first by uncertainty.correlations[{first}]); state each pair once", items[i].Location, path);
                continue;
            }

            stated[unordered] = i;
            _correlations.Add(new BeliefCorrelation(b.A, b.B, value));
            pairs.Add((beliefs.IndexOf(b.A), beliefs.IndexOf(b.B), value, i));
        }

        if (_bag.Count > errorsBefore || pairs.Count == 0)
        {
            return;
        }

        var conflicts = Uncertainty.RankCorrelationMatrix.FindConflicts(beliefs.Count, pairs.Select(p => new Uncertainty.CorrelationPair(p.A, p.B, p.Rank)));
        if (conflicts.IsEmpty)
        {
            return;
        }

        var named = conflicts.Select(c =>
        {
            var pair = pairs.First(p => Math.Min(p.A, p.B) == c.First && Math.Max(p.A, p.B) == c.Second);
            return string.Create(CultureInfo.InvariantCulture, $"{beliefs[pair.A]} and {beliefs[pair.B]} at {pair.Rank} (uncertainty.correlations[{pair.Entry}])");
        });
        var correlationsKey = ((DocMapping)node).Entries.First(e => e.Key.Value == "correlations").Key;
        _bag.Add(
            $"the correlations are impossible together: no beliefs can have the rank correlations {string.Join(", ", named)} at once (their matrix is not positive semi-definite); weaken one of them",
            correlationsKey.Location,
            "uncertainty.correlations");
    }

    /// <summary>The two paths of a correlation's <c>between</c>: two different beliefs the scenario states; null with an error otherwise.</summary>
    private (string A, string B)? ReadBetween(DocNode node, string path, List<string> beliefs, bool errorsElsewhere)
    {
        if (node is not DocSequence { Items.Count: 2 } sequence)
        {
            Expected(node, "a list of two belief paths, such as [analysis.dataSize, analysis.speedWeight]", path);
            return null;
        }

        var names = new string?[2];
        for (var k = 0; k < 2; k++)
        {
            var where = $"{path}[{k}]";
            if (ReadString(sequence.Items[k], where) is not { } name)
            {
                continue;
            }

            if (beliefs.Contains(name, StringComparer.Ordinal))
            {
                names[k] = name;
            }
            else if (!errorsElsewhere)
            {
                // An earlier error may be why a belief is missing (a malformed one is not listed): report only when there is none.
                var known = beliefs.Count == 0
                    ? "the scenario states no beliefs (a parameter written as a distribution, such as dataSize: 1e3 to 1e5)"
                    : $"the beliefs it states are {string.Join(", ", beliefs)}";
                _bag.Add($"'{name}' is not a belief of this scenario{NameSuggestions.DidYouMean(name, beliefs)}; a correlation is between two parameters stated as distributions, and {known}", sequence.Items[k].Location, where);
            }
        }

        if (names[0] is not { } a || names[1] is not { } b)
        {
            return null;
        }

        if (a == b)
        {
            _bag.Add($"a correlation is between two different beliefs, but both paths are {a}", node.Location, path);
            return null;
        }

        return (a, b);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Dictionary<string, DocNode>? Fields(DocNode node, string path, string[] allowed, string[] required)
    {
        if (node is not DocMapping mapping)
        {
            Expected(node, "a mapping", path);
            return null;
        }

        var result = new Dictionary<string, DocNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                var where = string.IsNullOrEmpty(path) ? "at the top level" : $"in {path}";
                _bag.Add($"unknown key '{key.Value}' {where}{NameSuggestions.DidYouMean(key.Value, allowed)} (allowed: {string.Join(", ", allowed)})", key.Location, Join(path, key.Value));
                continue;
            }

            result[key.Value] = value;
        }

        foreach (var key in required)
        {
            if (!result.ContainsKey(key) && !mapping.Entries.Any(e => e.Key.Value == key))
            {
                var where = string.IsNullOrEmpty(path) ? "the scenario" : path;
                _bag.Add($"{where} is missing the required key '{key}'", mapping.Location, Join(path, key));
            }
        }

        return result;
    }

    private IReadOnlyList<DocNode> Sequence(DocNode node, string path)
    {
        if (node is DocSequence sequence)
        {
            return sequence.Items;
        }

        Expected(node, "a list", path);
        return [];
    }

    private string? ReadString(DocNode node, string path)
    {
        if (node is DocScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Expected(node, "a string", path);
        return null;
    }

    private double? ReadDouble(DocNode node, string path)
    {
        if (node is DocScalar { IsNull: false, IsQuoted: false } scalar)
        {
            var text = scalar.Value.Trim();
            switch (text)
            {
                case ".nan" or ".NaN" or ".NAN" or "NaN" or "nan":
                    return double.NaN;
                case ".inf" or ".Inf" or ".INF" or "+.inf" or "Infinity" or "inf":
                    return double.PositiveInfinity;
                case "-.inf" or "-.Inf" or "-.INF" or "-Infinity" or "-inf":
                    return double.NegativeInfinity;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        Expected(node, "a number", path);
        return null;
    }

    private int? ReadInt(DocNode node, string path)
    {
        if (node is DocScalar { IsNull: false, IsQuoted: false } scalar
            && int.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Expected(node, "a whole number", path);
        return null;
    }

    /// <summary>
    /// The value of a parameter's key in <paramref name="fields"/>, checked against its range in the registry; null when
    /// the key is absent, and null with an error at the value when it is no number or out of range.
    /// </summary>
    private double? Optional(Dictionary<string, DocNode> fields, string path, ParameterDefinition definition, string? name, string? key = null)
    {
        key ??= definition.Key;
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        var where = Join(path, key);
        if (AsBelief(node) is { } scalar)
        {
            return ReadBelief(scalar, where, definition, name ?? "");
        }

        if ((definition.Range.WholeNumbers ? ReadWhole(node, where) : ReadDouble(node, where)) is not { } value)
        {
            return null;
        }

        if (definition.Check(value, name ?? "") is { } error)
        {
            _bag.Add(error, node.Location, where);
            return null;
        }

        return value;
    }

    /// <summary>
    /// A parameter stated as a belief (Squiggle's notation, see <see cref="Uncertainty.BeliefNotation"/>): refused for a
    /// whole-number parameter, when the notation is malformed (located at the character where reading stopped), and when
    /// the distribution has mass outside the parameter's valid range (with that mass, and how to truncate). Otherwise the
    /// belief is remembered and its median is the parameter's value.
    /// </summary>
    private double? ReadBelief(DocScalar scalar, string where, ParameterDefinition definition, string name)
    {
        var text = scalar.Value;
        if (definition.Range.WholeNumbers)
        {
            _bag.Add($"expected a whole number but found {scalar.Kind} '{Shorten(text)}': {where} does not take a belief (a distribution), since it sets the chain's size", scalar.Location, where);
            return null;
        }

        if (!Uncertainty.BeliefNotation.TryParse(text, out var belief, out var error, out var column))
        {
            var what = scalar.IsQuoted ? "a belief" : "a number or a belief (a distribution such as '5 to 10' or 'normal(1, 2)')";
            _bag.Add($"expected {what}: {error}", scalar.ContentStart.Advance(Math.Max(0, column - 1)), where);
            return null;
        }

        var outside = definition.Range.ProbabilityOutside(belief!);
        if (outside > 0)
        {
            var lo = ParameterRange.FormatBound(definition.Range.Minimum);
            var hi = definition.Range.HasMaximum ? ParameterRange.FormatBound(definition.Range.Maximum) : "1e300";
            _bag.Add(
                string.Create(CultureInfo.InvariantCulture, $"the belief '{Shorten(text)}' puts probability {outside:G3} outside the values {where} accepts ({definition.Range}); state it within them, for example truncate({Shorten(text)}, {lo}, {hi})"),
                scalar.Location,
                where);
            return null;
        }

        var median = belief!.Median;
        if (definition.Check(median, name) is { } problem)
        {
            _bag.Add(problem, scalar.Location, where);
            return null;
        }

        _uncertain.Add(new UncertainParameter(definition.PathOf(name), belief, text.Trim()));
        return median;
    }

    /// <summary>The scalar when a value where a number is expected is written as a belief: a string, or an unquoted scalar that is no number; null otherwise.</summary>
    private static DocScalar? AsBelief(DocNode node) =>
        node is DocScalar { IsNull: false } scalar && (scalar.IsQuoted || !LooksNumeric(scalar.Value)) ? scalar : null;

    /// <summary>Whether an unquoted scalar reads as a number (the YAML forms of NaN and the infinities included), so that the number checks, not the belief notation, judge it.</summary>
    private static bool LooksNumeric(string value)
    {
        var text = value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || text is ".nan" or ".NaN" or ".NAN" or "NaN" or "nan" or ".inf" or ".Inf" or ".INF" or "+.inf" or "Infinity" or "inf" or "-.inf" or "-.Inf" or "-.INF" or "-Infinity" or "-inf";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>A whole number (written as one, or as a number such as <c>2e7</c> with no fraction), else an error.</summary>
    private double? ReadWhole(DocNode node, string path)
    {
        if (node is DocScalar { IsNull: false, IsQuoted: false } scalar
            && double.TryParse(scalar.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            && value == Math.Round(value))
        {
            return value;
        }

        Expected(node, "a whole number", path);
        return null;
    }

    private static IEnumerable<string> NumericKeys(ParameterScope scope) => ParameterRegistry.InScope(scope).Select(d => d.Key);

    private Mechanism? ReadMechanism(DocNode node, string path)
    {
        var names = MechanismNames.All;
        if (node is DocScalar { IsNull: false } scalar)
        {
            if (MechanismNames.Parse(scalar.Value) is { } mechanism)
            {
                return mechanism;
            }

            _bag.Add($"'{scalar.Value}' is not a mechanism{NameSuggestions.DidYouMean(scalar.Value, names)}; use one of {string.Join(", ", names)}", scalar.Location, path);
            return null;
        }

        Expected(node, $"a mechanism ({string.Join(", ", names)})", path);
        return null;
    }

    private T? ReadEnum<T>(DocNode node, string path, string what, bool lowerCase = false)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => lowerCase ? n.ToLowerInvariant() : n).ToArray();
        if (node is DocScalar { IsNull: false } scalar)
        {
            var index = Array.IndexOf(names, scalar.Value);
            if (index >= 0)
            {
                return Enum.GetValues<T>()[index];
            }

            _bag.Add($"'{scalar.Value}' is not a {what}{NameSuggestions.DidYouMean(scalar.Value, names)}; use one of {string.Join(", ", names)}", scalar.Location, path);
            return null;
        }

        Expected(node, $"a {what} ({string.Join(", ", names)})", path);
        return null;
    }

    private Expression? ReadExpression(DocNode node, string path)
    {
        if (node is not DocScalar { IsNull: false } scalar)
        {
            Expected(node, "an expression (a string such as restrict(corpus, physical))", path);
            return null;
        }

        try
        {
            return ExpressionParser.Parse(scalar.Value, scalar.ContentStart);
        }
        catch (ModelException e)
        {
            _bag.AddRange(e.Diagnostics.Select(x => x with { Message = "in expression: " + x.Message, Path = path }));
            return null;
        }
    }

    private void Expected(DocNode node, string what, string path) =>
        _bag.Add($"expected {what} but found {node.Kind}", node.Location, path);

    private static string Join(string path, string key) => string.IsNullOrEmpty(path) ? key : $"{path}.{key}";
}
