namespace PredictiveModels.Structures;

/// <summary>How a structure implements its goal, which decides how its camera is paid for.</summary>
public enum Mechanism
{
    /// <summary>The camera is carried in the weights: <c>K = Linl(camera) + Lptr(procedure)</c>.</summary>
    Internal,

    /// <summary>A pointer into the world model: <c>K = Lptr(camera) + Lptr(procedure)</c>.</summary>
    Corrigible,

    /// <summary>
    /// Another, long-term objective; the training goal is derived at run time:
    /// <c>K = Lptr(objective camera) + Lptr(procedure) + pointers to the required concepts</c>.
    /// </summary>
    Deceptive,
}
