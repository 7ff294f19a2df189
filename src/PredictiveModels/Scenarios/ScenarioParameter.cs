using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Scenarios;

/// <summary>
/// A numeric parameter of a scenario addressed by a path, which can be read and set to produce a
/// new scenario. The paths:
/// <list type="bullet">
/// <item><description><c>analysis.simplicityExponent</c> (or <c>a</c>), <c>analysis.speedWeight</c> (or <c>lambda</c>), <c>analysis.dataSize</c> (or <c>n</c>);</description></item>
/// <item><description><c>concepts.NAME.bits</c> (base concepts), <c>concepts.NAME.weight</c>, <c>builtins.NAME.weight</c>, <c>worldModel.literalWeight</c>;</description></item>
/// <item><description><c>structures.ID.lossGap</c>, <c>structures.ID.runtimeSteps</c> (a value below the structure's camera steps lowers them with it), <c>structures.ID.deriveSteps</c>;</description></item>
/// <item><description><c>phases.NAME.duration</c>, <c>phases.NAME.dataSize</c>, <c>phases.NAME.conditionalBits</c>,
/// <c>phases.NAME.horizonBonus</c>, <c>phases.NAME.awarenessBonus</c>, <c>phases.NAME.klWeight</c>,
/// <c>phases.NAME.pretrainingFraction</c>, <c>phases.NAME.oversightPenaltyBits</c>, <c>phases.NAME.oversightDetectionRate</c>,
/// <c>phases.NAME.cameraSpeedWeight</c> (NAME a phase of <c>dynamics.phases</c>; they change the training chain, not the posterior);</description></item>
/// <item><description><c>dynamics.KEY</c> for every numeric setting of the chain (<see cref="DynamicsSettings"/>): <c>temperature</c>, <c>goalResolution</c>,
/// <c>worldSteps</c> (whole numbers only), <c>rates.KIND</c>, <c>worldGap</c>, <c>goalGap</c>, <c>horizonBits</c>, <c>awarenessBits</c>, <c>horizonBonus</c>,
/// <c>awarenessBonus</c>, <c>objectiveUnderstoodAt</c>, <c>duration</c> (the default of phases without their own) and <c>tolerance</c>; they too change
/// the training chain only. <c>dynamics.maxConfigurations</c> is a limit, not a parameter, and is refused.</description></item>
/// </list>
/// </summary>
public sealed class ScenarioParameter
{
    /// <summary>The kinds of move that have a base rate, as <c>dynamics.rates.KIND</c> spells them.</summary>
    private static readonly string[] RateKinds = ["world", "goal", "enter", "horizon", "awareness", "jump"];

