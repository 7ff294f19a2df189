using System.Globalization;
using System.Text.RegularExpressions;

namespace PredictiveModels.Rendering;

/// <summary>
/// Makes a chart's SVG document fit inside an HTML page beside other charts: the XML declaration goes (it may only
/// open a document), every id gets a prefix of its own (Skia numbers clip paths from 0 in every chart, and ids share
/// one namespace in a page, so without it every chart would clip to the first chart's rectangles), and the root gets a
/// <c>viewBox</c>, so a page narrower than the chart scales it down instead of cutting it.
/// </summary>
internal static partial class InlineSvg
{
    /// <summary>The chart's SVG ready to be written into a page, its ids prefixed with <paramref name="prefix"/> and a hyphen.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="prefix">A prefix unique in the page, made of ASCII letters, digits and hyphens.</param>
    public static string Of(SvgChart chart, string prefix)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = XmlDeclaration().Replace(chart.Svg, "", 1).TrimStart();
        svg = Reference().Replace(svg, m => m.Groups["before"].Value + prefix + "-" + m.Groups["id"].Value + m.Groups["after"].Value);
        if (!svg.StartsWith("<svg", StringComparison.Ordinal))
        {
            throw new ArgumentException($"the chart '{chart.Title}' is not an SVG document", nameof(chart));
        }

        var viewBox = string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {chart.Width} {chart.Height}\"");
        return svg.Contains("viewBox=", StringComparison.Ordinal) ? svg : svg.Insert("<svg".Length, viewBox + " role=\"img\"");
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    /// <summary>An id, or a local reference to one: <c>id="x"</c>, <c>url(#x)</c>, <c>href="#x"</c> (also <c>xlink:href</c>).</summary>
    [GeneratedRegex(@"(?<before>\bid=""|url\(#|href=""#)(?<id>[^""()\s]+)(?<after>""|\))")]
    private static partial Regex Reference();
}
