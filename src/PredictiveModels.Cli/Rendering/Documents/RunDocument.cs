using System.Text.Json.Serialization;
using PredictiveModels.Analysis;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>run</c>: the headline, every lever's effect, then the <c>score</c>, <c>posterior</c> and <c>train</c> documents embedded whole.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Headline">The three headline numbers and their accuracy.</param>
/// <param name="Levers">Every standard lever's effect, in the order of <see cref="Lever.Standard"/>.</param>
/// <param name="Score">The <c>score</c> document.</param>
/// <param name="Posterior">The <c>posterior</c> document.</param>
/// <param name="Train">The <c>train</c> document.</param>
internal sealed record RunDocument(
    ScenarioReference? Scenario,
    HeadlineDocument Headline,
    IReadOnlyList<LeverDocument> Levers,
    EmbeddedDocument Score,
    EmbeddedDocument Posterior,
    EmbeddedDocument Train)
    : OutputDocument("run", Scenario);

/// <summary>The headline of <c>run</c>.</summary>
/// <param name="SimplicityPosterior"><c>P(Deceptive)</c> under the simplicity posterior, 0 to 1.</param>
/// <param name="LowPathDependence"><c>P(Deceptive)</c> at the equilibrium of the last phase, 0 to 1.</param>
/// <param name="HighPathDependence"><c>P(Deceptive)</c> at the end of training, 0 to 1.</param>
/// <param name="LowPathDependenceReachedAt">When training gets within the threshold of that equilibrium, training time; null when not reached or not known.</param>
/// <param name="LowPathDependenceReachedAtReason">Why that time is null; absent when it is a number.</param>
/// <param name="Discretisation">The discretisation estimates of the headline numbers.</param>
internal sealed record HeadlineDocument(
    double SimplicityPosterior,
    double LowPathDependence,
    double HighPathDependence,
    double? LowPathDependenceReachedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LowPathDependenceReachedAtReason,
    DiscretisationDocument? Discretisation)
{
    /// <summary>The headline of an analysis.</summary>
    public static HeadlineDocument Of(AnalysisResult result)
    {
        var e = result.Training.Final.Reachability;
        return new(
            result.SimplicityPosterior,
            result.LowPathDependence,
            result.HighPathDependence,
            Json.FiniteOrNull(e?.ReachedAt),
            e is null ? "not computed" : e.Problem,
            DiscretisationDocument.Of(result.Discretisation));
    }
}

/// <summary>One lever's effect.</summary>
/// <param name="Name">The lever's short name.</param>
/// <param name="Description">What it changes, with the size of the change.</param>
/// <param name="SimplicityPosterior"><c>P(Deceptive)</c> under the simplicity posterior with the lever.</param>
/// <param name="LowPathDependence"><c>P(Deceptive)</c> at equilibrium with the lever.</param>
/// <param name="HighPathDependence"><c>P(Deceptive)</c> at the end of training with the lever.</param>
/// <param name="DeceptiveOrigin">The deceptive mass at the end, by origin; absent when not computed.</param>
/// <param name="Discretisation">The discretisation estimates of the lever's numbers.</param>
/// <param name="Effect">The lever minus the baseline, on both grids.</param>
internal sealed record LeverDocument(
    string Name,
    string Description,
    double SimplicityPosterior,
    double LowPathDependence,
    double HighPathDependence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeceptiveOriginDocument? DeceptiveOrigin,
    PathDependenceEstimatesDocument Discretisation,
    PathDependenceEstimatesDocument Effect)
{
    /// <summary>The document of a lever's outcome.</summary>
    public static LeverDocument Of(LeverOutcome e) =>
        new(
            e.Lever.Name,
            e.Lever.Description,
            e.SimplicityPosterior,
            e.LowPathDependence,
            e.HighPathDependence,
            e.Sources is { } s ? new DeceptiveOriginDocument(s.Race, s.Defection) : null,
            new PathDependenceEstimatesDocument(EstimateDocument.Of(e.Discretisation.HighPathDependence), EstimateDocument.Of(e.Discretisation.LowPathDependence)),
            new PathDependenceEstimatesDocument(EstimateDocument.Of(e.HighPathDependenceEffect), EstimateDocument.Of(e.LowPathDependenceEffect)));
}

/// <summary>A pair of estimates, at the end of training and at equilibrium.</summary>
/// <param name="HighPathDependence">At the end of training.</param>
/// <param name="LowPathDependence">At the equilibrium of the last phase.</param>
internal sealed record PathDependenceEstimatesDocument(EstimateDocument HighPathDependence, EstimateDocument LowPathDependence);
