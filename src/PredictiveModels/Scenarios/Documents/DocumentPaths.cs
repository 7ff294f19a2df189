using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>
/// Where each specification path (<c>dynamics.phases[1].name</c>) stands in the document a scenario was read
/// from, so that a problem found after reading (by <see cref="Scenario.Create"/>, or by a check of the
/// training chain) can still be reported at a file, line and column.
/// </summary>
internal sealed class DocumentPaths
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly SourceLocation _root;

    private DocumentPaths(DocNode root)
    {
        _root = root.Location;
        Add(root, "");
    }

    /// <summary>Indexes every mapping key (at the key) and list item (at the item) of a document.</summary>
    public static DocumentPaths Index(DocNode root) => new(root);

    /// <summary>
    /// The location of <paramref name="path"/>, or of the nearest enclosing path the document has (a key the
    /// file leaves out is reported at the section that would hold it), or the start of the document.
    /// </summary>
    public SourceLocation Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut <= 0 ? "" : current[..cut];
        }

        return _root;
    }

    /// <summary>Gives every diagnostic without a location the location of its path.</summary>
    public IEnumerable<Diagnostic> Locate(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Location is null ? d with { Location = Find(d.Path) } : d);

    private void Add(DocNode node, string path)
    {
        switch (node)
        {
            case DocMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    var child = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                    _locations.TryAdd(child, key.Location);
                    Add(value, child);
                }

                break;

            case DocSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var child = $"{path}[{i}]";
                    _locations.TryAdd(child, sequence.Items[i].Location);
                    Add(sequence.Items[i], child);
                }

                break;
        }
    }
}
