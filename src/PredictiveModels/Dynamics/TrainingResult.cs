using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>The outcome of training as a Markov chain: transient and equilibrium class probabilities and the path-dependence index over time.</summary>
/// <param name="Configurations">Number of configurations of the chain.</param>
/// <param name="Duration">The training time <c>tau</c> of the transient.</param>
/// <param name="Transient">Class probabilities at <c>tau</c>, from the start configuration.</param>
/// <param name="ErrorBound">Bound on the 1-norm error of the transient distribution at <c>tau</c>.</param>
/// <param name="Equilibrium">Class probabilities at equilibrium (low path dependence).</param>
/// <param name="PathDependence">The path-dependence index (total-variation distance between transient and equilibrium classes) at a series of times up to <c>tau</c>.</param>
/// <param name="UniformizationRate"><c>Lambda</c> of the transient computation, per unit of training time.</param>
/// <param name="Products">Matrix-vector products made.</param>
public sealed record TrainingResult(
    int Configurations,
    double Duration,
    ClassDistribution Transient,
    double ErrorBound,
    ClassDistribution Equilibrium,
    ImmutableArray<(double Time, double Index)> PathDependence,
    double UniformizationRate,
    long Products)
{
    /// <summary>The path-dependence index at <c>tau</c>: 0 when the transient has reached equilibrium, up to 1.</summary>
    public double PathDependenceIndex => Transient.TotalVariation(Equilibrium);
}
