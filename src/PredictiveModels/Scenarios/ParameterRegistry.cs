using System.Collections.Immutable;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Scenarios;

/// <summary>
/// Every numeric parameter of a scenario, each declared once (<see cref="ParameterDefinition"/>): the settings of the
/// analyses, the numbers of the world model, its concepts and built-ins, of each structure, every setting and base rate of
/// the training chain, and every number of a training phase. The scenario reader takes its numeric keys and range checks
/// from here, <see cref="ScenarioParameter"/> its paths, the typed specifications (<see cref="AnalysisSettings"/>,
/// <see cref="DynamicsSettings"/>, <see cref="Phase"/>) their range checks, and tests hold the JSON Schema and the docs'
/// tables to it. Adding a phase parameter means a property of <see cref="Phase"/>, a definition here and the code that
/// uses the value.
/// </summary>
public static class ParameterRegistry
{
    /// <summary>The kinds of move that have a base rate, as <c>dynamics.rates.KIND</c> spells them (a reset has none: its rate is a phase's detection rate).</summary>
    public static ImmutableArray<string> RateKinds { get; } =
        [.. Enum.GetValues<MoveKind>().Where(k => k != MoveKind.Reset).Select(k => char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..])];

    /// <summary>Every definition, in the order help texts list them: analysis, concepts, built-ins, the world model, structures, phases, the chain.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } = Declare();

    /// <summary>The definitions of one scope, in the order of <see cref="All"/>.</summary>
    /// <param name="scope">The scope.</param>
    public static IEnumerable<ParameterDefinition> InScope(ParameterScope scope) => All.Where(d => d.Scope == scope);

    /// <summary>The definition of <paramref name="key"/> in <paramref name="scope"/>.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="key">The key, e.g. <c>klWeight</c> for <see cref="ParameterScope.Phase"/>.</param>
    /// <exception cref="KeyNotFoundException">No parameter of that scope has that key.</exception>
    public static ParameterDefinition Get(ParameterScope scope, string key) =>
        All.FirstOrDefault(d => d.Scope == scope && d.Key == key) ?? throw new KeyNotFoundException($"no parameter '{key}' in scope {scope}");

    private static ImmutableArray<ParameterDefinition> Declare()
    {
        const double MaxBonus = 1e6;
        return
        [
            Analysis("simplicityExponent", "a", "bits per bit of K", ParameterRange.Limits(0, AnalysisSettings.MaxExponent), "the simplicity exponent a",
                "Simplicity exponent a of the prior 2^(-a K); 0 switches the simplicity prior off.",
                () => AnalysisSettings.Default.SimplicityExponent, a => a.SimplicityExponent, (a, v) => a.With(simplicityExponent: v)),
            Analysis("speedWeight", "lambda", "bits per doubling of runtime", ParameterRange.Limits(0, AnalysisSettings.MaxExponent), "the speed weight lambda",
                "Speed weight lambda of the speed prior, per doubling of a candidate's runtime steps T; 0 switches it off.",
                () => AnalysisSettings.Default.SpeedWeight, a => a.SpeedWeight, (a, v) => a.With(speedWeight: v)),
            Analysis("dataSize", "n", "tokens", ParameterRange.Limits(0, AnalysisSettings.MaxDataSize), "the data size n",
                "Effective training data size n, which multiplies each structure's loss gap.",
                () => AnalysisSettings.Default.DataSize, a => a.DataSize, (a, v) => a.With(dataSize: v)),
            Analysis("sizeBound", null, "nodes", ParameterRange.Between(1, AnalysisSettings.MaxSizeBound, wholeNumbers: true, unitSuffix: " nodes"), "the size bound",
                "Largest hole filling, in nodes, counted in class masses.",
                () => AnalysisSettings.Default.SizeBound, a => a.SizeBound, (a, v) => a.With(sizeBound: (int)v),
                notSweepable: "analysis.sizeBound bounds the counting of class masses, a precision of the computation rather than a parameter of the model; set it in the scenario"),
            Analysis("eliminationThreshold", null, "share of the posterior", ParameterRange.StrictlyBetween(0, 1), "the elimination threshold",
                "Share of the posterior below which a structure counts as eliminated.",
                () => AnalysisSettings.Default.EliminationThreshold, a => a.EliminationThreshold, (a, v) => a.With(eliminationThreshold: v),
                notSweepable: "analysis.eliminationThreshold changes only which structures the report calls eliminated, no probability; set it in the scenario"),

            new(ParameterScope.Concept, "bits", "bits", ParameterRange.Bits, "the bits of concept 'NAME'",
                "Intrinsic description length of a base concept.",
                () => null, "none: a concept gives bits or a definition",
                (s, name) => s.WorldModel.FindConcept(name)!.Bits,
                (s, name, v) => WithConcept(s, name, c => c.WithBits(v)),
                note: "base concepts only",
                refusal: (s, name) => s.WorldModel.FindConcept(name) is { IsDerived: true }
                    ? $"concept '{name}' is derived: its bits follow from its definition; sweep the bits of the concepts it is defined by"
                    : null),
            new(ParameterScope.Concept, "weight", "weight", ParameterRange.Positive, "the weight of concept 'NAME'",
                "Salience of a concept among the alternatives of its type.",
                () => 1, "1",
                (s, name) => s.WorldModel.FindConcept(name)!.Weight,
                (s, name, v) => WithConcept(s, name, c => c.WithWeight(v))),
            new(ParameterScope.Concept, "acquiredAt", "bits of world-model progress", ParameterRange.Bits, "acquiredAt of concept 'NAME'",
                "World-model progress at which the concept exists in the training chain.",
                () => null, "the default acquisition schedule",
                (s, name) => s.WorldModel.FindConcept(name)!.AcquiredAt,
                (s, name, v) => WithConcept(s, name, c => c.IsDerived
                    ? Concept.Derived(c.Name, c.ResultType, c.Definition!, c.Weight, v, c.Description, c.Location)
                    : Concept.Base(c.Name, c.ResultType, c.Bits!.Value, c.Weight, c.ParameterTypes, v, c.Description, c.Location)),
                notSweepable: "concepts.NAME.acquiredAt moves a concept in the acquisition schedule; sweeps do not offer it yet, so change it in the scenario"),

            new(ParameterScope.BuiltIn, "weight", "weight", ParameterRange.Positive, "the weight of built-in 'NAME'",
                "Salience of a built-in combinator among the alternatives of its type.",
                () => 1, "1",
                (s, name) => s.WorldModel.BuiltIns.First(b => b.Name == name).Weight,
                (s, name, v) =>
                {
                    var weights = BuiltInWeights(s);
                    weights[name] = v;
                    return WithWorld(s, s.WorldModel.Concepts, weights, s.WorldModel.LiteralWeight);
                }),

            new(ParameterScope.WorldModel, "literalWeight", "weight", ParameterRange.Positive, "the literal weight",
                "Weight of the natural-literal production among the alternatives of type Nat.",
                () => 1, "1",
                (s, _) => s.WorldModel.LiteralWeight,
                (s, _, v) => WithWorld(s, s.WorldModel.Concepts, BuiltInWeights(s), v)),

            new(ParameterScope.Structure, "lossGap", "bits per token", ParameterRange.Limits(0, Structure.MaxLossGap), "the loss gap of structure 'NAME'",
                "Excess training cross-entropy of the structure.",
                () => 0, "0",
                (s, id) => s.FindStructure(id)!.LossGap,
                (s, id, v) => WithStructure(s, id, x => x.With(lossGap: v))),
            new(ParameterScope.Structure, "runtimeSteps", "steps", ParameterRange.Limits(1, Structure.MaxSteps), "the runtime steps of structure 'NAME'",
                "Runtime cost in abstract steps, overriding the procedure's formula; a value below the camera's steps lowers them with it.",
                () => null, "the procedure's formula, else 1",
                (s, id) => s.FindStructure(id)!.RuntimeSteps(Mechanism.Internal, s.WorldModel),
                (s, id, v) => WithStructure(s, id, x => x.With(runtimeSteps: v, cameraSteps: Math.Min(x.CameraSteps, v)))),
            new(ParameterScope.Structure, "cameraSteps", "steps", ParameterRange.Limits(1, Structure.MaxSteps), "the camera steps of structure 'NAME'",
                "How many of the runtime steps the camera takes; at most the runtime steps.",
                () => 1, "1",
                (s, id) => s.FindStructure(id)!.CameraSteps,
                (s, id, v) => WithStructure(s, id, x => x.With(cameraSteps: v)),
                notSweepable: "structures.ID.cameraSteps is bounded by the runtime steps; sweeps do not offer it yet, so sweep structures.ID.runtimeSteps or change it in the scenario"),
            new(ParameterScope.Structure, "deriveSteps", "steps", ParameterRange.Limits(0, Structure.MaxSteps), "the derive steps of structure 'NAME'",
                "Extra steps of a deceptive implementation.",
                () => 0, "0",
                (s, id) => s.FindStructure(id)!.DeriveSteps,
                (s, id, v) => WithStructure(s, id, x => x.With(deriveSteps: v))),

            Phase("duration", "training time", ParameterRange.AtLeast(0), "the phase's duration",
                "Training time of the phase, in units of inverse base rate.",
                null, "dynamics.duration", (p, _) => p.Duration, (p, v) => p.With(duration: v)),
            Phase("dataSize", "tokens", ParameterRange.Limits(0, AnalysisSettings.MaxDataSize), "the phase's data size",
                "Effective data size n of the phase.",
                null, "analysis.dataSize", (p, s) => p.DataSize ?? s.Analysis.DataSize, (p, v) => p.With(dataSize: v)),
            Phase("conditionalBits", "bits", ParameterRange.Bits, "the conditional's bits",
                "Bits every aligned goal must add to encode the conditional the phase trains for; the deceptive branch infers it at run time.",
                0, null, (p, _) => p.ConditionalBits, (p, v) => p.With(conditionalBits: v)),
            Phase("horizonBonus", "bits per token", ParameterRange.Limits(0, MaxBonus), "the horizon bonus",
                "Loss reduction of a long-term horizon in the phase.",
                null, "dynamics.horizonBonus", (p, s) => p.HorizonBonus ?? s.Dynamics.HorizonBonus, (p, v) => p.With(horizonBonus: v)),
            Phase("awarenessBonus", "bits per token", ParameterRange.Limits(0, MaxBonus), "the awareness bonus",
                "Loss reduction of situational awareness in the phase.",
                null, "dynamics.awarenessBonus", (p, s) => p.AwarenessBonus ?? s.Dynamics.AwarenessBonus, (p, v) => p.With(awarenessBonus: v)),
            Phase("klWeight", "weight", ParameterRange.Limits(0, MaxBonus), "the KL weight",
                "KL regularisation weight kappa: the pre-training energy is added with this weight.",
                0, null, (p, _) => p.KlWeight, (p, v) => p.With(klWeight: v)),
            Phase("pretrainingFraction", "fraction", ParameterRange.Limits(0, 1), "the pre-training fraction",
                "Fraction phi of interspersed pre-training: the energy is (1 - phi) E + phi E_pretraining.",
                0, null, (p, _) => p.PretrainingFraction, (p, v) => p.With(pretrainingFraction: v)),
            Phase("oversightPenaltyBits", "bits", ParameterRange.Bits, "the oversight penalty",
                "Penalty on configurations that show the precursors of deception (long-term and aware).",
                0, null, (p, _) => p.OversightPenaltyBits, (p, v) => p.With(oversightPenaltyBits: v)),
            Phase("oversightDetectionRate", "per unit of training time", ParameterRange.Limits(0, Scenarios.Phase.MaxDetectionRate), "the oversight detection rate",
                "Rate at which a configuration that shows the precursors of deception is detected and reset; 0 detects nothing.",
                0, null, (p, _) => p.OversightDetectionRate, (p, v) => p.With(oversightDetectionRate: v)),
            Phase("cameraSpeedWeight", "bits per doubling of the camera's steps", ParameterRange.Limits(0, AnalysisSettings.MaxExponent), "the camera speed weight",
                "Speed weight lambda_c of a separate camera model trained with its own speed bias.",
                null, "analysis.speedWeight", (p, s) => p.CameraSpeedWeight ?? s.Analysis.SpeedWeight, (p, v) => p.With(cameraSpeedWeight: v)),

            Dynamics("temperature", "bits", ParameterRange.Positive, "the temperature",
                "Temperature T of the heat-bath rates and of the equilibrium 2^(-E/T).",
                d => d.Temperature, (d, v) => d.With(temperature: v), helpUnit: "bits (the energy scale of 2^(-E/T))"),
            Dynamics("goalResolution", "bits per goal step", ParameterRange.Positive, "the goal resolution",
                "Bits per goal step: a goal of K bits takes ceil(K / resolution) steps.",
                d => d.GoalResolution, (d, v) => d.With(goalResolution: v), note: "sets the chain's size"),
            Dynamics("worldSteps", "steps", ParameterRange.Between(1, 10_000, wholeNumbers: true), "the number of world steps",
                "Number of equal world-model steps W.",
                d => d.WorldSteps, (d, v) => d.With(worldSteps: WholeSteps(v)), note: "sets the chain's size"),
            new(ParameterScope.Rate, "KIND", "per unit of training time", ParameterRange.Positive, "the NAME rate",
                "Base rate of a kind of move: world models per unit of time (world), goal bits per unit of time (goal), events per unit of time (the others).",
                () => null, null,
                (s, kind) => s.Dynamics.Rate(Move(kind)),
                (s, kind, v) => s.With(dynamics: WithRate(s.Dynamics, kind, v)),
                note: "KIND one of " + string.Join(", ", RateKinds),
                helpUnit: "per unit of training time: world models (world), goal bits (goal), events (the others)",
                unitOf: kind => Move(kind) switch
                {
                    MoveKind.World => "world models per unit of training time",
                    MoveKind.Goal => "goal bits per unit of training time",
                    _ => "events per unit of training time",
                },
                refusal: (_, kind) => kind == "reset"
                    ? "a reset has no base rate: its rate is a phase's oversight detection rate; sweep phases.NAME.oversightDetectionRate"
                    : null)
            {
                WithDynamics = WithRate,
                DescribeDefault = () => string.Join(", ", RateKinds.Select(k => $"{k} {ParameterRange.FormatBound(DynamicsSettings.Default.Rate(Move(k)))}")),
            },
            Dynamics("worldGap", "bits per token", ParameterRange.AtLeast(0), "the world gap",
                "Loss of an empty world model above a complete one, falling linearly with world-model progress.",
                d => d.WorldGap, (d, v) => d.With(worldGap: v)),
            Dynamics("goalGap", "bits per token", ParameterRange.AtLeast(0), "the goal gap",
                "Loss of a configuration with no goal above one with a complete goal, falling linearly with goal progress.",
                d => d.GoalGap, (d, v) => d.With(goalGap: v)),
            Dynamics("horizonBits", "bits", ParameterRange.Bits, "the horizon bits",
                "An explicit override of the bits a long-term horizon costs every long-term configuration.",
                d => d.HorizonBits, (d, v) => d.With(horizonBits: v), defaultSource: "derived from section 4 (the deceptive candidate's selection of longterm)"),
            Dynamics("awarenessBits", "bits", ParameterRange.Bits, "the awareness bits",
                "An explicit override of the bits situational awareness costs every aware configuration.",
                d => d.AwarenessBits, (d, v) => d.With(awarenessBits: v), defaultSource: "derived from section 4 (the deceptive candidate's pointers to its required concepts)"),
            Dynamics("horizonBonus", "bits per token", ParameterRange.AtLeast(0), "the horizon bonus",
                "Loss reduction of a long-term horizon in pre-training and in phases without their own.",
                d => d.HorizonBonus, (d, v) => d.With(horizonBonus: v), note: "pre-training and phases without their own"),
            Dynamics("awarenessBonus", "bits per token", ParameterRange.AtLeast(0), "the awareness bonus",
                "Loss reduction of situational awareness in pre-training and in phases without their own.",
                d => d.AwarenessBonus, (d, v) => d.With(awarenessBonus: v), note: "pre-training and phases without their own"),
            Dynamics("objectiveUnderstoodAt", "fraction of world-model progress", ParameterRange.Between(0, 1), "objectiveUnderstoodAt",
                "Fraction of world-model progress from which the training objective is understood, so that the deceptive jump is possible.",
                d => d.ObjectiveUnderstoodAt, (d, v) => d.With(objectiveUnderstoodAt: v)),
            new(ParameterScope.Dynamics, "duration", "training time", ParameterRange.AtLeast(0), "the duration",
                "Training time of a phase that gives no duration of its own, in units of inverse base rate.",
                () => DynamicsSettings.Default.Duration, null,
                (s, _) => s.Dynamics.Duration,
                // The default duration reaches every phase that has none of its own.
                (s, _, v) => s.With(dynamics: s.Dynamics.With(duration: v), phases: s.Phases.Select(p => p.DurationFromDynamics ? p.With(duration: v) : p)),
                note: "phases without their own duration",
                refusal: (s, _) => s.Phases.Any(p => p.DurationFromDynamics)
                    ? null
                    : $"every phase of scenario '{s.Name}' gives its own duration, so dynamics.duration (the default of phases without one) changes nothing; sweep phases.NAME.duration, NAME one of {string.Join(", ", s.Phases.Select(p => p.Name))}")
            {
                WithDynamics = (d, _, v) => d.With(duration: v),
            },
            Dynamics("tolerance", "1-norm error bound", ParameterRange.Between(1e-15, 1e-2), "the tolerance",
                "Bound on the 1-norm error of the transient distribution (uniformization truncation).",
                d => d.Tolerance, (d, v) => d.With(tolerance: v), helpUnit: "bound on the 1-norm error"),
            Dynamics("maxConfigurations", "configurations", ParameterRange.Between(1, double.PositiveInfinity, wholeNumbers: true), "maxConfigurations",
                "The largest number of configurations the chain may have; checked before anything is allocated.",
                d => d.MaxConfigurations, (d, v) => d.With(maxConfigurations: (long)v),
                notSweepable: "dynamics.maxConfigurations is a limit on the chain's size, not a parameter of the model: it changes no result; set it in the scenario"),
        ];
    }

    private static ParameterDefinition Analysis(string key, string? shortName, string unit, ParameterRange range, string what, string description, Func<double> defaultValue, Func<AnalysisSettings, double> get, Func<AnalysisSettings, double, AnalysisSettings> with, string? notSweepable = null) =>
        new(ParameterScope.Analysis, key, unit, range, what, description,
            () => defaultValue(), null,
            (s, _) => get(s.Analysis),
            (s, _, v) => s.With(analysis: with(s.Analysis, v)),
            shortName: shortName, notSweepable: notSweepable)
        {
            WithAnalysis = with,
        };

    /// <summary>A phase's parameter; its default is a number, or (<paramref name="defaultFrom"/>) the value of another key.</summary>
    private static ParameterDefinition Phase(string key, string unit, ParameterRange range, string what, string description, double? defaultValue, string? defaultFrom, Func<Phase, Scenario, double> get, Func<Phase, double, Phase> with) =>
        new(ParameterScope.Phase, key, unit, range, what, description,
            () => defaultValue, defaultFrom,
            (s, name) => get(s.Phases.First(p => p.Name == name), s),
            (s, name, v) => s.With(phases: s.Phases.Select(p => p.Name == name ? with(p, v) : p)),
            refusal: (s, name) => s.Phases.Any(p => p.Name == name)
                ? null
                : $"the scenario has no phase '{name}'{Diagnostics.NameSuggestions.DidYouMean(name, s.Phases.Select(p => p.Name))}; its phases are {string.Join(", ", s.Phases.Select(p => p.Name))}")
        {
            WithPhase = with,
        };

    private static ParameterDefinition Dynamics(string key, string unit, ParameterRange range, string what, string description, Func<DynamicsSettings, double?> get, Func<DynamicsSettings, double, DynamicsSettings> with, string? note = null, string? helpUnit = null, string? notSweepable = null, string? defaultSource = null) =>
        new(ParameterScope.Dynamics, key, unit, range, what, description,
            () => defaultSource is null ? get(DynamicsSettings.Default) : null, defaultSource,
            (s, _) => get(s.Dynamics),
            (s, _, v) => s.With(dynamics: with(s.Dynamics, v)),
            note: note, helpUnit: helpUnit, notSweepable: notSweepable)
        {
            WithDynamics = (d, _, v) => with(d, v),
        };

    private static MoveKind Move(string kind) => Enum.Parse<MoveKind>(kind, ignoreCase: true);

    private static DynamicsSettings WithRate(DynamicsSettings d, string kind, double v) => d.With(rates: new Dictionary<MoveKind, double> { [Move(kind)] = v });

    /// <summary>A whole number of world steps; a value outside an int's range is passed on as one out of the settings' range.</summary>
    private static int WholeSteps(double value) =>
        double.IsNaN(value) ? 0 : (int)Math.Clamp(value, int.MinValue, int.MaxValue);

    private static Dictionary<string, double> BuiltInWeights(Scenario s) =>
        s.WorldModel.BuiltIns.ToDictionary(b => b.Name, b => b.Weight, StringComparer.Ordinal);

    private static Scenario WithConcept(Scenario s, string name, Func<Concept, Concept> change) =>
        WithWorld(s, s.WorldModel.Concepts.Select(c => c.Name == name ? change(c) : c), BuiltInWeights(s), s.WorldModel.LiteralWeight);

    private static Scenario WithWorld(Scenario s, IEnumerable<Concept> concepts, Dictionary<string, double> builtIns, double literalWeight) =>
        s.With(worldModel: WorldModel.Create(concepts, builtIns, literalWeight));

    private static Scenario WithStructure(Scenario s, string id, Func<Structure, Structure> change) =>
        s.With(structures: s.Structures.Select(x => x.Id == id ? change(x) : x));
}
