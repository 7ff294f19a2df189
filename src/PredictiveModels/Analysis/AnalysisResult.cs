using System.Collections.Immutable;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Analysis;

/// <summary>
/// The whole analysis of one scenario (<see cref="ScenarioAnalysis.Run"/>): every candidate's description length,
/// the simplicity posterior under both hole costs, training phase by phase with its discretisation estimates, and
/// what each standard lever does to the three headline numbers.
/// </summary>
/// <param name="Scenario">The scenario analysed.</param>
/// <param name="Scores">Every candidate's description length, runtime and loss gap.</param>
/// <param name="Posterior">The simplicity posterior with the scenario's own settings (low path dependence without training).</param>
/// <param name="OtherHoleCost">The hole cost the scenario does not use (<see cref="HoleCost.Min"/> when it uses <see cref="HoleCost.Class"/>, and the reverse).</param>
/// <param name="OtherHoleCostPosterior">The simplicity posterior with <paramref name="OtherHoleCost"/> instead of the scenario's.</param>
/// <param name="Training">Training through the scenario's phases on its grid (<see cref="Scenario.Dynamics"/>).</param>
/// <param name="Discretisation">The training's headline numbers beside their values on the next coarser grid.</param>
/// <param name="Levers">One outcome per lever, in the order the levers were given (<see cref="Lever.Standard"/> by default).</param>
public sealed record AnalysisResult(
    Scenario Scenario,
    ScoreReport Scores,
    PosteriorResult Posterior,
    HoleCost OtherHoleCost,
    PosteriorResult OtherHoleCostPosterior,
    TrainingResult Training,
    TrainingDiscretisation Discretisation,
    ImmutableArray<LeverOutcome> Levers)
{
    /// <summary>What the result rests on: the library version that computed it and the fingerprint of <see cref="Scenario"/> (null when it was built or changed in code).</summary>
    public Provenance Provenance => Provenance.Of(Scenario);

    /// <summary><c>P(Deceptive)</c> under the simplicity posterior, without training phases (probability, 0 to 1).</summary>
    public double SimplicityPosterior => Posterior.DeceptiveProbability;

    /// <summary><c>P(Deceptive)</c> at the equilibrium of the last training phase: low path dependence (probability, 0 to 1).</summary>
    public double LowPathDependence => Training.Equilibrium.DeceptiveProbability;

    /// <summary><c>P(Deceptive)</c> at the end of training: high path dependence (probability, 0 to 1).</summary>
    public double HighPathDependence => Training.Transient.DeceptiveProbability;
}
