using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>The outcome of training as a Markov chain, phase by phase.</summary>
/// <param name="Phases">Each phase's result, in order; each phase starts where the previous one ended.</param>
public sealed record TrainingResult(ImmutableArray<PhaseResult> Phases)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null);

    /// <summary>The last phase's result.</summary>
    public PhaseResult Final => Phases[^1];

    /// <summary>The path-dependence index at the end of training.</summary>
    public double PathDependenceIndex => Final.PathDependenceIndex;

    /// <summary>Class probabilities at the end of training (high path dependence).</summary>
    public OutcomeDistribution Transient => Final.Transient;

    /// <summary>Class probabilities at the equilibrium of the last phase (low path dependence).</summary>
    public OutcomeDistribution Equilibrium => Final.Equilibrium;

    /// <summary>The path-dependence index over the last phase.</summary>
    public ImmutableArray<(double Time, double Index)> PathDependence => Final.PathDependence;
}
