using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Interactive.Tests;

/// <summary>Results computed once for all the tests: of the default scenario, and of a tiny one for training and the analysis.</summary>
internal static class Results
{
    /// <summary>Training and the analysis use a scenario small enough to train in well under a second (the default takes minutes).</summary>
    private static readonly Lazy<AnalysisResult> LazyAnalysis = new(() => ScenarioAnalysis.Run(Tiny(), levers: [Lever.Standard[0]]));

    private static readonly Lazy<BeliefPropagationResult> LazyPropagation = new(() => BeliefPropagation.Run(
        ScenarioLoader.Parse("schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n", "uncertain.yaml"),
        new PropagationSettings(16, 7, sensitivity: SensitivityMethod.RankCorrelation)));

    /// <summary>The same propagation with Sobol indices (the other one has rank correlations only).</summary>
    private static readonly Lazy<BeliefPropagationResult> LazySobolPropagation = new(() => BeliefPropagation.Run(
        ScenarioLoader.Parse("schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n", "uncertain.yaml"),
        new PropagationSettings(16, 7, sensitivity: SensitivityMethod.Sobol, bootstrapResamples: 100)));

    public static Scenario Scenario => DefaultScenario.Instance;

    public static ScoreReport Scores { get; } = StructureScorer.Score(Scenario);

    public static PosteriorResult Posterior { get; } = SimplicityPosterior.Compute(Scenario);

    public static AnalysisResult Analysis => LazyAnalysis.Value;

    public static TrainingResult Training => Analysis.Training;

    public static BeliefPropagationResult Propagation => LazyPropagation.Value;

    public static BeliefPropagationResult SobolPropagation => LazySobolPropagation.Value;

    /// <summary>Three structures on five concepts, with two short phases.</summary>
    public static Scenario Tiny()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 6, weight: 2),
            Concept.Base("physical", ModelType.Predicate, 4),
            Concept.Base("money", ModelType.Quantity, 3),
            Concept.Base("training_process", ModelType.Predicate, 8),
            Concept.Base("self_model", ModelType.Predicate, 10),
        ]);
        var structures = new[]
        {
            Structure.Create("predictor", "", Expression.Parse("restrict(corpus, physical)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("inductor", "", Expression.Parse("any_stream"), Expression.Parse("bayes_mixture"), OutcomeClass.AnthropicCapture, [Mechanism.Corrigible]),
            Structure.Create("deceiver", "", Expression.Parse("longterm(?o: Quantity)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], requires: ["training_process", "self_model"]),
        };
        return Scenarios.Scenario.Create("tiny", "", world, structures, AnalysisSettings.Create(dataSize: 10))
            .With(phases: [Phase.Create("pre", 5), Phase.Create("rl", 3, conditionalBits: 2)]);
    }

    private static readonly Lazy<TrainingSweepResult> LazyTrainingSweep = new(() =>
    {
        var tiny = Tiny();
        return PredictiveModels.Dynamics.TrainingSweep.Run(tiny, ScenarioParameter.Parse("analysis.dataSize", tiny), 1, 100, 3, SweepScale.Log);
    });

    /// <summary>A sweep of training over the data size of the tiny scenario, three points.</summary>
    public static TrainingSweepResult TrainingSweep => LazyTrainingSweep.Value;

    public static SweepResult Sweep() => ParameterSweep.Run(Scenario, ScenarioParameter.Parse("analysis.dataSize", Scenario), 1e2, 1e8, 4, SweepScale.Log);
}
