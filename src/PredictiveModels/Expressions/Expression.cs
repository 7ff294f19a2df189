using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>
/// An expression over a world model: a tree of applications of concepts and built-ins, natural
/// literals and holes. Cameras, objectives and output procedures are expressions. Equality is
/// structural and ignores source locations.
/// </summary>
public abstract class Expression : IEquatable<Expression>
{
    private protected Expression(SourceLocation? location) => Location = location;

    /// <summary>Where the expression starts in its source text; null when built in code.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Number of nodes of the tree (at least 1): applications, literals and holes each count one.</summary>
    public abstract int Size { get; }

    /// <summary>True when the tree contains at least one <see cref="Hole"/>.</summary>
    public abstract bool HasHoles { get; }

    /// <summary>Every node of the tree in pre-order (this node first).</summary>
    public abstract IEnumerable<Expression> Nodes();

    /// <summary>Parses expression text; see <see cref="ExpressionParser"/>.</summary>
    /// <param name="text">The text, e.g. <c>restrict(corpus, physical)</c>.</param>
    /// <exception cref="ModelException">The text is not a well-formed expression.</exception>
    public static Expression Parse(string text) => ExpressionParser.Parse(text);

    /// <inheritdoc />
    public abstract bool Equals(Expression? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is Expression e && Equals(e);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>The canonical text of the expression; parsing it gives an equal tree.</summary>
    public sealed override string ToString() => ExpressionPrinter.Print(this);
}
