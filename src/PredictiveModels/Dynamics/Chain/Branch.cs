using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>A branch of the training chain: the goal being built, or none yet.</summary>
/// <param name="Candidate">The candidate whose goal the branch builds; null for the branch with no goal.</param>
/// <param name="Bits">The candidate's <c>K</c> in bits (0 for no goal).</param>
/// <param name="Steps">Goal steps <c>G_b = ceil(K / resolution)</c> (0 for no goal); on the deceptive branch, the largest goal length of any branch (each proxy is bounded by its own origin's).</param>
/// <param name="RuntimeSteps">Runtime cost <c>T</c> of the branch's procedure, at least 1.</param>
/// <param name="LossGap">The structure's loss gap, bits per token.</param>
/// <param name="GoalUnlockedAt">The world step from which goal moves are possible (a corrigible pointer needs its concepts acquired); 0 otherwise.</param>
/// <param name="PretrainingBits">The goal's bits under pre-training (without a fine-tuning conditional); equal to <paramref name="Bits"/> in pre-training.</param>
/// <param name="CameraSteps">Steps <c>C</c> of <paramref name="RuntimeSteps"/> that the camera takes, 1 to <paramref name="RuntimeSteps"/>; 1 for no goal.</param>
public sealed record Branch(Candidate? Candidate, double Bits, int Steps, double RuntimeSteps, double LossGap, int GoalUnlockedAt, double PretrainingBits, double CameraSteps)
{
    /// <summary>True for the deceptive branch.</summary>
    public bool IsDeceptive => Candidate?.Mechanism.IsDeceptive() == true;

    /// <summary>The outcome class of the branch; null for no goal ("undecided").</summary>
    public OutcomeClass? Class => Candidate?.Class;

    /// <summary>A label: the candidate key, or <c>none</c>.</summary>
    public string Label => Candidate?.Key ?? "none";
}
