namespace PredictiveModels.Scenarios;

/// <summary>The kinds of move training makes between configurations; each but the reset has its own base rate.</summary>
public enum MoveKind
{
    /// <summary>World-model progress up or down one step.</summary>
    World,

    /// <summary>Goal progress up or down one step within a branch.</summary>
    Goal,

    /// <summary>Entering a branch from no goal, or leaving it, at goal progress 0.</summary>
    Enter,

    /// <summary>Switching between a myopic and a long-term horizon.</summary>
    Horizon,

    /// <summary>Becoming situationally aware or losing it.</summary>
    Awareness,

    /// <summary>The deceptive jump (and its reverse): keeping the partial goal as a long-term objective and playing along.</summary>
    Jump,

    /// <summary>
    /// Oversight's reset, the one move without a reverse: a configuration showing the precursors of deception
    /// (long-term and aware) is detected and returns to the same world-model progress with no goal, myopic and
    /// unaware. Its rate is the phase's <see cref="Phase.OversightDetectionRate"/>, not a base rate of the chain.
    /// </summary>
    Reset,
}
