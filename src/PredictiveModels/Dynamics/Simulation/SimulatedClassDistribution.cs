using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The outcome classes of simulated trajectories at the end of training: for each class, and for
/// "no goal yet", the fraction of trajectories there with its 95% interval. The counts sum to the
/// number of trajectories.
/// </summary>
public sealed record SimulatedClassDistribution
{
    internal SimulatedClassDistribution(ImmutableArray<ProportionEstimate> classes, ProportionEstimate undecided)
    {
        Classes = classes;
        Undecided = undecided;
    }

    /// <summary>One estimate per outcome class, in the order of <see cref="OutcomeClass"/>.</summary>
    public ImmutableArray<ProportionEstimate> Classes { get; }

    /// <summary>The fraction of trajectories with no goal yet.</summary>
    public ProportionEstimate Undecided { get; }

    /// <summary>Number of trajectories, at least 1.</summary>
    public int Trajectories => Undecided.Total;

    /// <summary>The estimate for one outcome class.</summary>
    /// <param name="outcomeClass">The class.</param>
    public ProportionEstimate Probability(OutcomeClass outcomeClass) => Classes[(int)outcomeClass];

    /// <summary>The point estimates as a <see cref="ClassDistribution"/>, to compare with exact results (for instance by <see cref="ClassDistribution.TotalVariation"/>).</summary>
    public ClassDistribution ToClassDistribution() => new([.. Classes.Select(c => c.Value)], Undecided.Value);
}
