using System.Collections.Immutable;
using PredictiveModels.Analysis;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Rendering.Tests;

/// <summary>Real results of the library, each computed once for every test, on coarse settings so the tests stay fast.</summary>
internal static class Results
{
    private static readonly Lazy<Scenario> CoarseScenario = new(() => ScenarioLoader.Parse(
        "schemaVersion: 1\nextends: default\ndynamics:\n  goalResolution: 16\n  worldSteps: 2\n", "coarse.yaml"));

    private static readonly Lazy<PosteriorResult> DefaultPosterior = new(() => SimplicityPosterior.Compute(Scenario.Default));

    private static readonly Lazy<SweepResult> LogSweep = new(() =>
    {
        var scenario = Scenario.Default;
        return ParameterSweep.Run(scenario, ScenarioParameter.Parse("analysis.dataSize", scenario), 10, 1e6, 6, SweepScale.Log);
    });

    private static readonly Lazy<TrainingSweepResult> CoarseTrainingSweep = new(() =>
    {
        var scenario = CoarseScenario.Value;
        return PredictiveModels.Dynamics.TrainingSweep.Run(scenario, ScenarioParameter.Parse("analysis.dataSize", scenario), 1e2, 1e4, 3, SweepScale.Log);
    });

    private static readonly Lazy<AnalysisResult> CoarseAnalysis = new(() => ScenarioAnalysis.Run(CoarseScenario.Value, relaxation: false));

    private static readonly Lazy<BeliefPropagationResult> SobolPropagation = new(() => BeliefPropagation.Run(
        ScenarioLoader.Parse(
            "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: \"truncate(normal(0.5, 1), 0, 10)\"\n",
            "uncertain.yaml"),
        new PropagationSettings(64, 1)));

    public static Scenario Coarse => CoarseScenario.Value;

    public static PosteriorResult Posterior => DefaultPosterior.Value;

    public static SweepResult Sweep => LogSweep.Value;

    /// <summary>A logarithmic sweep of training over the data size, three points on the coarse grid.</summary>
    public static TrainingSweepResult TrainingSweep => CoarseTrainingSweep.Value;

    public static AnalysisResult Analysis => CoarseAnalysis.Value;

    public static BeliefPropagationResult Propagation => SobolPropagation.Value;

    /// <summary>A sweep of one point, the smallest a sweep can be.</summary>
    public static SweepResult SinglePointSweep()
    {
        var scenario = Scenario.Default;
        return ParameterSweep.Run(scenario, ScenarioParameter.Parse("analysis.simplicityExponent", scenario), 1, 1, 1);
    }

    /// <summary>The same sweep with no points at all.</summary>
    public static SweepResult EmptySweep() => Sweep with { Points = ImmutableArray<SweepPoint>.Empty };
}
