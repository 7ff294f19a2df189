namespace PredictiveModels.Expressions;

/// <summary>
/// The closed set of types that expressions over a world model can have.
/// </summary>
public enum ModelType
{
    /// <summary>A stream of observations or tokens: what a camera shows.</summary>
    Stream,

    /// <summary>A real-valued feature of world histories: what an objective measures.</summary>
    Quantity,

    /// <summary>A yes/no property of observations or world states, used to restrict streams.</summary>
    Predicate,

    /// <summary>A point in time.</summary>
    Time,

    /// <summary>A natural number (0, 1, 2, ...), written as a literal and coded with Elias delta.</summary>
    Nat,

    /// <summary>An output procedure: how a model turns what its camera shows into output.</summary>
    Procedure,
}
