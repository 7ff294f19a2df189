using System.Globalization;
using PredictiveModels.Analysis;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>uncertainty</c>: the scenario's beliefs carried through the simplicity posterior by Monte Carlo.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seed">The seed of every draw.</param>
/// <param name="Samples">The number of samples.</param>
/// <param name="Parameters">The beliefs that were sampled.</param>
/// <param name="Results">One entry per measure; today only <c>posterior</c>.</param>
internal sealed record UncertaintyDocument(
    ScenarioReference? Scenario,
    ulong Seed,
    int Samples,
    IReadOnlyList<BeliefDocument> Parameters,
    IReadOnlyList<MeasureDocument> Results)
    : OutputDocument("uncertainty", Scenario)
{
    /// <summary>The document of a propagation through the posterior.</summary>
    public static UncertaintyDocument Of(Scenario scenario, BeliefPropagationResult result) =>
        new(
            ScenarioReference.Of(scenario),
            result.Seed,
            result.Samples,
            [.. result.Parameters.Select(p => new BeliefDocument(p.Path, p.Notation, p.Median))],
            [MeasureDocument.Of("posterior", result)]);
}

/// <summary>One belief of the scenario.</summary>
/// <param name="Path">The parameter's path.</param>
/// <param name="Distribution">The belief as the file writes it.</param>
/// <param name="Median">Its median, the value every other command uses.</param>
internal sealed record BeliefDocument(string Path, string Distribution, double Median);

/// <summary>What the samples say about one measure of the outcome.</summary>
/// <param name="Measure">Which outcome: <c>posterior</c> (low path dependence).</param>
/// <param name="PDeceptive">P(Deceptive) over the samples.</param>
/// <param name="Classes">Each outcome class's mean and quantiles, by class name in class order.</param>
/// <param name="Sensitivity">Each belief's rank correlation with P(Deceptive).</param>
internal sealed record MeasureDocument(
    string Measure,
    SummaryDocument PDeceptive,
    IReadOnlyDictionary<string, ClassSummaryDocument> Classes,
    IReadOnlyList<SensitivityDocument> Sensitivity)
{
    /// <summary>The measure's document.</summary>
    public static MeasureDocument Of(string measure, BeliefPropagationResult result)
    {
        var classes = new Dictionary<string, ClassSummaryDocument>();
        for (var c = 0; c < OutcomeDistribution.Classes.Length; c++)
        {
            var s = result.Classes[c];
            classes.Add(OutcomeDistribution.Classes[c].ToString(), new ClassSummaryDocument(s.Mean, SummaryDocument.QuantilesOf(s)));
        }

        return new MeasureDocument(
            measure,
            SummaryDocument.Of(result.DeceptiveProbability),
            classes,
            [.. result.Parameters.Select((p, j) => new SensitivityDocument(p.Path, Json.FiniteOrNull(result.RankCorrelations[j])))]);
    }
}

/// <summary>A probability's summary over the samples.</summary>
/// <param name="Mean">The sample mean, 0 to 1.</param>
/// <param name="MeanCi95">The normal-approximation 95% interval for the mean: mean minus and plus 1.96 standard errors.</param>
/// <param name="StandardError">The Monte Carlo standard error of the mean.</param>
/// <param name="Quantiles">The sample's quantiles, keyed by level ("0.05" to "0.95").</param>
/// <param name="Histogram">Counts in fixed bins over [0, 1].</param>
internal sealed record SummaryDocument(double Mean, IReadOnlyList<double> MeanCi95, double StandardError, IReadOnlyDictionary<string, double> Quantiles, HistogramDocument Histogram)
{
    /// <summary>The document of a summary.</summary>
    public static SummaryDocument Of(SampleSummary s) =>
        new(s.Mean, [s.MeanLower95, s.MeanUpper95], s.StandardError, QuantilesOf(s), HistogramDocument.Of(s));

    /// <summary>The quantiles keyed by their level, in increasing order.</summary>
    public static IReadOnlyDictionary<string, double> QuantilesOf(SampleSummary s)
    {
        var quantiles = new Dictionary<string, double>();
        for (var q = 0; q < SampleSummary.QuantileLevels.Length; q++)
        {
            quantiles.Add(SampleSummary.QuantileLevels[q].ToString(CultureInfo.InvariantCulture), s.Quantiles[q]);
        }

        return quantiles;
    }
}

/// <summary>A histogram: <c>edges</c> has one more entry than <c>counts</c>.</summary>
/// <param name="Edges">The bins' edges, 0 to 1.</param>
/// <param name="Counts">Samples per bin; a value of exactly 1 counts in the last.</param>
internal sealed record HistogramDocument(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts)
{
    /// <summary>The histogram of a summary.</summary>
    public static HistogramDocument Of(SampleSummary s) =>
        new([.. Enumerable.Range(0, SampleSummary.HistogramBins + 1).Select(k => (double)k / SampleSummary.HistogramBins)], s.HistogramCounts);
}

/// <summary>An outcome class's mean and quantiles over the samples.</summary>
/// <param name="Mean">The sample mean, 0 to 1.</param>
/// <param name="Quantiles">The sample's quantiles, keyed by level.</param>
internal sealed record ClassSummaryDocument(double Mean, IReadOnlyDictionary<string, double> Quantiles);

/// <summary>How one belief moves P(Deceptive).</summary>
/// <param name="Path">The parameter's path.</param>
/// <param name="RankCorrelation">Spearman's rank correlation of its samples with P(Deceptive), -1 to 1; null when either does not vary.</param>
internal sealed record SensitivityDocument(string Path, double? RankCorrelation);