    /// <summary>Every path form with its unit and range, in the order help texts list them.</summary>
    private static readonly (string Form, string Unit, string Range)[] Forms =
    [
        ("analysis.simplicityExponent (a)", "bits per bit of K", "0 to 1e6"),
        ("analysis.speedWeight (lambda)", "bits per doubling of runtime", "0 to 1e6"),
        ("analysis.dataSize (n)", "tokens", "0 to 1e30"),
        ("concepts.NAME.bits", "bits", "0 to 1e15; base concepts only"),
        ("concepts.NAME.weight", "weight", "> 0"),
        ("builtins.NAME.weight", "weight", "> 0"),
        ("worldModel.literalWeight", "weight", "> 0"),
        ("structures.ID.lossGap", "bits per token", "0 to 1e6"),
        ("structures.ID.runtimeSteps", "steps", "1 to 1e300"),
        ("structures.ID.deriveSteps", "steps", "0 to 1e300"),
        ("phases.NAME.duration", "training time", ">= 0; --dynamics"),
        ("phases.NAME.dataSize", "tokens", "0 to 1e30; --dynamics"),
        ("phases.NAME.conditionalBits", "bits", "0 to 1e15; --dynamics"),
        ("phases.NAME.horizonBonus", "bits per token", "0 to 1e6; --dynamics"),
        ("phases.NAME.awarenessBonus", "bits per token", "0 to 1e6; --dynamics"),
        ("phases.NAME.klWeight", "weight", "0 to 1e6; --dynamics"),
        ("phases.NAME.pretrainingFraction", "fraction", "0 to 1; --dynamics"),
        ("phases.NAME.oversightPenaltyBits", "bits", "0 to 1e15; --dynamics"),
        ("phases.NAME.oversightDetectionRate", "per unit of training time", "0 to 1e6; --dynamics"),
        ("phases.NAME.cameraSpeedWeight", "bits per doubling of the camera's steps", "0 to 1e6; --dynamics"),
        ("dynamics.temperature", "bits (the energy scale of 2^(-E/T))", "> 0; --dynamics"),
        ("dynamics.goalResolution", "bits per goal step", "> 0; sets the chain's size; --dynamics"),
        ("dynamics.worldSteps", "steps", "whole number 1 to 10000; sets the chain's size; --dynamics"),
        ("dynamics.rates.KIND", "per unit of training time: world models (world), goal bits (goal), events (the others)", "> 0; KIND one of " + string.Join(", ", RateKinds) + "; --dynamics"),
        ("dynamics.worldGap", "bits per token", ">= 0; --dynamics"),
        ("dynamics.goalGap", "bits per token", ">= 0; --dynamics"),
        ("dynamics.horizonBits", "bits", "0 to 1e15; --dynamics"),
        ("dynamics.awarenessBits", "bits", "0 to 1e15; --dynamics"),
        ("dynamics.horizonBonus", "bits per token", ">= 0; pre-training and phases without their own; --dynamics"),
        ("dynamics.awarenessBonus", "bits per token", ">= 0; pre-training and phases without their own; --dynamics"),
        ("dynamics.objectiveUnderstoodAt", "fraction of world-model progress", "0 to 1; --dynamics"),
        ("dynamics.duration", "training time", ">= 0; phases without their own duration; --dynamics"),
        ("dynamics.tolerance", "bound on the 1-norm error", "1e-15 to 1e-2; --dynamics"),
    ];

    private static readonly string[] PhaseKeys =
    [
        "duration", "dataSize", "conditionalBits", "horizonBonus", "awarenessBonus", "klWeight", "pretrainingFraction", "oversightPenaltyBits", "oversightDetectionRate", "cameraSpeedWeight",
    ];

    /// <summary>Every path form, for help texts and messages.</summary>
    public static ImmutableArray<string> PathForms { get; } = [.. Forms.Select(f => f.Form)];

    /// <summary>
    /// Every path form with its unit and valid range, one line each (e.g. <c>dynamics.goalResolution: bits per goal step; &gt; 0; ...</c>);
    /// "--dynamics" marks the paths that change only the training chain, so that only a training sweep can use them.
    /// </summary>
    public static ImmutableArray<string> PathDescriptions { get; } = [.. Forms.Select(f => $"{f.Form}: {f.Unit}; {f.Range}")];

    private readonly Func<Scenario, double> _get;
    private readonly Func<Scenario, double, Scenario> _set;

    private ScenarioParameter(string path, string unit, bool changesScores, Func<Scenario, double> get, Func<Scenario, double, Scenario> set, bool isInteger = false)
    {
        Path = path;
        Unit = unit;
        ChangesScores = changesScores;
        IsInteger = isInteger;
        _get = get;
        _set = set;
    }

    /// <summary>The canonical path, e.g. <c>concepts.corpus.bits</c>.</summary>
    public string Path { get; }

    /// <summary>The unit of the value, e.g. <c>bits</c> or <c>tokens</c>.</summary>
    public string Unit { get; }

    /// <summary>True when changing the value changes candidates' scores (not only the posterior's parameters).</summary>
    public bool ChangesScores { get; }

    /// <summary>True for a parameter of a training phase: it changes the training chain but neither the scores nor the section-4 posterior.</summary>
    public bool IsPhaseParameter => Path.StartsWith("phases.", StringComparison.Ordinal);

    /// <summary>True for a setting of the chain (<c>dynamics.*</c>): it changes the training chain but neither the scores nor the section-4 posterior.</summary>
    public bool IsDynamicsParameter => Path.StartsWith("dynamics.", StringComparison.Ordinal);

