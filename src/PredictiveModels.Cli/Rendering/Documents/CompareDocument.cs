using System.Text.Json.Serialization;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// The document of <c>compare</c>: the headline numbers of several scenarios, in the order given. It names no single
/// scenario, so its <see cref="OutputDocument.Provenance"/> holds the version only and each entry its own fingerprint.
/// </summary>
/// <param name="Scenarios">One entry per scenario argument, in the order given (a scenario named twice appears twice).</param>
internal sealed record CompareDocument(IReadOnlyList<ComparedScenarioDocument> Scenarios)
    : OutputDocument("compare", null);

/// <summary>One scenario's headline numbers, as <c>run</c> defines them.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Source">Where it was read from, as given on the command line.</param>
/// <param name="ScenarioSha256">The SHA-256 of the resolved scenario document (64 lower-case hex digits); absent for a scenario not read from a document.</param>
/// <param name="Posterior"><c>P(Deceptive)</c> under the simplicity posterior, 0 to 1 (<c>run</c>'s <c>headline.simplicityPosterior</c>).</param>
/// <param name="EndOfTraining"><c>P(Deceptive)</c> at the end of the last training phase (high path dependence), 0 to 1 (<c>headline.highPathDependence</c>).</param>
/// <param name="Equilibrium"><c>P(Deceptive)</c> at the equilibrium of the last phase (low path dependence), 0 to 1 (<c>headline.lowPathDependence</c>).</param>
internal sealed record ComparedScenarioDocument(
    string Name,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScenarioSha256,
    double Posterior,
    double EndOfTraining,
    double Equilibrium);
