using System.Collections.Immutable;
using System.Numerics;
using PredictiveModels.Expressions;

namespace PredictiveModels.WorldModels;

/// <summary>
/// A built-in combinator: part of the expression language rather than of the user's world.
/// Built-ins give expressions their shape (<c>restrict</c>, <c>between</c>, <c>year</c>, ...)
/// and name the output procedures. A built-in has no intrinsic bits: pointing at it and
/// carrying it inline cost the same, its selection.
/// </summary>
public sealed class BuiltIn : Symbol
{
    private readonly Func<IReadOnlyList<BigInteger?>, double?>? _runtime;

    internal BuiltIn(
        string name,
        ModelType resultType,
        ImmutableArray<ModelType> parameterTypes,
        string description,
        double weight = 1.0,
        Func<IReadOnlyList<BigInteger?>, double?>? runtime = null,
        string runtimeFormula = "")
        : base(name, resultType, parameterTypes, weight, description)
    {
        _runtime = runtime;
        RuntimeFormula = runtimeFormula;
    }

    /// <summary>
    /// For an output procedure, how its runtime cost in abstract steps follows from its natural
    /// arguments (e.g. <c>T = horizon</c>); empty for other built-ins.
    /// </summary>
    public string RuntimeFormula { get; }

    /// <summary>
    /// Runtime cost in abstract steps (at least 1) of an application whose natural-number
    /// arguments are <paramref name="naturalArguments"/> (null where an argument is not a
    /// literal), or null when the cost cannot be computed from them.
    /// </summary>
    /// <param name="naturalArguments">One entry per parameter, in order.</param>
    public double? RuntimeSteps(IReadOnlyList<BigInteger?> naturalArguments) => _runtime?.Invoke(naturalArguments);

    /// <summary>Returns a copy with another weight (strictly positive, finite).</summary>
    /// <param name="weight">The new weight.</param>
    internal BuiltIn WithWeight(double weight) =>
        new(Name, ResultType, ParameterTypes, Description, weight, _runtime, RuntimeFormula);
}
