using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>posterior</c>: the simplicity posterior at the scenario's settings.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Settings">The analysis settings it was computed at.</param>
/// <param name="PDeceptive"><c>P(Deceptive)</c>, 0 to 1.</param>
/// <param name="Classes">Each outcome class's probability.</param>
/// <param name="BitsUnderwater">Bits underwater (positive: deception favoured); null without a deceptive or an honest candidate.</param>
/// <param name="OtherHoleCost"><c>P(Deceptive)</c> under the other way of costing holes.</param>
/// <param name="Candidates">Every candidate with its weight and probability, in catalog order.</param>
/// <param name="Eliminations">Each structure with a loss gap, and when the data eliminates it.</param>
internal sealed record PosteriorDocument(
    ScenarioReference? Scenario,
    AnalysisSettingsDocument Settings,
    double PDeceptive,
    IReadOnlyDictionary<string, double> Classes,
    double? BitsUnderwater,
    OtherHoleCostDocument OtherHoleCost,
    IReadOnlyList<CandidateDocument> Candidates,
    IReadOnlyList<EliminationDocument> Eliminations)
    : OutputDocument("posterior", Scenario)
{
    /// <summary>The document of a posterior, with <c>P(Deceptive)</c> under the other hole cost.</summary>
    public static PosteriorDocument Of(Scenario scenario, PosteriorResult result, (HoleCost Cost, double PDeceptive) other, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            AnalysisSettingsDocument.Of(scenario.Analysis),
            result.DeceptiveProbability,
            ClassProbabilities.Of(result.Classes),
            result.BitsUnderwater,
            new OtherHoleCostDocument(other.Cost.ToString().ToLowerInvariant(), other.PDeceptive),
            [.. result.Candidates.Select(c => CandidateDocument.Of(c.Score) with { Log2Weight = c.Log2Weight, Log2Probability = c.Log2Probability, Probability = c.Probability })],
            [.. result.Eliminations.Select(e => new EliminationDocument(e.StructureId, e.LossGap, e.EliminatedAtDataSize, e.Log2Share, e.Share, e.IsEliminated))])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>The analysis settings a posterior was computed at.</summary>
/// <param name="HoleCost">How holes are costed, in lower case.</param>
/// <param name="SizeBound">The size bound of class masses, nodes.</param>
/// <param name="SimplicityExponent"><c>a</c>, bits per bit of K.</param>
/// <param name="SpeedWeight"><c>lambda</c>, bits per doubling of runtime.</param>
/// <param name="DataSize"><c>n</c>, tokens.</param>
/// <param name="EliminationThreshold">The share below which a structure counts as eliminated, 0 to 1.</param>
/// <param name="ClassMeasure">How a class's members are weighed when holes cost their class, in lower case: normalised or counting.</param>
internal sealed record AnalysisSettingsDocument(string HoleCost, int SizeBound, double SimplicityExponent, double SpeedWeight, double DataSize, double EliminationThreshold, string ClassMeasure)
{
    /// <summary>The document of a scenario's analysis settings.</summary>
    public static AnalysisSettingsDocument Of(AnalysisSettings s) =>
        new(s.HoleCost.ToString().ToLowerInvariant(), s.SizeBound, s.SimplicityExponent, s.SpeedWeight, s.DataSize, s.EliminationThreshold, s.ClassMeasure.ToString().ToLowerInvariant());
}

/// <summary><c>P(Deceptive)</c> under the other way of costing holes.</summary>
/// <param name="HoleCost">That way, in lower case.</param>
/// <param name="PDeceptive"><c>P(Deceptive)</c> under it, 0 to 1.</param>
internal sealed record OtherHoleCostDocument(string HoleCost, double PDeceptive);

/// <summary>When the data eliminates a structure with a loss gap.</summary>
/// <param name="Structure">The structure's id.</param>
/// <param name="LossGap">Bits per token.</param>
/// <param name="EliminatedAtDataSize">The data size at which its share falls below the threshold, tokens; null when never.</param>
/// <param name="Log2Share"><c>log2</c> of its share now.</param>
/// <param name="Share">Its share now, 0 to 1.</param>
/// <param name="Eliminated">Whether it is eliminated at the scenario's data size.</param>
internal sealed record EliminationDocument(string Structure, double LossGap, double? EliminatedAtDataSize, double Log2Share, double Share, bool Eliminated);
