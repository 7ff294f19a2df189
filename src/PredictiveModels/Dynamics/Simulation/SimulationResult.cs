using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The outcome of simulating independent training trajectories from the start configuration up
/// to training time <see cref="Tau"/> (Gillespie's direct method). Every estimate is a function of
/// the chain, <see cref="Tau"/>, <see cref="TrajectoryCount"/> and <see cref="Seed"/> only, never of
/// the number of threads.
/// </summary>
public sealed record SimulationResult
{
    internal SimulationResult(
        double tau,
        int trajectoryCount,
        ulong seed,
        SimulatedClassDistribution classes,
        FirstPassage awareness,
        FirstPassage longTerm,
        FirstPassage deception,
        long events,
        ImmutableArray<long> eventsByKind,
        ImmutableArray<TrajectoryRecord> trajectories)
    {
        Tau = tau;
        TrajectoryCount = trajectoryCount;
        Seed = seed;
        Classes = classes;
        Awareness = awareness;
        LongTerm = longTerm;
        Deception = deception;
        Events = events;
        EventsByKind = eventsByKind;
        Trajectories = trajectories;
    }

    /// <summary>The training time simulated, in units of inverse base rate; finite, at least 0.</summary>
    public double Tau { get; }

    /// <summary>Number of trajectories, 1 to <see cref="TrajectorySimulator.MaxTrajectories"/>.</summary>
    public int TrajectoryCount { get; }

    /// <summary>The seed the trajectories' random streams were derived from.</summary>
    public ulong Seed { get; }

    /// <summary>The outcome classes at <see cref="Tau"/>, with 95% intervals: the simulated counterpart of <see cref="Transient"/>'s distribution summed into classes.</summary>
    public SimulatedClassDistribution Classes { get; }

    /// <summary>First situational awareness (a configuration with <see cref="Configuration.Aware"/> true).</summary>
    public FirstPassage Awareness { get; }

    /// <summary>First long-term horizon (a configuration with <see cref="Configuration.LongTerm"/> true).</summary>
    public FirstPassage LongTerm { get; }

    /// <summary>First deception (a configuration on <see cref="ConfigurationSpace.DeceptiveBranch"/>); never reached when the chain has no deceptive branch.</summary>
    public FirstPassage Deception { get; }

    /// <summary>Moves simulated over all trajectories, at least 0.</summary>
    public long Events { get; }

    /// <summary>Moves simulated, by kind, indexed by <see cref="MoveKind"/>; they sum to <see cref="Events"/>.</summary>
    public ImmutableArray<long> EventsByKind { get; }

    /// <summary>One record per trajectory, in index order, when they were asked for; otherwise empty.</summary>
    public ImmutableArray<TrajectoryRecord> Trajectories { get; }

    /// <summary>Moves simulated of one kind, at least 0.</summary>
    /// <param name="kind">The kind.</param>
    public long EventsOf(MoveKind kind) => EventsByKind[(int)kind];
}
