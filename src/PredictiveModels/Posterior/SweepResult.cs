using System.Collections.Immutable;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Posterior;

/// <summary>A one-parameter sweep of the simplicity posterior.</summary>
/// <param name="Parameter">The swept parameter's canonical path.</param>
/// <param name="Unit">The parameter's unit.</param>
/// <param name="Scale">Linear or logarithmic spacing.</param>
/// <param name="Points">The points, from the first end to the second.</param>
public sealed record SweepResult(string Parameter, string Unit, SweepScale Scale, ImmutableArray<SweepPoint> Points);
