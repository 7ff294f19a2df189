using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Posterior;

/// <summary>A one-parameter sweep of the simplicity posterior.</summary>
/// <param name="Parameter">The swept parameter's canonical path.</param>
/// <param name="Unit">The parameter's unit.</param>
/// <param name="Scale">Linear or logarithmic spacing.</param>
/// <param name="Points">The points, from the first end to the second.</param>
public sealed record SweepResult(string Parameter, string Unit, SweepScale Scale, ImmutableArray<SweepPoint> Points)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null);
}
