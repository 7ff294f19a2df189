using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Small scenarios whose chains have a few hundred configurations.</summary>
internal static class DynamicsTestScenarios
{
    /// <summary>An honest predictor, a general inductor and a deceptive agent over a five-concept world.</summary>
    public static Scenario Tiny(double dataSize = 10)
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
        return Scenario.Create("tiny", "", world, structures, AnalysisSettings.Create(dataSize: dataSize));
    }

    /// <summary>
    /// A world model so heavy that, with one token of data, every world step costs thousands of bits
    /// more than it saves: its rate underflows to 0, the world model is never learned, and a corrigible
    /// goal that points at it can never be completed.
    /// </summary>
    public static Scenario Frozen()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 60_000),
            Concept.Base("physical", ModelType.Predicate, 4),
            Concept.Base("money", ModelType.Quantity, 3),
            Concept.Base("training_process", ModelType.Predicate, 8),
            Concept.Base("self_model", ModelType.Predicate, 10),
        ]);
        var structures = new[]
        {
            Structure.Create("predictor", "", Expression.Parse("restrict(corpus, physical)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("deceiver", "", Expression.Parse("longterm(?o: Quantity)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], requires: ["training_process", "self_model"]),
        };
        return Scenario.Create("frozen", "", world, structures, AnalysisSettings.Create(dataSize: 1), dynamics: DynamicsSettings.Create(goalResolution: 1));
    }

    /// <summary>
    /// The tiny chain with a watched phase of oversight resets, at the tightest tolerance: the stationary solve with
    /// resets cannot reach it, so a solver fails on a valid scenario.
    /// </summary>
    public static Scenario NonConverging() => Tiny().With(
        dynamics: DynamicsSettings.Create(tolerance: 1e-15, temperature: 1),
        phases: [Phase.Create("pre-training", 10), Phase.Create("watched", 10, conditionalBits: 2, oversightDetectionRate: 1e-3)]);

    /// <summary>
    /// World and goal base rates that make every full world or goal step run at 1 per unit of time, as every move did before
    /// rates were per unit of progress: the tiny chains' tests were tuned to those speeds (how often deception happens by a
    /// given time), and what they check (agreement of solvers, effects of a lever) does not depend on them.
    /// </summary>
    public static Dictionary<MoveKind, double> UnitStepRates(int worldSteps, double goalResolution) =>
        new() { [MoveKind.World] = 1.0 / worldSteps, [MoveKind.Goal] = goalResolution };
}
