using PredictiveModels.Complexity;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>explain STRUCTURE</c>: where the bits of each of the structure's candidates go.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Structure">The structure's id.</param>
/// <param name="Candidates">The candidates explained (every mechanism of the structure, or the one of <c>--mechanism</c>), each with its breakdowns.</param>
internal sealed record ExplainDocument(ScenarioReference? Scenario, string Structure, IReadOnlyList<CandidateDocument> Candidates)
    : OutputDocument("explain", Scenario)
{
    /// <summary>The document of a structure's scored candidates: each with its breakdown, and with a hole its Kmin and Kclass breakdowns too.</summary>
    public static ExplainDocument Of(Scenarios.Scenario scenario, Structures.Structure structure, IEnumerable<CandidateScore> scores, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            structure.Id,
            [.. scores.Select(c => CandidateDocument.Of(c) with
            {
                Breakdown = BreakdownDocument.Of(c.Breakdown),
                KminBreakdown = c.HasHoles ? BreakdownDocument.Of(c.MinBreakdown) : null,
                KclassBreakdown = c.HasHoles ? BreakdownDocument.Of(c.ClassBreakdown!) : null,
                KclassCountingBreakdown = c.HasHoles ? BreakdownDocument.Of(c.CountingBreakdown!) : null,
            })])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}
