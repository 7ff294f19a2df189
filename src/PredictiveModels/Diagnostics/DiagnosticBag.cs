namespace PredictiveModels.Diagnostics;

/// <summary>Collects diagnostics during validation and throws them together at the end.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public void Add(string message, SourceLocation? location = null, string path = "") =>
        _items.Add(new Diagnostic(message, location, path));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>
    /// Throws a <see cref="ModelException"/> holding every diagnostic, if there is any: those with a
    /// location in source order (by source, line, column), then those without one in the order found.
    /// </summary>
    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            // Readers check sections in the order their meaning needs (analysis before the world
            // model, say), not in file order; the user reads the messages top to bottom.
            throw new ModelException(_items
                .OrderBy(d => d.Location is null)
                .ThenBy(d => d.Location?.Source, StringComparer.Ordinal)
                .ThenBy(d => d.Location?.Line)
                .ThenBy(d => d.Location?.Column));
        }
    }
}
