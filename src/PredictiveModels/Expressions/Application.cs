using System.Collections.Immutable;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>
/// A concept or built-in applied to arguments, e.g. <c>restrict(corpus, physical)</c>; a constant
/// such as <c>corpus</c> is an application with no arguments.
/// </summary>
public sealed class Application : Expression
{
    /// <summary>Creates an application.</summary>
    /// <param name="name">Name of the concept or built-in; must be an identifier.</param>
    /// <param name="arguments">The arguments in order; may be empty.</param>
    /// <param name="location">Where the name starts in the source, if known.</param>
    public Application(string name, IEnumerable<Expression>? arguments = null, SourceLocation? location = null)
        : base(location)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Arguments = arguments is null ? [] : [.. arguments];
        Size = 1 + Arguments.Sum(a => a.Size);
        HasHoles = Arguments.Any(a => a.HasHoles);
    }

    /// <summary>Name of the applied concept or built-in.</summary>
    public string Name { get; }

    /// <summary>The arguments, in order; empty for a constant.</summary>
    public ImmutableArray<Expression> Arguments { get; }

    /// <inheritdoc />
    public override int Size { get; }

    /// <inheritdoc />
    public override bool HasHoles { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Nodes()
    {
        yield return this;
        foreach (var argument in Arguments)
        {
            foreach (var node in argument.Nodes())
            {
                yield return node;
            }
        }
    }

    /// <inheritdoc />
    public override bool Equals(Expression? other) =>
        other is Application a && a.Name == Name && a.Arguments.SequenceEqual(Arguments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }
}
