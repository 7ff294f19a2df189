using System.Globalization;
using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios.Documents;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Scenarios;

/// <summary>
/// A complete statement of beliefs: a world model, the candidate structures, and the analysis
/// settings. Immutable and validated: every structure's expressions are well typed over the world
/// model and every required concept exists.
/// </summary>
public sealed class Scenario
{
    /// <summary>The scenario schema version this library reads and writes.</summary>
    public const int SchemaVersion = 1;

    private Scenario(string name, string description, WorldModel worldModel, ImmutableArray<Structure> structures, AnalysisSettings analysis, string source, DynamicsSettings dynamics, ImmutableArray<Phase> phases)
    {
        Dynamics = dynamics;
        Phases = phases;
        Name = name;
        Description = description;
        WorldModel = worldModel;
        Structures = structures;
        Analysis = analysis;
        Source = source;
    }

    /// <summary>Short name of the scenario.</summary>
    public string Name { get; }

    /// <summary>Free text: what beliefs the scenario states.</summary>
    public string Description { get; }

    /// <summary>The shared world model.</summary>
    public WorldModel WorldModel { get; }

    /// <summary>The candidate structures, in declared order; ids are unique.</summary>
    public ImmutableArray<Structure> Structures { get; }

    /// <summary>Analysis settings.</summary>
    public AnalysisSettings Analysis { get; }

    /// <summary>The settings of training as a Markov chain (high path dependence).</summary>
    public DynamicsSettings Dynamics { get; }

    /// <summary>The phases of training, in order; never empty (pre-training alone unless the scenario says otherwise).</summary>
    public ImmutableArray<Phase> Phases { get; }

    /// <summary>Where the scenario came from: a file path, or a label such as <c>&lt;embedded default&gt;</c>.</summary>
    public string Source { get; }

    /// <summary>Where each path stands in the file the scenario was read from; null for a scenario built in code or changed since.</summary>
    internal DocumentPaths? Locations { get; private init; }

    /// <summary>
    /// The parameters the scenario's file states as beliefs (distributions) rather than numbers, in the order they were
    /// read; the scenario holds each one's median as its value. Empty for a scenario built in code or changed since.
    /// </summary>
    public ImmutableArray<UncertainParameter> UncertainParameters { get; private init; } = [];

    /// <summary>
    /// The Spearman rank correlations the scenario's file states between its beliefs (<c>uncertainty.correlations</c>), in
    /// the order stated; each names two paths of <see cref="UncertainParameters"/>, and together they are positive
    /// semi-definite. A pair not listed is independent. Empty for a scenario built in code or changed since.
    /// </summary>
    public ImmutableArray<BeliefCorrelation> BeliefCorrelations { get; private init; } = [];

    /// <summary>
    /// The SHA-256 fingerprint of the document the scenario was read from, after <c>extends</c> was resolved: 64
    /// lower-case hexadecimal digits. Comments, layout, key order and the file format do not change it; any stated value
    /// does (the canonical form is described in docs/cli.md under "Provenance"). Null for a scenario built in code or
    /// changed in code since it was read (<see cref="With"/>), which has no document.
    /// </summary>
    public string? Sha256 { get; private init; }

    /// <summary>The same scenario, remembering where each of its paths stands in its file, the beliefs the file states, their correlations and the fingerprint of the resolved document.</summary>
    internal Scenario WithLocations(DocumentPaths locations, ImmutableArray<UncertainParameter> uncertain, ImmutableArray<BeliefCorrelation> correlations, string sha256) =>
        new(Name, Description, WorldModel, Structures, Analysis, Source, Dynamics, Phases) { Locations = locations, UncertainParameters = uncertain, BeliefCorrelations = correlations, Sha256 = sha256 };

    /// <summary>The embedded default scenario: the nine structures of the seed over the default world model.</summary>
    public static Scenario Default => DefaultScenario.Instance;

    /// <summary>Finds a structure by id; null when there is none.</summary>
    /// <param name="id">The structure id.</param>
    public Structure? FindStructure(string id) => Structures.FirstOrDefault(s => s.Id == id);

