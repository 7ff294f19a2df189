using System.Xml.Linq;

namespace PredictiveModels.Rendering.Tests;

/// <summary>Reads a chart's SVG as XML, the way a browser or a notebook would.</summary>
internal static class Svg
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Parses the chart; throws when it is not well-formed XML.</summary>
    public static XDocument Parse(SvgChart chart) => XDocument.Parse(chart.Svg);

    /// <summary>Every text drawn in the chart (the &lt;text&gt; elements' content), in document order.</summary>
    public static IReadOnlyList<string> Texts(SvgChart chart) =>
        [.. Parse(chart).Descendants(Ns + "text").Select(t => t.Value.Trim())];

    /// <summary>The chart's &lt;title&gt; element.</summary>
    public static string? Title(SvgChart chart) => Parse(chart).Root?.Element(Ns + "title")?.Value;

    /// <summary>The number of shapes (bars) in the chart filled with this colour (hex; Skia writes <c>#332288</c> as <c>#328</c>).</summary>
    public static int RectanglesFilled(SvgChart chart, string hex) => Parse(chart).Descendants()
        .Count(e => (e.Name.LocalName is "rect" or "path" or "polygon") && Same(Fill(e), hex));

    /// <summary>The number of elements stroked with this colour (hex, short forms expanded).</summary>
    public static int Stroked(SvgChart chart, string hex) => Parse(chart).Descendants()
        .Count(e => Same((string?)e.Attribute("stroke") ?? "", hex));

    private static bool Same(string colour, string hex) => Expand(colour).Equals(Expand(hex), StringComparison.OrdinalIgnoreCase);

    private static string Expand(string colour) => colour.Length == 4 && colour[0] == '#'
        ? $"#{colour[1]}{colour[1]}{colour[2]}{colour[2]}{colour[3]}{colour[3]}"
        : colour;

    private static string Fill(XElement e)
    {
        var fill = (string?)e.Attribute("fill");
        if (fill is not null)
        {
            return fill;
        }

        var style = (string?)e.Attribute("style") ?? "";
        var at = style.IndexOf("fill:", StringComparison.Ordinal);
        return at < 0 ? "" : style[(at + 5)..].Split(';')[0].Trim();
    }
}
