using System.Collections.Immutable;

namespace PredictiveModels.Expressions;

/// <summary>
/// Something an expression can apply by name: a concept of the user's world model or a built-in
/// combinator. Together the symbols of each result type form the alternatives of the grammar
/// that defines description lengths.
/// </summary>
public abstract class Symbol
{
    private protected Symbol(string name, ModelType resultType, ImmutableArray<ModelType> parameterTypes, double weight, string description)
    {
        Name = name;
        ResultType = resultType;
        ParameterTypes = parameterTypes.IsDefault ? [] : parameterTypes;
        Weight = weight;
        Description = description;
    }

    /// <summary>The name by which expressions refer to the symbol; unique within a world model.</summary>
    public string Name { get; }

    /// <summary>The type of an application of the symbol.</summary>
    public ModelType ResultType { get; }

    /// <summary>The types of the arguments; empty for a constant.</summary>
    public ImmutableArray<ModelType> ParameterTypes { get; }

    /// <summary>Number of arguments (0 or more).</summary>
    public int Arity => ParameterTypes.Length;

    /// <summary>
    /// Salience inside the world model, strictly positive and finite (default 1). The chance of
    /// selecting this symbol where its result type is expected is its weight divided by the
    /// total weight of all symbols of that type.
    /// </summary>
    public double Weight { get; }

    /// <summary>Free text explaining what the symbol stands for; may be empty.</summary>
    public string Description { get; }

    /// <summary>The signature as written in docs, e.g. <c>restrict(Stream, Predicate): Stream</c>.</summary>
    public string Signature => Arity == 0
        ? $"{Name}: {ResultType}"
        : $"{Name}({string.Join(", ", ParameterTypes)}): {ResultType}";

    /// <inheritdoc />
    public override string ToString() => Signature;
}
