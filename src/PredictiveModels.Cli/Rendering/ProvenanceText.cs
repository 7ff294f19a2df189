using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Rendering;

/// <summary>
/// The provenance line of the text formats (docs/cli.md, "Provenance"); the JSON documents carry it as their
/// <c>provenance</c> field instead. CSV opens with it as a comment line (<c># provenance: ...</c>, which readers skip
/// as a comment), Markdown and the text tables end with it as a footer.
/// </summary>
internal static class ProvenanceText
{
    /// <summary>The fields, in the order and spelling of the JSON field: <c>version=V, scenarioSha256=H, seed=S</c>; absent ones left out.</summary>
    public static string Fields(Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return provenance.ToString();
    }

    /// <summary>The CSV's first line: a comment, so that a reader told to skip <c>#</c> lines reads the header row next.</summary>
    public static string CsvComment(Provenance provenance) => "# provenance: " + Fields(provenance);

    /// <summary>The footer line of Markdown output, in italics.</summary>
    public static string MarkdownFooter(Provenance provenance) => "*provenance: " + Markdown.Code(Fields(provenance)) + "*";

    /// <summary>
    /// The footer of the text tables: one line, <c>provenance: FIELDS</c>, when it fits in <paramref name="width"/>
    /// columns; else <c>provenance:</c> and each field on a line of its own, indented by two spaces (a fingerprint is
    /// never broken).
    /// </summary>
    public static string TableFooter(Provenance provenance, int width = Text.DefaultWidth)
    {
        var line = "provenance: " + Fields(provenance);
        return line.Length <= width ? line : "provenance:\n  " + Fields(provenance).Replace(", ", ",\n  ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Output rendered in <paramref name="format"/> with its provenance line added: JSON as it is (the document holds the
    /// field), CSV with the comment line before it (ended by CRLF, as RFC 4180 ends its records), Markdown and tables with a blank line and the footer after it.
    /// </summary>
    /// <param name="rendered">The output as the command rendered it.</param>
    /// <param name="format">Its format.</param>
    /// <param name="provenance">What it rests on.</param>
    /// <param name="width">The columns the text tables were laid out in, which the table footer fits when it can.</param>
    public static string Add(string rendered, OutputFormat format, Provenance provenance, int width = Text.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        // One blank line before a footer, however many newlines (or lines of padding) the rendered text ends with.
        var body = rendered.TrimEnd() + "\n";
        return format switch
        {
            OutputFormat.Json => rendered,
            OutputFormat.Csv => CsvComment(provenance) + "\r\n" + rendered,
            OutputFormat.Markdown => body + "\n" + MarkdownFooter(provenance) + "\n",
            _ => body + "\n" + TableFooter(provenance, width) + "\n",
        };
    }
}
