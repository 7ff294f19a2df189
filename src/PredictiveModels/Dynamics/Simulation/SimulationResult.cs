using System.Collections.Immutable;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The outcome of simulating independent training trajectories through one phase (Gillespie's
/// direct method), from training time <see cref="Start"/> to <see cref="End"/>. Every estimate is a
/// function of the chains, the durations, <see cref="TrajectoryCount"/> and <see cref="Seed"/>
/// only, never of the number of threads.
/// <para>
/// First passages are reported two ways. <see cref="Awareness"/>, <see cref="LongTerm"/> and
/// <see cref="Deception"/> count from the start of training: the fraction of trajectories that
/// had reached the set by the end of this phase (in this phase or an earlier one), and their first
/// times in training time since the start of training, 0 to <see cref="End"/>; they grow from
/// phase to phase, and the last phase's describe the whole of training. The <c>InPhase</c> ones
/// count what happened in this phase alone: the fraction of trajectories that reached the set for
/// the first time during this phase (never before it), and those times measured from the phase's
/// start, 0 to <see cref="Tau"/>; over the phases they add up to the last phase's since-start
/// fraction. In the first phase the two agree.
/// </para>
/// </summary>
public sealed record SimulationResult
{
    internal SimulationResult(
        string phase,
        double start,
        double tau,
        int trajectoryCount,
        ulong seed,
        OutcomeDistribution classes,
        ImmutableArray<FirstPassage> sinceStart,
        ImmutableArray<FirstPassage> inPhase,
        long events,
        ImmutableArray<long> eventsByKind,
        ImmutableArray<TrajectoryRecord> trajectories)
    {
        Phase = phase;
        Start = start;
        Tau = tau;
        TrajectoryCount = trajectoryCount;
        Seed = seed;
        Classes = classes;
        Awareness = sinceStart[0];
        LongTerm = sinceStart[1];
        Deception = sinceStart[2];
        AwarenessInPhase = inPhase[0];
        LongTermInPhase = inPhase[1];
        DeceptionInPhase = inPhase[2];
        Events = events;
        EventsByKind = eventsByKind;
        Trajectories = trajectories;
    }

    /// <summary>The name of the phase simulated (<see cref="Scenarios.Phase.Name"/>).</summary>
    public string Phase { get; }

    /// <summary>The training time at which the phase starts, in units of inverse base rate: the sum of the earlier phases' durations; 0 for the first phase.</summary>
    public double Start { get; }

    /// <summary>The training time simulated in this phase, from its start (its duration), in units of inverse base rate; finite, at least 0.</summary>
    public double Tau { get; }

    /// <summary>The training time at which the phase ends, <see cref="Start"/> + <see cref="Tau"/>.</summary>
    public double End => Start + Tau;

    /// <summary>Number of trajectories, 1 to <see cref="TrajectorySimulator.MaxTrajectories"/>.</summary>
    public int TrajectoryCount { get; }

    /// <summary>The seed the trajectories' random streams were derived from.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// The outcome classes at the end of the phase, as fractions of the trajectories, with the counts in
    /// <see cref="OutcomeDistribution.Sample"/>: the simulated counterpart of the exact transient's distribution summed
    /// into classes (<see cref="PhaseResult.Transient"/>). <see cref="Estimate"/> gives each class's 95% interval.
    /// </summary>
    public OutcomeDistribution Classes { get; }

    /// <summary>The fraction of trajectories that ended the phase in one outcome class, with its 95% Wilson interval.</summary>
    /// <param name="outcomeClass">The class.</param>
    public ProportionEstimate Estimate(OutcomeClass outcomeClass) => new(Classes.Sample!.CountOf(outcomeClass), TrajectoryCount);

    /// <summary>The fraction of trajectories that ended the phase with no goal yet, with its 95% Wilson interval.</summary>
    public ProportionEstimate UndecidedEstimate => new(Classes.Sample!.Undecided, TrajectoryCount);

    /// <summary>First situational awareness (a configuration with <see cref="Configuration.Aware"/> true) since the start of training, by the end of this phase; times 0 to <see cref="End"/>.</summary>
    public FirstPassage Awareness { get; }

    /// <summary>First long-term horizon (a configuration with <see cref="Configuration.LongTerm"/> true) since the start of training, by the end of this phase; times 0 to <see cref="End"/>.</summary>
    public FirstPassage LongTerm { get; }

    /// <summary>First deception (a configuration on <see cref="ConfigurationSpace.DeceptiveBranch"/>) since the start of training, by the end of this phase; times 0 to <see cref="End"/>. Never reached when the chain has no deceptive branch.</summary>
    public FirstPassage Deception { get; }

    /// <summary>First situational awareness that happened during this phase (never before it); times from the phase's start, 0 to <see cref="Tau"/>.</summary>
    public FirstPassage AwarenessInPhase { get; }

    /// <summary>First long-term horizon that happened during this phase (never before it); times from the phase's start, 0 to <see cref="Tau"/>.</summary>
    public FirstPassage LongTermInPhase { get; }

    /// <summary>First deception that happened during this phase (never before it); times from the phase's start, 0 to <see cref="Tau"/>.</summary>
    public FirstPassage DeceptionInPhase { get; }

    /// <summary>Moves simulated in this phase over all trajectories, at least 0.</summary>
    public long Events { get; }

    /// <summary>Moves simulated in this phase, by kind, indexed by <see cref="MoveKind"/>; they sum to <see cref="Events"/>.</summary>
    public ImmutableArray<long> EventsByKind { get; }

    /// <summary>One record per trajectory, in index order, when they were asked for; otherwise empty.</summary>
    public ImmutableArray<TrajectoryRecord> Trajectories { get; }

    /// <summary>Moves simulated in this phase of one kind, at least 0.</summary>
    /// <param name="kind">The kind.</param>
    public long EventsOf(MoveKind kind) => EventsByKind[(int)kind];
}
