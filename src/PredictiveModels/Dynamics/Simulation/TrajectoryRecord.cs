using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// One simulated trajectory in one phase, summarised: where it ended the phase, when it first
/// became aware, long-term and deceptive since the start of training (null when not by the end of
/// the phase; times in units of training time since the start of training, 0 to
/// <see cref="SimulationResult.End"/>), and how many moves it made in the phase.
/// </summary>
/// <param name="Index">The trajectory's number, 0 to the number of trajectories - 1; with the seed it fixes every draw.</param>
/// <param name="FinalIndex">The index of the configuration at the end of the phase in the phase's chain, 0 to <see cref="ConfigurationSpace.Count"/> - 1.</param>
/// <param name="Final">The configuration at the end of the phase.</param>
/// <param name="FinalClass">Its outcome class; null while it has no goal.</param>
/// <param name="AwarenessTime">The first time the trajectory was situationally aware, or null.</param>
/// <param name="LongTermTime">The first time it had a long-term horizon, or null.</param>
/// <param name="DeceptionTime">The first time it was on the deceptive branch, or null.</param>
/// <param name="Events">Moves made in the phase, at least 0.</param>
public readonly record struct TrajectoryRecord(
    int Index,
    int FinalIndex,
    Configuration Final,
    OutcomeClass? FinalClass,
    double? AwarenessTime,
    double? LongTermTime,
    double? DeceptionTime,
    long Events);
