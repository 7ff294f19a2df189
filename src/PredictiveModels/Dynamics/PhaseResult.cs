using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>What one phase of training did.</summary>
/// <param name="Name">The phase's name.</param>
/// <param name="Duration">Its training time.</param>
/// <param name="Configurations">Number of configurations of its chain.</param>
/// <param name="Transient">Class probabilities at the end of the phase (high path dependence).</param>
/// <param name="ErrorBound">Bound on the 1-norm error of the end distribution.</param>
/// <param name="Equilibrium">Class probabilities at the equilibrium of the phase's energy (low path dependence).</param>
/// <param name="PathDependence">The path-dependence index (total-variation distance between transient and equilibrium classes) at a series of times through the phase.</param>
/// <param name="UniformizationRate"><c>Lambda</c> of the transient computation, per unit of training time.</param>
/// <param name="Products">Matrix-vector products made.</param>
/// <param name="Absorption">Where the phase would end if it ran until absorption (complete goals and deception absorbing), from the distribution it starts with, with the mean time that takes; null when not computed.</param>
/// <param name="AbsorptionProblem">Why <paramref name="Absorption"/> is null although it was asked for (for example, probability that can never be absorbed, or a goal too slow for the solver); null otherwise.</param>
/// <param name="Sources">Where the end-of-phase outcomes come from: the deceptive mass split into race and defection, and each class's mass on incomplete goals; null only when built without it.</param>
/// <param name="Relaxation">The relaxation time of the phase's chain, with its accuracy (<see cref="Dynamics.Relaxation"/>); null when not computed.</param>
/// <param name="Reachability">When the transient, run on under the phase's energy, gets within <see cref="Dynamics.Reachability.Threshold"/> of the equilibrium in the path-dependence index (<see cref="Dynamics.Reachability"/>); null when not computed.</param>
/// <param name="ClassesOverTime">The class probabilities at the times of <paramref name="PathDependence"/>, in training time from the phase's start (the last is <paramref name="Transient"/>); default (treated as empty) when built without them.</param>
public sealed record PhaseResult(
    string Name,
    double Duration,
    int Configurations,
    OutcomeDistribution Transient,
    double ErrorBound,
    OutcomeDistribution Equilibrium,
    ImmutableArray<(double Time, double Index)> PathDependence,
    double UniformizationRate,
    long Products,
    AbsorptionResult? Absorption = null,
    string? AbsorptionProblem = null,
    OutcomeSources? Sources = null,
    RelaxationResult? Relaxation = null,
    ReachabilityResult? Reachability = null,
    ImmutableArray<(double Time, OutcomeDistribution Classes)> ClassesOverTime = default)
{
    /// <summary>The path-dependence index at the end of the phase: 0 when the transient has reached equilibrium, up to 1.</summary>
    public double PathDependenceIndex => Transient.TotalVariation(Equilibrium);

    /// <summary>The class probabilities at the times of <see cref="PathDependence"/>, from the phase's start; empty when the result was built without them.</summary>
    public ImmutableArray<(double Time, OutcomeDistribution Classes)> ClassesOverTime { get; init; } = ClassesOverTime.IsDefault ? [] : ClassesOverTime;
}
