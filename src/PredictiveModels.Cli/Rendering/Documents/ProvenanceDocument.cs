using System.Text.Json.Serialization;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// What a document's numbers rest on, for citing them (<see cref="Reproducibility.Provenance"/>): the version of the
/// library that computed them, the fingerprint of the scenario as it was read, and the seed of any random draws.
/// </summary>
/// <param name="Version">The library's informational version, with <c>+COMMIT</c> when it was built from git.</param>
/// <param name="ScenarioSha256">The SHA-256 of the resolved scenario document (64 lower-case hex digits); absent when there is none.</param>
/// <param name="Seed">The seed of the command's random draws; absent when the command drew nothing.</param>
internal sealed record ProvenanceDocument(
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScenarioSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ulong? Seed)
{
    /// <summary>The document of a provenance.</summary>
    public static ProvenanceDocument Of(Provenance provenance) => new(provenance.Version, provenance.ScenarioSha256, provenance.Seed);
}
