using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Training after its first phases: their results, and what the next phase starts from (the last phase's chain
/// and its distribution at the end of the phase). <see cref="TrainingDynamics.Continue"/> trains on from it, so
/// that runs sharing their first phases (the levers that change only the last phase) train those once.
/// </summary>
/// <param name="Phases">The results of the phases trained so far, in order.</param>
/// <param name="Space">The chain of the last phase trained; null before the first.</param>
/// <param name="Carried">
/// The distribution over <paramref name="Space"/> at the end of the last phase (probabilities summing to 1), the last
/// phase's own reported distribution rather than a copy (immutable, so states that share it cannot change it); default
/// before the first.
/// </param>
internal sealed record TrainingState(ImmutableArray<PhaseResult> Phases, ConfigurationSpace? Space, ImmutableArray<double> Carried)
{
    /// <summary>Before the first phase: training starts from the chain's start configuration.</summary>
    public static TrainingState Start { get; } = new([], null, default);
}
