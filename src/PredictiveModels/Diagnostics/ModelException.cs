namespace PredictiveModels.Diagnostics;

/// <summary>
/// Thrown when a world model, an expression, a structure or a scenario is invalid. It carries
/// every problem found, each with its location, so that a user can fix them all in one pass.
/// </summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics (at least one).</summary>
    /// <param name="diagnostics">The problems found; must not be empty.</param>
    public ModelException(IEnumerable<Diagnostic> diagnostics)
        : this(diagnostics.ToArray())
    {
    }

    /// <summary>Creates the exception from a single diagnostic.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="location">Where, if known.</param>
    /// <param name="path">The specification path, if known.</param>
    public ModelException(string message, SourceLocation? location = null, string path = "")
        : this([new Diagnostic(message, location, path)])
    {
    }

    private ModelException(Diagnostic[] diagnostics)
        : base(diagnostics.Length == 0 ? "Invalid model." : string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())))
    {
        if (diagnostics.Length == 0)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in source order where the source is known.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
