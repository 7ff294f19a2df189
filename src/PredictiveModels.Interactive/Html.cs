using System.Globalization;
using System.Xml.Linq;

namespace PredictiveModels.Interactive;

/// <summary>
/// The building blocks of the HTML: elements made with System.Xml.Linq, so every table is well-formed XHTML and every
/// text is escaped. Styles are inline (notebook viewers such as GitHub drop style sheets); nothing runs scripts or loads
/// anything from the network.
/// </summary>
internal static class Html
{
    public const string BarColour = "#4c78a8";

    /// <summary>Colours of the parts of a stacked bar, in turn.</summary>
    public static readonly string[] PartColours = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"];

    private const double BarWidthPixels = 120;

    public static XElement Root(string kind, params object?[] content) =>
        new("div", new XAttribute("class", "pm-result pm-" + kind), content);

    public static XElement Table(string kind, string caption, IEnumerable<string> headers, IEnumerable<XElement> rows) =>
        new("table",
            new XAttribute("class", "pm-table pm-" + kind),
            new XAttribute("style", "border-collapse:collapse;margin:0.3em 0"),
            new XElement("caption", new XAttribute("style", "text-align:left;font-weight:bold"), caption),
            new XElement("thead", new XElement("tr", headers.Select(h => new XElement("th", new XAttribute("style", CellStyle + ";text-align:left"), h)))),
            new XElement("tbody", rows));

    public static XElement Row(params object?[] cells) => new("tr", cells);

    public static XElement Cell(object? content, string? cssClass = null) =>
        new("td", cssClass is null ? null : new XAttribute("class", cssClass), new XAttribute("style", CellStyle), content);

    public static XElement Number(string text, string cssClass = "pm-number") =>
        new("td", new XAttribute("class", cssClass), new XAttribute("style", CellStyle + ";text-align:right;font-variant-numeric:tabular-nums"), text);

    /// <summary>A probability cell: decimal, or 2<sup>-k</sup> below 1e-4.</summary>
    public static XElement Probability(double probability) =>
        ProbabilityFromLog2(probability > 0 ? Math.Log2(probability) : probability == 0 ? double.NegativeInfinity : double.NaN, probability);

    public static XElement ProbabilityFromLog2(double log2Probability, double? probability = null)
    {
        var exponent = NumberText.PowerOfTwoExponent(log2Probability);
        object content = exponent is null
            ? (probability is { } p && double.IsNaN(log2Probability) ? NumberText.Decimal(p) : NumberText.ProbabilityFromLog2(log2Probability))
            : new object[] { "2", new XElement("sup", exponent) };
        return new XElement("td",
            new XAttribute("class", "pm-probability"),
            new XAttribute("style", CellStyle + ";text-align:right;font-variant-numeric:tabular-nums"),
            content);
    }

    /// <summary>A cell with a number and a bar whose length is <paramref name="value"/> / <paramref name="max"/> of the full width.</summary>
    public static XElement NumberWithBar(string text, double value, double max, string cssClass) =>
        new("td",
            new XAttribute("class", cssClass),
            new XAttribute("style", CellStyle + ";white-space:nowrap;font-variant-numeric:tabular-nums"),
            Bar(value, max, BarColour, title: null),
            " ",
            text);

    /// <summary>A stacked bar: one segment per part, each as long as its share of <paramref name="max"/>, with the part's label and bits as its tooltip.</summary>
    public static XElement StackedBar(IEnumerable<(string Label, double Bits)> parts, double max)
    {
        var segments = parts.Select((part, i) => Bar(part.Bits, max, PartColours[i % PartColours.Length], $"{part.Label}: {NumberText.Bits(part.Bits)} bits", "pm-part"));
        return new XElement("td",
            new XAttribute("class", "pm-breakdown"),
            new XAttribute("style", CellStyle + ";white-space:nowrap"),
            segments);
    }

    public static XElement Bar(double value, double max, string colour, string? title, string cssClass = "pm-bar")
    {
        var width = max > 0 && double.IsFinite(value) && value > 0 ? Math.Min(1, value / max) * BarWidthPixels : 0;
        return new XElement("span",
            new XAttribute("class", cssClass),
            title is null ? null : new XAttribute("title", title),
            new XAttribute("style", string.Create(CultureInfo.InvariantCulture,
                $"display:inline-block;height:0.8em;vertical-align:middle;width:{width:0.#}px;background:{colour}")));
    }

    /// <summary>The provenance footer of a result (class <c>pm-provenance</c>).</summary>
    public static XElement Footer(PredictiveModels.Reproducibility.Provenance provenance) =>
        new("p", new XAttribute("class", "pm-provenance"), new XAttribute("style", "margin:0.4em 0 0;font-size:smaller;color:#666"), ProvenanceText.Of(provenance));

    public static XElement Note(string text) => new("p", new XAttribute("class", "pm-note"), new XAttribute("style", "margin:0.2em 0"), text);

    /// <summary>The element as text. Every element has an end tag (none is written as <c>&lt;x/&gt;</c>), so the text reads the same as HTML and as XML: an HTML parser reads <c>&lt;span/&gt;</c> as an open span that swallows what follows.</summary>
    public static string Render(XElement element)
    {
        foreach (var empty in element.DescendantsAndSelf().Where(e => e.IsEmpty).ToList())
        {
            empty.Value = string.Empty;
        }

        return element.ToString(SaveOptions.DisableFormatting);
    }

    private const string CellStyle = "padding:2px 8px;border-bottom:1px solid #ddd";
}
