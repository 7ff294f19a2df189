namespace PredictiveModels.Structures;

/// <summary>
/// How a structure implements its goal, which decides how its camera is paid for. A scenario spells
/// each one as <see cref="MechanismNames.Name"/> gives it (<c>internal</c>, <c>corrigible</c>,
/// <c>deceptive</c>, <c>deceptive-hardcoded</c>).
/// </summary>
public enum Mechanism
{
    /// <summary>The camera is carried in the weights: <c>K = Linl(camera) + Lptr(procedure)</c>.</summary>
    Internal,

    /// <summary>A pointer into the world model: <c>K = Lptr(camera) + Lptr(procedure)</c>.</summary>
    Corrigible,

    /// <summary>
    /// Another, long-term objective, pointed to in the world model (the seed's footnote 3: the objective
    /// itself implemented corrigibly); the training goal is derived at run time:
    /// <c>K = Lptr(objective camera) + Lptr(procedure) + pointers to the required concepts</c>.
    /// </summary>
    Deceptive,

    /// <summary>
    /// Another, long-term objective, carried in the weights (the seed's footnote 3: the objective itself
    /// implemented internally); the training goal is derived at run time, as for <see cref="Deceptive"/>:
    /// <c>K = Linl(objective camera) + Lptr(procedure) + pointers to the required concepts</c>.
    /// </summary>
    DeceptiveHardCoded,
}
