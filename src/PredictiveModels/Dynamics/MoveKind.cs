namespace PredictiveModels.Dynamics;

/// <summary>The kinds of move training makes between configurations; each has its own base rate.</summary>
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
}