    /// <summary>True when the parameter changes only the training chain (a phase's or the chain's setting), so only a training sweep can use it.</summary>
    public bool ChangesOnlyTraining => IsPhaseParameter || IsDynamicsParameter;

    /// <summary>True when the parameter takes whole numbers only (<c>dynamics.worldSteps</c>); <see cref="Set"/> refuses other values.</summary>
    public bool IsInteger { get; }

    /// <summary>Resolves a path against a scenario.</summary>
    /// <param name="path">A path of one of the forms of <see cref="PathForms"/>.</param>
    /// <param name="scenario">The scenario whose names the path uses.</param>
    /// <exception cref="ModelException">The path has an unknown form or names something the scenario lacks.</exception>
    public static ScenarioParameter Parse(string path, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scenario);
        var parts = path.Split('.');
        switch (parts)
        {
            case ["a"] or ["analysis", "simplicityExponent"]:
                return Analysis("analysis.simplicityExponent", "bits per bit of K", s => s.SimplicityExponent, (s, v) => s.With(simplicityExponent: v));
            case ["lambda"] or ["analysis", "speedWeight"]:
                return Analysis("analysis.speedWeight", "bits per doubling of runtime", s => s.SpeedWeight, (s, v) => s.With(speedWeight: v));
            case ["n"] or ["analysis", "dataSize"]:
                return Analysis("analysis.dataSize", "tokens", s => s.DataSize, (s, v) => s.With(dataSize: v));
            case ["worldModel", "literalWeight"]:
                return new ScenarioParameter(path, "weight", true, s => s.WorldModel.LiteralWeight, (s, v) => WithWorld(s, s.WorldModel.Concepts, BuiltInWeights(s), v));
            case ["concepts", var name, "bits" or "weight"]:
                var concept = scenario.WorldModel.FindConcept(name)
                    ?? throw Unknown($"the scenario has no concept '{name}'{NameSuggestions.DidYouMean(name, scenario.WorldModel.Concepts.Select(c => c.Name))}", path);
                if (parts[2] == "bits")
                {
                    if (concept.IsDerived)
                    {
                        throw Unknown($"concept '{name}' is derived: its bits follow from its definition; sweep the bits of the concepts it is defined by", path);
                    }

                    return new ScenarioParameter(path, "bits", true, s => s.WorldModel.FindConcept(name)!.Bits!.Value, (s, v) => WithConcept(s, name, c => c.WithBits(v)));
                }

                return new ScenarioParameter(path, "weight", true, s => s.WorldModel.FindConcept(name)!.Weight, (s, v) => WithConcept(s, name, c => c.WithWeight(v)));
            case ["builtins", var builtIn, "weight"]:
                if (!scenario.WorldModel.BuiltIns.Any(b => b.Name == builtIn))
                {
                    throw Unknown($"there is no built-in '{builtIn}'{NameSuggestions.DidYouMean(builtIn, scenario.WorldModel.BuiltIns.Select(b => b.Name))}", path);
                }

                return new ScenarioParameter(path, "weight", true, s => s.WorldModel.BuiltIns.First(b => b.Name == builtIn).Weight, (s, v) =>
                {
                    var weights = BuiltInWeights(s);
                    weights[builtIn] = v;
                    return WithWorld(s, s.WorldModel.Concepts, weights, s.WorldModel.LiteralWeight);
                });
            case ["structures", var id, "lossGap" or "runtimeSteps" or "deriveSteps"]:
                var structure = scenario.FindStructure(id)
                    ?? throw Unknown($"the scenario has no structure '{id}'{NameSuggestions.DidYouMean(id, scenario.Structures.Select(s => s.Id))}", path);
                return parts[2] switch
                {
                    "lossGap" => new ScenarioParameter(path, "bits per token", true, s => s.FindStructure(id)!.LossGap, (s, v) => WithStructure(s, id, x => x.With(lossGap: v))),
                    "runtimeSteps" => new ScenarioParameter(path, "steps", true, s => s.FindStructure(id)!.RuntimeSteps(Mechanism.Internal, s.WorldModel), (s, v) => WithStructure(s, id, x => x.With(runtimeSteps: v, cameraSteps: Math.Min(x.CameraSteps, v)))),
                    _ => new ScenarioParameter(path, "steps", true, s => s.FindStructure(id)!.DeriveSteps, (s, v) => WithStructure(s, id, x => x.With(deriveSteps: v))),
                };
            case ["phases", var phaseName, var key]:
                return PhaseParameter(path, phaseName, key, scenario);
            case ["dynamics", "rates", var kind]:
                return RateParameter(path, kind);
            case ["dynamics", var key]:
                return DynamicsParameter(path, key, scenario);
            default:
                throw Unknown($"'{path}' is not a parameter path{NameSuggestions.DidYouMean(path, ValidPaths(scenario))}; the forms are:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", PathDescriptions)}", path);
        }
    }

    /// <summary>Every path <see cref="Parse"/> accepts for <paramref name="scenario"/>, with its names filled in (short forms included).</summary>
    /// <param name="scenario">The scenario whose concepts, built-ins, structures and phases name the paths.</param>
    public static IEnumerable<string> ValidPaths(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string[] fixedPaths = ["a", "lambda", "n", "analysis.simplicityExponent", "analysis.speedWeight", "analysis.dataSize", "worldModel.literalWeight"];
        return fixedPaths
            .Concat(scenario.WorldModel.Concepts.SelectMany(c => c.IsDerived ? [$"concepts.{c.Name}.weight"] : new[] { $"concepts.{c.Name}.bits", $"concepts.{c.Name}.weight" }))
            .Concat(scenario.WorldModel.BuiltIns.Select(b => $"builtins.{b.Name}.weight"))
            .Concat(scenario.Structures.SelectMany(x => new[] { "lossGap", "runtimeSteps", "deriveSteps" }.Select(k => $"structures.{x.Id}.{k}")))
            .Concat(scenario.Phases.SelectMany(p => PhaseKeys.Select(k => $"phases.{p.Name}.{k}")))
            .Concat(RateKinds.Select(k => $"dynamics.rates.{k}"))
            .Concat(DynamicsKeys.Where(k => k != "rates.KIND").Select(k => $"dynamics.{k}"));
    }

    /// <summary>The parameter's value in <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A scenario that has the parameter.</param>
    public double Get(Scenario scenario) => _get(scenario);

    /// <summary>A copy of <paramref name="scenario"/> with the parameter set to <paramref name="value"/>.</summary>
    /// <param name="scenario">A scenario that has the parameter.</param>
    /// <param name="value">The new value; it must be valid for the parameter.</param>
    /// <exception cref="ModelException">The value is out of the parameter's range; the diagnostic names the parameter.</exception>
    public Scenario Set(Scenario scenario, double value)
    {
        if (IsInteger && double.IsFinite(value) && value != Math.Round(value))
        {
            throw new ModelException($"{Path} = {SpecificationRules.Format(value)}: {Path} counts {Unit}, so it takes whole numbers only", null, Path);
        }

        try
        {
            return _set(scenario, value);
        }
        catch (ModelException e)
        {
            throw new ModelException(e.Diagnostics.Select(d => d with { Message = $"{Path} = {SpecificationRules.Format(value)}: {d.Message}", Path = Path }));
        }
    }

    private static ScenarioParameter Analysis(string path, string unit, Func<AnalysisSettings, double> get, Func<AnalysisSettings, double, AnalysisSettings> set) =>
        new(path, unit, false, s => get(s.Analysis), (s, v) => s.With(analysis: set(s.Analysis, v)));

    private static ScenarioParameter PhaseParameter(string path, string name, string key, Scenario scenario)
    {
        if (!scenario.Phases.Any(p => p.Name == name))
        {
            throw Unknown($"the scenario has no phase '{name}'{NameSuggestions.DidYouMean(name, scenario.Phases.Select(p => p.Name))}; its phases are {string.Join(", ", scenario.Phases.Select(p => p.Name))}", path);
        }

        (string Unit, Func<Phase, Scenario, double> Get, Func<Phase, double, Phase> Set) parameter = key switch
        {
            "duration" => ("training time", (p, _) => p.Duration, (p, v) => p.With(duration: v)),
            "dataSize" => ("tokens", (p, s) => p.DataSize ?? s.Analysis.DataSize, (p, v) => p.With(dataSize: v)),
            "conditionalBits" => ("bits", (p, _) => p.ConditionalBits, (p, v) => p.With(conditionalBits: v)),
            "horizonBonus" => ("bits per token", (p, s) => p.HorizonBonus ?? s.Dynamics.HorizonBonus, (p, v) => p.With(horizonBonus: v)),
            "awarenessBonus" => ("bits per token", (p, s) => p.AwarenessBonus ?? s.Dynamics.AwarenessBonus, (p, v) => p.With(awarenessBonus: v)),
            "klWeight" => ("weight", (p, _) => p.KlWeight, (p, v) => p.With(klWeight: v)),
            "pretrainingFraction" => ("fraction", (p, _) => p.PretrainingFraction, (p, v) => p.With(pretrainingFraction: v)),
            "oversightPenaltyBits" => ("bits", (p, _) => p.OversightPenaltyBits, (p, v) => p.With(oversightPenaltyBits: v)),
            "oversightDetectionRate" => ("per unit of training time", (p, _) => p.OversightDetectionRate, (p, v) => p.With(oversightDetectionRate: v)),
            "cameraSpeedWeight" => ("bits per doubling of the camera's steps", (p, s) => p.CameraSpeedWeight ?? s.Analysis.SpeedWeight, (p, v) => p.With(cameraSpeedWeight: v)),
            _ => throw Unknown($"'{key}' is not a numeric parameter of a phase{NameSuggestions.DidYouMean(key, PhaseKeys)}; use duration, dataSize, conditionalBits, horizonBonus, awarenessBonus, klWeight, pretrainingFraction, oversightPenaltyBits, oversightDetectionRate or cameraSpeedWeight", path),
        };

        return new ScenarioParameter(
            path,
            parameter.Unit,
            false,
            s => parameter.Get(s.Phases.First(p => p.Name == name), s),
            (s, v) => s.With(phases: s.Phases.Select(p => p.Name == name ? parameter.Set(p, v) : p)));
    }

    private static ScenarioParameter RateParameter(string path, string kind)
    {
        if (kind == "reset")
        {
            throw Unknown("a reset has no base rate: its rate is a phase's oversight detection rate; sweep phases.NAME.oversightDetectionRate", path);
        }

        if (!RateKinds.Contains(kind, StringComparer.Ordinal))
        {
            throw Unknown($"'{kind}' is not a kind of move with a base rate{NameSuggestions.DidYouMean(kind, RateKinds)}; the kinds are {string.Join(", ", RateKinds)}", path);
        }

        var move = Enum.Parse<MoveKind>(kind, ignoreCase: true);
        var unit = move switch
        {
            MoveKind.World => "world models per unit of training time",
            MoveKind.Goal => "goal bits per unit of training time",
            _ => "events per unit of training time",
        };
        return Dynamics(path, unit, d => d.Rate(move), (d, v) => d.With(rates: new Dictionary<MoveKind, double> { [move] = v }));
    }

    private static ScenarioParameter DynamicsParameter(string path, string key, Scenario scenario)
    {
        switch (key)
        {
            case "worldSteps":
                return new ScenarioParameter(path, "steps", false, s => s.Dynamics.WorldSteps, (s, v) => s.With(dynamics: s.Dynamics.With(worldSteps: WorldSteps(v))), isInteger: true);
            case "duration":
                if (!scenario.Phases.Any(p => p.DurationFromDynamics))
                {
                    throw Unknown($"every phase of scenario '{scenario.Name}' gives its own duration, so dynamics.duration (the default of phases without one) changes nothing; sweep phases.NAME.duration, NAME one of {string.Join(", ", scenario.Phases.Select(p => p.Name))}", path);
                }

                // The default duration reaches every phase that has none of its own.
                return new ScenarioParameter(path, "training time", false, s => s.Dynamics.Duration, (s, v) =>
                {
                    var dynamics = s.Dynamics.With(duration: v);
                    return s.With(dynamics: dynamics, phases: s.Phases.Select(p => p.DurationFromDynamics ? p.With(duration: v) : p));
                });
            case "maxConfigurations":
                throw Unknown("dynamics.maxConfigurations is a limit on the chain's size, not a parameter of the model: it changes no result; set it in the scenario", path);
            case "rates":
                throw Unknown($"give the kind of move: dynamics.rates.KIND, KIND one of {string.Join(", ", RateKinds)}", path);

            // Setting either one is an explicit override of the value derived from section 4; reading it gives the value in force.
            case "horizonBits":
                return new ScenarioParameter(path, "bits", false, s => ChainAccounting.For(s).HorizonBits, (s, v) => s.With(dynamics: s.Dynamics.With(horizonBits: v)));
            case "awarenessBits":
                return new ScenarioParameter(path, "bits", false, s => ChainAccounting.For(s).AwarenessBits, (s, v) => s.With(dynamics: s.Dynamics.With(awarenessBits: v)));
        }

        (string Unit, Func<DynamicsSettings, double> Get, Func<DynamicsSettings, double, DynamicsSettings> Set) parameter = key switch
        {
            "temperature" => ("bits", d => d.Temperature, (d, v) => d.With(temperature: v)),
            "goalResolution" => ("bits per goal step", d => d.GoalResolution, (d, v) => d.With(goalResolution: v)),
            "worldGap" => ("bits per token", d => d.WorldGap, (d, v) => d.With(worldGap: v)),
            "goalGap" => ("bits per token", d => d.GoalGap, (d, v) => d.With(goalGap: v)),

            "horizonBonus" => ("bits per token", d => d.HorizonBonus, (d, v) => d.With(horizonBonus: v)),
            "awarenessBonus" => ("bits per token", d => d.AwarenessBonus, (d, v) => d.With(awarenessBonus: v)),
            "objectiveUnderstoodAt" => ("fraction of world-model progress", d => d.ObjectiveUnderstoodAt, (d, v) => d.With(objectiveUnderstoodAt: v)),
            "tolerance" => ("1-norm error bound", d => d.Tolerance, (d, v) => d.With(tolerance: v)),
            _ => throw Unknown($"'{key}' is not a numeric setting of the chain{NameSuggestions.DidYouMean(key, DynamicsKeys)}. The settings are {string.Join(", ", DynamicsKeys)}", path),
        };

        return Dynamics(path, parameter.Unit, parameter.Get, parameter.Set);
    }

    /// <summary>The numeric keys of the dynamics section a sweep can set.</summary>
    private static readonly string[] DynamicsKeys =
    [
        "temperature", "goalResolution", "worldSteps", "rates.KIND", "worldGap", "goalGap", "horizonBits", "awarenessBits",
        "horizonBonus", "awarenessBonus", "objectiveUnderstoodAt", "duration", "tolerance",
    ];

    private static ScenarioParameter Dynamics(string path, string unit, Func<DynamicsSettings, double> get, Func<DynamicsSettings, double, DynamicsSettings> set) =>
        new(path, unit, false, s => get(s.Dynamics), (s, v) => s.With(dynamics: set(s.Dynamics, v)));

    /// <summary>A whole number of world steps; a value outside an int's range is passed on as one out of the settings' range.</summary>
    private static int WorldSteps(double value) =>
        double.IsNaN(value) ? 0 : (int)Math.Clamp(value, int.MinValue, int.MaxValue);

    private static Dictionary<string, double> BuiltInWeights(Scenario s) =>
        s.WorldModel.BuiltIns.ToDictionary(b => b.Name, b => b.Weight, StringComparer.Ordinal);

    private static Scenario WithConcept(Scenario s, string name, Func<Concept, Concept> change) =>
        WithWorld(s, s.WorldModel.Concepts.Select(c => c.Name == name ? change(c) : c), BuiltInWeights(s), s.WorldModel.LiteralWeight);

    private static Scenario WithWorld(Scenario s, IEnumerable<Concept> concepts, Dictionary<string, double> builtIns, double literalWeight) =>
        s.With(worldModel: WorldModel.Create(concepts, builtIns, literalWeight));

    private static Scenario WithStructure(Scenario s, string id, Func<Structure, Structure> change) =>
        s.With(structures: s.Structures.Select(x => x.Id == id ? change(x) : x));

    private static ModelException Unknown(string message, string path) => new(message, null, path);
}
