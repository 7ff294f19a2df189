using PredictiveModels.Reproducibility;

namespace PredictiveModels.Interactive;

/// <summary>
/// The one-line provenance the formatters put under a result that records it, in the fields of the tool's text outputs
/// (<see cref="Provenance.ToString"/>: the library version with its commit, the scenario's SHA-256 fingerprint, the seed
/// when the result drew any), and a word on why a scenario built in code has no fingerprint.
/// </summary>
internal static class ProvenanceText
{
    /// <summary>For example <c>provenance: version=0.1.0+ee86c8f…, scenarioSha256=3f2a…, seed=42</c>.</summary>
    public static string Of(Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var unfingerprinted = provenance.ScenarioSha256 is null ? " (no scenario fingerprint: the scenario was built or changed in code)" : "";
        return "provenance: " + provenance + unfingerprinted;
    }
}
