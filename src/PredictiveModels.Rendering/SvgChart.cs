namespace PredictiveModels.Rendering;

/// <summary>
/// A rendered chart: an SVG document with its size and title. Immutable and deterministic: the same result rendered
/// twice gives the same <see cref="Svg"/> text, character for character.
/// </summary>
/// <param name="Svg">The SVG document (UTF-8 text, <c>image/svg+xml</c>), with a <c>&lt;title&gt;</c> element holding <paramref name="Title"/>.</param>
/// <param name="Width">The width in pixels (CSS px), at least 1.</param>
/// <param name="Height">The height in pixels (CSS px), at least 1.</param>
/// <param name="Title">The chart's title as drawn above the plot.</param>
public sealed record SvgChart(string Svg, int Width, int Height, string Title)
{
    /// <summary>The MIME type of <see cref="Svg"/>: <c>image/svg+xml</c>.</summary>
    public const string MimeType = "image/svg+xml";

    /// <summary>
    /// The SVG ready to be placed inside an HTML page beside other charts: without its XML declaration, every id (and
    /// every local reference to one) prefixed with <paramref name="idPrefix"/> and a hyphen, and a <c>viewBox</c> so a
    /// narrower page scales it down. The report and the notebook formatters both inline charts this way.
    /// </summary>
    /// <param name="idPrefix">A prefix unique in the page, made of ASCII letters, digits and hyphens.</param>
    /// <returns>The <c>svg</c> element as text.</returns>
    public string Inline(string idPrefix) => InlineSvg.Of(this, idPrefix);
}
