using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using PredictiveModels.Rendering;

namespace PredictiveModels.Interactive;

/// <summary>
/// A chart of <see cref="PredictiveModels.Rendering"/> as an element of the formatters' HTML: the SVG document inlined in a
/// <c>div</c> of class <c>pm-chart</c>, so that the HTML stays one well-formed XHTML fragment that loads nothing.
/// </summary>
/// <remarks>
/// What changes from the chart's own SVG text, and why:
/// <list type="bullet">
/// <item>The XML declaration goes (a declaration inside a document is not well-formed) and so do the whitespace-only
/// texts between elements.</item>
/// <item>The elements lose their namespace (<c>xmlns</c>): an HTML parser puts an inline <c>svg</c> and everything in it
/// into the SVG namespace by itself, and the fragment then names no URL at all.</item>
/// <item>Every <c>id</c>, and every <c>url(#id)</c> that refers to one, gets a prefix made from the SHA-256 of the chart's
/// text: a notebook shows many outputs in one page, where two charts' <c>clip0</c> would otherwise be the same element.
/// The prefix is the same for the same chart, so the HTML stays deterministic.</item>
/// <item>The <c>svg</c> gets a <c>viewBox</c> of its size and scales down to the width of the output
/// (<c>max-width:100%</c>), keeping its proportions; <c>role="img"</c> and the chart's title as its label.</item>
/// </list>
/// </remarks>
internal static class InlineSvg
{
    /// <summary>The chart as a <c>div</c> of class <c>pm-chart</c> holding its <c>svg</c> element.</summary>
    public static XElement Figure(SvgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // The ids are prefixed (and the declaration dropped, the viewBox added) by the rendering layer, as in the report.
        var svg = XElement.Parse(chart.Inline(IdPrefix(chart.Svg)));
        foreach (var element in svg.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
            element.ReplaceAttributes(element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)).ToList());
        }

        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", chart.Title);
        svg.SetAttributeValue("style", "max-width:100%;height:auto");
        return new XElement("div", new XAttribute("class", "pm-chart"), new XAttribute("style", "margin:0.5em 0"), svg);
    }

    /// <summary><c>pm</c> and the first 8 hexadecimal digits of the SHA-256 of the SVG text.</summary>
    private static string IdPrefix(string svg) =>
        "pm" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)))[..8];
}
