namespace PredictiveModels.Complexity;

/// <summary>How concept references are paid for in a description length.</summary>
public enum CostMode
{
    /// <summary>
    /// <c>Lptr</c>: a concept costs its selection only, since the world model already holds it.
    /// </summary>
    Pointer,

    /// <summary>
    /// <c>Linl</c>: a concept costs its intrinsic bits (a derived concept: the inlined length of
    /// its definition), because the model carries the content itself.
    /// </summary>
    Inlined,
}
