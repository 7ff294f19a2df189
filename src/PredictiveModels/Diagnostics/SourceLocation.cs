using System.Globalization;

namespace PredictiveModels.Diagnostics;

/// <summary>
/// A position in a source text: the name of the source (a file path, or a label such as
/// <c>&lt;expression&gt;</c>), a 1-based line and a 1-based column.
/// </summary>
/// <param name="Source">File path or label of the text; never null, may be empty.</param>
/// <param name="Line">Line number, 1-based.</param>
/// <param name="Column">Column number, 1-based, counted in UTF-16 characters.</param>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    /// <summary>Returns the location shifted right by <paramref name="columns"/> characters on the same line.</summary>
    /// <param name="columns">Number of characters, at least 0.</param>
    public SourceLocation Advance(int columns) => this with { Column = Column + columns };

    /// <summary>Formats the location as <c>source:line:column</c>, the form compilers use.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}");
}
