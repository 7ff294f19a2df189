using System.Xml.Linq;

namespace PredictiveModels.Interactive.Tests;

/// <summary>Parses the formatters' HTML as XML, which fails unless it is well-formed XHTML.</summary>
internal static class XhtmlDocument
{
    public static XElement Parse(string html) => XElement.Parse(html);

    public static IEnumerable<XElement> WithClass(this XElement root, string cssClass) =>
        root.DescendantsAndSelf().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static string Text(this XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));
}
