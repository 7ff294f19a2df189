using System.Globalization;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Interactive;

/// <summary>
/// The one-line provenance the formatters put under a result that records it: the library version (with its commit),
/// the scenario's SHA-256 fingerprint in full (or why there is none) and the seed when the result drew any.
/// </summary>
internal static class ProvenanceText
{
    /// <summary>The line, for example <c>PredictiveModels 0.1.0+ee86c8f…; scenario SHA-256 3f2a…; seed 42</c>.</summary>
    public static string Of(Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var scenario = provenance.ScenarioSha256 is { } sha
            ? $"scenario SHA-256 {sha}"
            : "scenario not fingerprinted (built or changed in code)";
        var seed = provenance.Seed is { } s ? string.Create(CultureInfo.InvariantCulture, $"; seed {s}") : "";
        return $"PredictiveModels {provenance.Version}; {scenario}{seed}";
    }
}
