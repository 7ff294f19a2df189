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
/// <c>phases.NAME.cameraSpeedWeight</c> (NAME a phase of <c>dynamics.phases</c>; they change the training chain, not the posterior).</description></item>
/// </list>
/// </summary>
public sealed class ScenarioParameter
{
    /// <summary>Every path form, for help texts and messages.</summary>
    public static ImmutableArray<string> PathForms { get; } =
    [
        "analysis.simplicityExponent (a)", "analysis.speedWeight (lambda)", "analysis.dataSize (n)",
        "concepts.NAME.bits", "concepts.NAME.weight", "builtins.NAME.weight", "worldModel.literalWeight",
        "structures.ID.lossGap", "structures.ID.runtimeSteps", "structures.ID.deriveSteps",
        "phases.NAME.duration", "phases.NAME.dataSize", "phases.NAME.conditionalBits",
        "phases.NAME.horizonBonus", "phases.NAME.awarenessBonus", "phases.NAME.klWeight",
        "phases.NAME.pretrainingFraction", "phases.NAME.oversightPenaltyBits", "phases.NAME.oversightDetectionRate",
        "phases.NAME.cameraSpeedWeight",
    ];

    private static readonly string[] PhaseKeys =
    [
        "duration", "dataSize", "conditionalBits", "horizonBonus", "awarenessBonus", "klWeight", "pretrainingFraction", "oversightPenaltyBits", "oversightDetectionRate", "cameraSpeedWeight",
    ];

    private readonly Func<Scenario, double> _get;
    private readonly Func<Scenario, double, Scenario> _set;

    private ScenarioParameter(string path, string unit, bool changesScores, Func<Scenario, double> get, Func<Scenario, double, Scenario> set)
    {
        Path = path;
        Unit = unit;
        ChangesScores = changesScores;
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
            default:
                throw Unknown($"'{path}' is not a parameter path{NameSuggestions.DidYouMean(path, ValidPaths(scenario))}; the forms are: {string.Join(", ", PathForms)}", path);
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
            .Concat(scenario.Phases.SelectMany(p => PhaseKeys.Select(k => $"phases.{p.Name}.{k}")));
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
