using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The outcome of simulating training trajectories through every phase
/// (<see cref="TrajectorySimulator.SimulateTraining"/>): one <see cref="SimulationResult"/> per
/// phase, each starting where the trajectories ended the phase before. A function of the chains,
/// the phases' durations, <see cref="TrajectoryCount"/> and <see cref="Seed"/> only.
/// </summary>
public sealed record TrainingSimulationResult
{
    internal TrainingSimulationResult(int trajectoryCount, ulong seed, ImmutableArray<SimulationResult> phases)
    {
        TrajectoryCount = trajectoryCount;
        Seed = seed;
        Phases = phases;
    }

    /// <summary>Number of trajectories, 1 to <see cref="TrajectorySimulator.MaxTrajectories"/>.</summary>
    public int TrajectoryCount { get; }

    /// <summary>The seed the trajectories' random streams were derived from.</summary>
    public ulong Seed { get; }

    /// <summary>Each phase's result, in training order; at least one.</summary>
    public ImmutableArray<SimulationResult> Phases { get; }

    /// <summary>The last phase's result: classes at the end of training, and first passages over the whole of it.</summary>
    public SimulationResult Final => Phases[^1];

    /// <summary>Moves simulated over all phases and trajectories, at least 0.</summary>
    public long Events => Phases.Sum(p => p.Events);
}
