using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>The result of a <see cref="TrainingSweep"/>.</summary>
/// <param name="Parameter">The canonical path of the swept parameter.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Scale">How the points were spaced.</param>
/// <param name="Points">The points, in the order of the sweep.</param>
public sealed record TrainingSweepResult(string Parameter, string Unit, SweepScale Scale, ImmutableArray<TrainingSweepPoint> Points)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null);
}
