using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PredictiveModels.Rendering.Tests.Report;

/// <summary>Reads a report page as XML, the way the report promises it can be read, and checks that it fetches nothing.</summary>
public static partial class Html
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Parses the page; throws when it is not well-formed XML. The doctype must come first.</summary>
    public static XDocument Parse(string html)
    {
        html.Should().StartWith("<!DOCTYPE html>\n");
        return XDocument.Parse(html);
    }

    /// <summary>The element with this id, which must be unique.</summary>
    public static XElement ById(XDocument page, string id) =>
        page.Descendants().Where(e => (string?)e.Attribute("id") == id).Should().ContainSingle($"one element has the id '{id}'").Subject;

    /// <summary>The full-precision number of the first <c>data</c> element in <paramref name="element"/>.</summary>
    public static double Number(XElement element) =>
        double.Parse((string)element.DescendantsAndSelf(Xhtml + "data").First().Attribute("value")!, CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that the page runs no script and fetches nothing: no script, no element that loads a resource, no
    /// event handler, no src or href that is not a link to the page's own ids, no @import and no url() in a style sheet
    /// or style attribute except one to the page's own ids; and that every id is unique and every local reference
    /// resolves.
    /// </summary>
    public static void ShouldBeSelfContained(XDocument page, string html)
    {
        var elements = page.Descendants().ToList();
        elements.Should().NotContain(e => e.Name.LocalName == "script", "the page needs no script to be read");
        elements.Select(e => e.Name.LocalName).Should().NotContain(["link", "img", "iframe", "object", "embed", "video", "audio", "source", "base", "image", "use", "foreignObject"]);
        var attributes = elements.SelectMany(e => e.Attributes()).ToList();
        attributes.Should().NotContain(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), "no event handlers");
        attributes.Where(a => a.Name.LocalName is "src" or "href" or "action" or "srcset" or "poster" or "data" && !a.IsNamespaceDeclaration)
            .Where(a => !a.Value.StartsWith('#')).Should().BeEmpty("the only links are to the page's own sections");

        var styles = elements.Where(e => e.Name.LocalName == "style").Select(e => e.Value)
            .Concat(attributes.Where(a => a.Name.LocalName == "style").Select(a => a.Value)).ToList();
        styles.Should().NotContain(s => s.Contains("@import", StringComparison.OrdinalIgnoreCase));
        styles.SelectMany(s => CssUrl().Matches(s)).Where(m => !m.Groups[1].Value.StartsWith('#')).Should().BeEmpty("a style fetches nothing");
        WithoutNamespaces(html).Should().NotContainAny(["http://", "https://"], "the only addresses in the page are XML namespace names");
    }

    /// <summary>The ids of the page, which are unique, and every <c>url(#x)</c> and <c>href="#x"</c> names one of them.</summary>
    public static void ShouldResolveEveryLocalReference(XDocument page, string html)
    {
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        ids.Should().OnlyHaveUniqueItems("inline SVGs share the page's ids, so each chart's clip paths need their own");
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var references = LocalReference().Matches(html).Select(m => m.Groups["id"].Value).ToList();
        references.Should().NotBeEmpty();
        references.Should().OnlyContain(r => known.Contains(r));
    }

    /// <summary>The page's text with its namespace declarations removed, to look for addresses.</summary>
    public static string WithoutNamespaces(string html) => NamespaceDeclaration().Replace(html, "");

    [GeneratedRegex(@"url\(\s*['""]?([^'""\)]*)")]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"(?:url\(#|href=""#)(?<id>[^""()\s]+)")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"\sxmlns(?::\w+)?=""[^""]*""")]
    private static partial Regex NamespaceDeclaration();
}