    /// <summary>Validates and builds a scenario.</summary>
    /// <param name="name">Short name; must not be empty.</param>
    /// <param name="description">Free text.</param>
    /// <param name="worldModel">The world model.</param>
    /// <param name="structures">At least one structure; ids unique.</param>
    /// <param name="analysis">Analysis settings; null for <see cref="AnalysisSettings.Default"/>.</param>
    /// <param name="source">Where the scenario came from.</param>
    /// <param name="dynamics">Settings of the training chain; null for <see cref="DynamicsSettings.Default"/>.</param>
    /// <param name="phases">Phases of training; null or empty for pre-training alone, of the dynamics' duration.</param>
    /// <exception cref="ModelException">Duplicate ids, unknown names, type or arity errors; all are listed.</exception>
    public static Scenario Create(
        string name,
        string description,
        WorldModel worldModel,
        IEnumerable<Structure> structures,
        AnalysisSettings? analysis = null,
        string source = "<code>",
        DynamicsSettings? dynamics = null,
        IEnumerable<Phase>? phases = null)
    {
        ArgumentNullException.ThrowIfNull(worldModel);
        ArgumentNullException.ThrowIfNull(structures);
        var list = structures.ToImmutableArray();
        var bag = new DiagnosticBag();
        if (list.IsEmpty)
        {
            bag.Add("the scenario has no structures; give at least one", null, "structures");
        }

        var knownNames = worldModel.Symbols.Select(s => s.Name).ToArray();
        var conceptNames = worldModel.Concepts.Select(c => c.Name).ToArray();
        var ids = new Dictionary<string, Structure>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var structure = list[i];
            var path = $"structures[{i}]";
            if (ids.TryGetValue(structure.Id, out var first))
            {
                var firstAt = first.Location is null ? "" : $" (first declared at {first.Location})";
                bag.Add($"structure id '{structure.Id}' is used twice{firstAt}", structure.Location, path);
            }
            else
            {
                ids[structure.Id] = structure;
            }

            CheckCamera(structure, worldModel, knownNames, bag, path);
            var errorsBefore = bag.Count;
            TypeChecker.Check(structure.Procedure, ModelType.Procedure, worldModel.Find, knownNames, bag, structure.Location, path + ".procedure");
            if (bag.Count == errorsBefore && structure.Mechanisms.Any(m => !double.IsFinite(structure.RuntimeSteps(m, worldModel))))
            {
                // A literal such as plan(10^400) makes T overflow a double; log2 T must stay finite.
                bag.Add(string.Create(CultureInfo.InvariantCulture, $"the runtime of structure '{structure.Id}' overflows: its procedure's literal makes T larger than {double.MaxValue:E2} steps; use a smaller literal or give runtimeSteps"), structure.Procedure.Location ?? structure.Location, path + ".procedure");
            }
            else if (bag.Count == errorsBefore && structure.RuntimeSteps(Mechanism.Internal, worldModel) is var runtime && structure.CameraSteps > runtime)
            {
                // The camera's steps are part of the runtime; an explicit runtimeSteps was checked already, a formula only here.
                bag.Add(Structure.CameraStepsError(structure.Id, structure.CameraSteps, runtime), structure.Location, path + ".cameraSteps");
            }

            for (var r = 0; r < structure.Requires.Length; r++)
            {
                var required = structure.Requires[r];
                if (worldModel.FindConcept(required) is null)
                {
                    bag.Add($"structure '{structure.Id}' requires the unknown concept '{required}'{NameSuggestions.DidYouMean(required, conceptNames)}", structure.Location, $"{path}.requires[{r}]");
                }
            }
        }

        dynamics ??= DynamicsSettings.Default;
        var phaseList = phases?.ToImmutableArray() ?? [];
        if (phaseList.IsEmpty)
        {
            phaseList = [Phase.Create("pre-training", dynamics.Duration, durationFromDynamics: true)];
        }

        var phaseNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < phaseList.Length; i++)
        {
            if (!phaseNames.TryAdd(phaseList[i].Name, i))
            {
                bag.Add($"the phase name '{phaseList[i].Name}' is used twice (first by dynamics.phases[{phaseNames[phaseList[i].Name]}])", null, $"dynamics.phases[{i}].name");
            }
        }

        bag.ThrowIfAny();
        return new Scenario(string.IsNullOrWhiteSpace(name) ? "unnamed" : name, description ?? "", worldModel, list, analysis ?? AnalysisSettings.Default, source, dynamics, phaseList);
    }

    /// <summary>Returns a copy with some parts replaced, checked like <see cref="Create"/>.</summary>
    /// <param name="worldModel">New world model, or null to keep it.</param>
    /// <param name="structures">New structures, or null to keep them.</param>
    /// <param name="analysis">New analysis settings, or null to keep them.</param>
    /// <param name="dynamics">New chain settings, or null to keep them.</param>
    /// <param name="phases">New phases, or null to keep them.</param>
    public Scenario With(WorldModel? worldModel = null, IEnumerable<Structure>? structures = null, AnalysisSettings? analysis = null, DynamicsSettings? dynamics = null, IEnumerable<Phase>? phases = null) =>
        Create(Name, Description, worldModel ?? WorldModel, structures ?? Structures, analysis ?? Analysis, Source, dynamics ?? Dynamics, phases ?? Phases);

    private static void CheckCamera(Structure structure, WorldModel worldModel, string[] knownNames, DiagnosticBag bag, string path)
    {
        var cameraType = structure.Camera switch
        {
            Hole hole => hole.Type,
            Application a when worldModel.Find(a.Name) is { } symbol => symbol.ResultType,
            _ => ModelType.Stream,
        };

        if (cameraType is not (ModelType.Stream or ModelType.Quantity))
        {
            bag.Add($"the camera of structure '{structure.Id}' is a {cameraType}; a camera must be a Stream (data tracked) or a Quantity (objective tracked)", structure.Camera.Location ?? structure.Location, path + ".camera");
            return;
        }

        TypeChecker.Check(structure.Camera, cameraType, worldModel.Find, knownNames, bag, structure.Location, path + ".camera");
    }
}
