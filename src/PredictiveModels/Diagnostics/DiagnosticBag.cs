namespace PredictiveModels.Diagnostics;

/// <summary>Collects diagnostics during validation and throws them together at the end.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public void Add(string message, SourceLocation? location = null, string path = "") =>
        _items.Add(new Diagnostic(message, location, path));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Throws a <see cref="ModelException"/> holding every diagnostic, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw new ModelException(_items);
        }
    }
}
