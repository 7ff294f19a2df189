using System.Numerics;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>A natural-number literal such as <c>2015</c>; coded with the Elias delta code of value + 1.</summary>
public sealed class NatLiteral : Expression
{
    /// <summary>Creates a literal.</summary>
    /// <param name="value">The value, at least 0.</param>
    /// <param name="location">Where the literal starts in the source, if known.</param>
    public NatLiteral(BigInteger value, SourceLocation? location = null)
        : base(location)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    /// <summary>The value, at least 0.</summary>
    public BigInteger Value { get; }

    /// <inheritdoc />
    public override int Size => 1;

    /// <inheritdoc />
    public override bool HasHoles => false;

    /// <inheritdoc />
    public override IEnumerable<Expression> Nodes()
    {
        yield return this;
    }

    /// <inheritdoc />
    public override bool Equals(Expression? other) => other is NatLiteral n && n.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();
}
