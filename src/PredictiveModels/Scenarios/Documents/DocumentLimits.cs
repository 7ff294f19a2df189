using System.Globalization;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>The limits both front ends enforce on the shape of a document, whatever its format.</summary>
internal static class DocumentLimits
{
    /// <summary>The deepest nesting of lists and mappings accepted (a scenario needs about 6).</summary>
    public const int MaxDepth = 128;

    /// <summary>The message for a document nested deeper than <see cref="MaxDepth"/>.</summary>
    public static string TooDeep { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"lists and mappings are nested more than {MaxDepth} levels deep here; a scenario needs only a few levels");
}
