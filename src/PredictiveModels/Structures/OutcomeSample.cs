using System.Collections.Immutable;

namespace PredictiveModels.Structures;

/// <summary>
/// The counts behind an <see cref="OutcomeDistribution"/> estimated from a sample (simulated trajectories, for
/// instance): how many trials ended in each outcome class and how many had no goal yet. The counts sum to
/// <see cref="Trials"/>.
/// </summary>
public sealed record OutcomeSample
{
    internal OutcomeSample(ImmutableArray<int> counts, int undecided)
    {
        Counts = counts;
        Undecided = undecided;
        Trials = counts.Sum() + undecided;
    }

    /// <summary>The number of trials in each outcome class, in the order of <see cref="OutcomeClass"/>; each 0 to <see cref="Trials"/>.</summary>
    public ImmutableArray<int> Counts { get; }

    /// <summary>The number of trials with no goal yet, 0 to <see cref="Trials"/>.</summary>
    public int Undecided { get; }

    /// <summary>The number of trials, at least 1.</summary>
    public int Trials { get; }

    /// <summary>The number of trials that ended in one outcome class, 0 to <see cref="Trials"/>.</summary>
    /// <param name="outcomeClass">The class.</param>
    public int CountOf(OutcomeClass outcomeClass) => Counts[OutcomeDistribution.PositionOf(outcomeClass)];

    /// <summary>
    /// The standard error of one class's estimated probability, <c>sqrt(p (1 - p) / Trials)</c> with <c>p</c> its
    /// fraction of the trials; 0 to 0.5, and 0 when no trial or every trial ended in it.
    /// </summary>
    /// <param name="outcomeClass">The class.</param>
    public double StandardError(OutcomeClass outcomeClass)
    {
        var p = (double)CountOf(outcomeClass) / Trials;
        return Math.Sqrt(p * (1 - p) / Trials);
    }
}
