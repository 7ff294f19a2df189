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
}
