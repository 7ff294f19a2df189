using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>
/// An unfilled slot, written <c>?name: Type</c>: it stands for any expression of its type. A
/// structure with a hole is a class of structures; its cost is the cheapest filling
/// (<c>Kmin</c>) or minus the log of the mass of all fillings (<c>Kclass</c>).
/// </summary>
public sealed class Hole : Expression
{
    /// <summary>Creates a hole.</summary>
    /// <param name="name">A label for the slot (an identifier); it names the slot in breakdowns.</param>
    /// <param name="type">The type of the expressions that may fill it.</param>
    /// <param name="location">Where the hole starts in the source, if known.</param>
    public Hole(string name, ModelType type, SourceLocation? location = null)
        : base(location)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
    }

    /// <summary>The slot's label.</summary>
    public string Name { get; }

    /// <summary>The type of its fillings.</summary>
    public ModelType Type { get; }

    /// <inheritdoc />
    public override int Size => 1;

    /// <inheritdoc />
    public override bool HasHoles => true;

    /// <inheritdoc />
    public override IEnumerable<Expression> Nodes()
    {
        yield return this;
    }

    /// <inheritdoc />
    public override bool Equals(Expression? other) => other is Hole h && h.Name == Name && h.Type == Type;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Type);
}
