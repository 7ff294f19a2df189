using PredictiveModels.Complexity;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>score</c>: every candidate's description complexity, with where its bits go.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Settings">The scoring settings.</param>
/// <param name="WorldModelBits">The world model's own description length, bits.</param>
/// <param name="Candidates">Every candidate, in catalog order, each with its breakdown.</param>
internal sealed record ScoreDocument(ScenarioReference? Scenario, ScoreSettingsDocument Settings, double WorldModelBits, IReadOnlyList<CandidateDocument> Candidates)
    : OutputDocument("score", Scenario)
{
    /// <summary>The document of a score report.</summary>
    public static ScoreDocument Of(Scenarios.Scenario scenario, ScoreReport report, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            new ScoreSettingsDocument(report.HoleCost.ToString().ToLowerInvariant(), report.SizeBound, report.ClassMeasure.ToString().ToLowerInvariant()),
            report.WorldModelBits,
            [.. report.Candidates.Select(c => CandidateDocument.Of(c) with { Breakdown = BreakdownDocument.Of(c.Breakdown) })])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>The settings a score depends on.</summary>
/// <param name="HoleCost">How holes are costed, in lower case.</param>
/// <param name="SizeBound">The size bound of class masses, nodes.</param>
/// <param name="ClassMeasure">How a class's members are weighed when holes cost their class, in lower case: normalised or counting.</param>
internal sealed record ScoreSettingsDocument(string HoleCost, int SizeBound, string ClassMeasure);
