using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>Renders a ScottPlot plot to a deterministic <see cref="SvgChart"/>: the one place every chart's style and output pass through.</summary>
internal static partial class SvgRenderer
{
    /// <summary>The default width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 480;

    /// <summary>A new plot with the house style and a title.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontSize = 16;
        return plot;
    }

    /// <summary>Shows the legend outside the data area, to the right.</summary>
    public static void LegendRight(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>Renders the plot and makes its text deterministic.</summary>
    public static SvgChart Render(Plot plot, string title, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var svg = plot.GetSvgXml(width, height);
        svg = Normalise(svg);
        var titled = OpeningTag().Replace(svg, m => m.Value + "<title>" + SecurityElement.Escape(title) + "</title>", 1);
        return new SvgChart(titled, width, height, title);
    }

    /// <summary>Removes what could differ between two renders of the same plot.</summary>
    /// <remarks>
    /// Skia's SVG canvas names clip paths from a counter shared by the whole process (<c>cl_4</c>, <c>cl_3f</c>, ...), so
    /// the same plot rendered twice gets other ids. They are renamed <c>clip0</c>, <c>clip1</c>, ... in order of first
    /// appearance; nothing else in ScottPlot's SVG depends on time, randomness or the culture.
    /// </remarks>
    internal static string Normalise(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamed = ClipId().Replace(svg, m =>
        {
            var id = m.Groups["id"].Value;
            if (!names.TryGetValue(id, out var name))
            {
                name = "clip" + names.Count.ToString(CultureInfo.InvariantCulture);
                names.Add(id, name);
            }

            return m.Groups["before"].Value + name + m.Groups["after"].Value;
        });
        return renamed.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>A power of ten as a tick label: <c>1</c>, <c>10</c>, <c>100</c>, <c>1000</c>, then <c>1e4</c>, ...; <c>0.1</c>, <c>0.01</c>, then <c>1e-3</c>.</summary>
    public static string PowerOfTen(double exponent)
    {
        var e = Math.Round(exponent);
        if (Math.Abs(exponent - e) > 1e-9)
        {
            return Format(Math.Pow(10, exponent), "G3");
        }

        return e is >= -2 and <= 3 ? Format(Math.Pow(10, e), "G") : "1e" + Format(e, "0");
    }

    /// <summary>Formats a number for a label, invariant culture.</summary>
    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    [GeneratedRegex("(?<before>id=\"|url\\(#)(?<id>cl_[0-9a-fA-F]+)(?<after>\"|\\))")]
    private static partial Regex ClipId();

    [GeneratedRegex("<svg[^>]*>")]
    private static partial Regex OpeningTag();
}
