using PredictiveModels.Analysis;
using PredictiveModels.Reproducibility;
using PredictiveModels.Structures;
using System.Globalization;
using System.Text.Json.Serialization;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>uncertainty</c> (and of <c>merge</c>, which writes the same): the scenario's beliefs carried through the posterior, and with dynamics through training, by Monte Carlo.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seed">The seed of every draw.</param>
/// <param name="Samples">The number of base samples.</param>
/// <param name="Dynamics">Whether every evaluation trained the chain too.</param>
/// <param name="Sensitivity">The sensitivity method: <c>rankCorrelation</c> or <c>sobol</c>.</param>
/// <param name="BootstrapResamples">The bootstrap resamples behind the Sobol indices' intervals; absent for rank correlations.</param>
/// <param name="Parameters">The beliefs that were sampled.</param>
/// <param name="Results">One entry per measure: <c>posterior</c>, and with dynamics <c>endOfTraining</c> and <c>equilibrium</c>.</param>
internal sealed record UncertaintyDocument(
    ScenarioReference? Scenario,
    ulong Seed,
    int Samples,
    bool Dynamics,
    string Sensitivity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BootstrapResamples,
    IReadOnlyList<BeliefDocument> Parameters,
    IReadOnlyList<MeasureDocument> Results)
    : OutputDocument("uncertainty", Scenario)
{
    /// <summary>The document of a propagation.</summary>
    public static UncertaintyDocument Of(ScenarioReference? scenario, BeliefPropagationResult result, Provenance provenance) =>
        new(
            scenario,
            result.Settings.Seed,
            result.Settings.Samples,
            result.Settings.Dynamics,
            SensitivityName(result.Settings.Sensitivity),
            result.Settings.Sensitivity == SensitivityMethod.Sobol ? result.Settings.BootstrapResamples : null,
            [.. result.Parameters.Select(p => new BeliefDocument(p.Path, p.Notation, p.Median))],
            [.. result.Measures.Select(m => MeasureDocument.Of(m, result))])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };

    /// <summary>The name of a measure in the documents: <c>posterior</c>, <c>endOfTraining</c>, <c>equilibrium</c>.</summary>
    public static string MeasureName(PropagationMeasure measure) => measure switch
    {
        PropagationMeasure.EndOfTraining => "endOfTraining",
        PropagationMeasure.Equilibrium => "equilibrium",
        _ => "posterior",
    };

    /// <summary>The name of a sensitivity method in the documents and on the command line: <c>rankCorrelation</c> or <c>sobol</c>.</summary>
    public static string SensitivityName(SensitivityMethod method) => method == SensitivityMethod.Sobol ? "sobol" : "rankCorrelation";
}

/// <summary>One belief of the scenario.</summary>
/// <param name="Path">The parameter's path.</param>
/// <param name="Distribution">The belief as the file writes it.</param>
/// <param name="Median">Its median, the value every other command uses.</param>
internal sealed record BeliefDocument(string Path, string Distribution, double Median);

/// <summary>What the samples say about one measure of the outcome.</summary>
/// <param name="Measure">Which outcome: <c>posterior</c> (low path dependence in closed form), <c>endOfTraining</c> (high path dependence) or <c>equilibrium</c> (the chain's long-run limit).</param>
/// <param name="PDeceptive">P(Deceptive) over the base samples.</param>
/// <param name="Classes">Each outcome class's mean and quantiles, by class name in class order.</param>
/// <param name="Sensitivity">How each belief drives P(Deceptive).</param>
internal sealed record MeasureDocument(
    string Measure,
    SummaryDocument PDeceptive,
    IReadOnlyDictionary<string, ClassSummaryDocument> Classes,
    IReadOnlyList<SensitivityDocument> Sensitivity)
{
    /// <summary>The measure's document.</summary>
    public static MeasureDocument Of(MeasureSummary summary, BeliefPropagationResult result)
    {
        var classes = new Dictionary<string, ClassSummaryDocument>();
        for (var c = 0; c < OutcomeDistribution.Classes.Length; c++)
        {
            var s = summary.Classes[c];
            classes.Add(OutcomeDistribution.Classes[c].ToString(), new ClassSummaryDocument(s.Mean, SummaryDocument.QuantilesOf(s)));
        }

        return new MeasureDocument(
            UncertaintyDocument.MeasureName(summary.Measure),
            SummaryDocument.Of(summary.DeceptiveProbability),
            classes,
            [.. result.Parameters.Select((p, j) => SensitivityDocument.Of(p.Path, summary, j))]);
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
/// <param name="FirstOrder">Sobol first-order index: the share of P(Deceptive)'s variance the belief explains alone; null with rank correlations only, or when P(Deceptive) does not vary.</param>
/// <param name="FirstOrderCi95">Its bootstrap 95% interval (percentile); null when the index is.</param>
/// <param name="TotalOrder">Sobol total-order index: the share with every interaction the belief takes part in; null as <paramref name="FirstOrder"/>.</param>
/// <param name="TotalOrderCi95">Its bootstrap 95% interval (percentile); null when the index is.</param>
internal sealed record SensitivityDocument(
    string Path,
    double? RankCorrelation,
    double? FirstOrder,
    IReadOnlyList<double?>? FirstOrderCi95,
    double? TotalOrder,
    IReadOnlyList<double?>? TotalOrderCi95)
{
    /// <summary>The sensitivity of belief <paramref name="j"/> in a measure's summary.</summary>
    public static SensitivityDocument Of(string path, MeasureSummary summary, int j)
    {
        var rank = Json.FiniteOrNull(summary.RankCorrelations[j]);
        if (summary.Sobol is not { } sobol)
        {
            return new SensitivityDocument(path, rank, null, null, null, null);
        }

        var index = sobol.Indices[j];
        var first = Json.FiniteOrNull(index.FirstOrder);
        var total = Json.FiniteOrNull(index.TotalOrder);
        return new SensitivityDocument(
            path,
            rank,
            first,
            first is null ? null : [Json.FiniteOrNull(index.FirstOrderLower95), Json.FiniteOrNull(index.FirstOrderUpper95)],
            total,
            total is null ? null : [Json.FiniteOrNull(index.TotalOrderLower95), Json.FiniteOrNull(index.TotalOrderUpper95)]);
    }
}
