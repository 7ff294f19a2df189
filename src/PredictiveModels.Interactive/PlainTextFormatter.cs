using System.Globalization;
using System.Text;
using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Rendering;
using PredictiveModels.Structures;

namespace PredictiveModels.Interactive;

/// <summary>
/// The library's results as plain text for notebooks and consoles without HTML: aligned columns, bits to 2 decimals,
/// probabilities as <see cref="NumberText"/> writes them, outcome classes by name. A result that records its provenance
/// ends with a line <c>provenance: …</c>. Pure functions.
/// </summary>
public static class PlainTextFormatter
{
    /// <summary>The MIME type of the strings the formatter returns.</summary>
    public const string MimeType = "text/plain";

    /// <summary>The text of any result type in <see cref="FormattedTypes.All"/>, or null for any other object.</summary>
    /// <param name="value">The result.</param>
    /// <returns>The text, or null.</returns>
    public static string? FormatObject(object? value) => value switch
    {
        ScoreReport r => Format(r),
        CandidateScore r => Format(r),
        PosteriorResult r => Format(r),
        SweepResult r => Format(r),
        TrainingSweepResult r => Format(r),
        TrainingResult r => Format(r),
        AnalysisResult r => Format(r),
        BeliefPropagationResult r => Format(r),
        OutcomeDistribution r => Format(r),
        SvgChart r => Format(r),
        _ => null,
    };

    /// <summary>One line per candidate: structure, mechanism, class, bits.</summary>
    /// <param name="report">The scores.</param>
    /// <returns>The text.</returns>
    public static string Format(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Columns(["structure", "mechanism", "class", "bits"],
            report.Candidates.Select(c => new[] { c.Structure.Name, OutcomeClassNames.Of(c.Mechanism), OutcomeClassNames.Of(c.Class), NumberText.Bits(c.Bits) }))
            + Footer(report.Provenance);
    }

    /// <summary>A candidate's breakdown, one part a line, indented by depth.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The text.</returns>
    public static string Format(CandidateScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var rows = new List<string[]>();
        void Add(BitBreakdown part, int depth)
        {
            rows.Add([new string(' ', 2 * depth) + part.Label, NumberText.Bits(part.Bits)]);
            foreach (var child in part.Children)
            {
                Add(child, depth + 1);
            }
        }

        Add(score.Breakdown, 0);
        return $"{score.Candidate.Key} ({OutcomeClassNames.Of(score.Class)}): {NumberText.Bits(score.Bits)} bits\n" + Columns(["part", "bits"], rows);
    }

    /// <summary>The class probabilities, then each candidate's probability.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <returns>The text.</returns>
    public static string Format(PosteriorResult posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return Format(posterior.Classes) + "\n" + Columns(["candidate", "class", "bits", "probability"],
            posterior.Candidates.Select(c => new[] { c.Candidate.Key, OutcomeClassNames.Of(c.Score.Class), NumberText.Bits(c.Score.Bits), NumberText.ProbabilityFromLog2(c.Log2Probability) }))
            + Footer(posterior.Provenance);
    }

    /// <summary>One line per value of the parameter, a column per class.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The text.</returns>
    public static string Format(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Columns([sweep.Parameter, .. OutcomeDistribution.Classes.Select(OutcomeClassNames.Of)],
            sweep.Points.Select(p => new[] { NumberText.Decimal(p.Value) }.Concat(OutcomeDistribution.Classes.Select(c => NumberText.ProbabilityFromLog2(p.Classes.Log2Probability(c)))).ToArray()))
            + Footer(sweep.Provenance);
    }

    /// <summary>Each phase's path dependence, then the final classes at the end of training and at equilibrium.</summary>
    /// <param name="training">The training result.</param>
    /// <returns>The text.</returns>
    public static string Format(TrainingResult training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Columns(["phase", "configurations", "path dependence index"],
                training.Phases.Select(p => new[] { p.Name, p.Configurations.ToString(CultureInfo.InvariantCulture), NumberText.Probability(p.PathDependenceIndex) }))
            + "\n" + Columns(["class", "end of training", "equilibrium"],
                OutcomeDistribution.Classes.Select(c => new[] { OutcomeClassNames.Of(c), NumberText.ProbabilityFromLog2(training.Transient.Log2Probability(c)), NumberText.ProbabilityFromLog2(training.Equilibrium.Log2Probability(c)) }))
            + Footer(training.Provenance);
    }

    /// <summary>The three headline probabilities of deception and the levers.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The text.</returns>
    public static string Format(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return $"P(deceptive): simplicity posterior {NumberText.Probability(analysis.SimplicityPosterior)}, low path dependence {NumberText.Probability(analysis.LowPathDependence)}, high path dependence {NumberText.Probability(analysis.HighPathDependence)}\n"
            + Columns(["lever", "simplicity posterior", "low path dependence", "high path dependence"],
                analysis.Levers.Select(l => new[] { l.Lever.Name, NumberText.Probability(l.SimplicityPosterior), NumberText.Probability(l.LowPathDependence), NumberText.Probability(l.HighPathDependence) }))
            + Footer(analysis.Provenance);
    }

    /// <summary>One line per value of the parameter: P(deceptive) at the end of training and at equilibrium, and the path-dependence index.</summary>
    /// <param name="sweep">The sweep of training.</param>
    /// <returns>The text.</returns>
    public static string Format(TrainingSweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Columns([sweep.Parameter, "P(deceptive) end of training", "P(deceptive) equilibrium", "path dependence index"],
                sweep.Points.Select(p => new[] { NumberText.Decimal(p.Value), NumberText.ProbabilityFromLog2(p.Training.Transient.Log2Probability(OutcomeClass.Deceptive)), NumberText.ProbabilityFromLog2(p.Training.Equilibrium.Log2Probability(OutcomeClass.Deceptive)), NumberText.Probability(p.Training.PathDependenceIndex) }))
            + Footer(sweep.Provenance);
    }

    /// <summary>Each measure's mean probability of deception with the 95% interval of the mean.</summary>
    /// <param name="propagation">The result.</param>
    /// <returns>The text.</returns>
    public static string Format(BeliefPropagationResult propagation)
    {
        ArgumentNullException.ThrowIfNull(propagation);
        return Columns(["measure", "mean", "mean 95% lower", "mean 95% upper"],
            propagation.Measures.Select(m => new[] { m.Measure.ToString(), NumberText.Probability(m.DeceptiveProbability.Mean), NumberText.Probability(m.DeceptiveProbability.MeanLower95), NumberText.Probability(m.DeceptiveProbability.MeanUpper95) }))
            + Footer(propagation.Provenance);
    }

    /// <summary>Each class by name with its probability, and the undecided mass if any.</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The text.</returns>
    public static string Format(OutcomeDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var rows = OutcomeDistribution.Classes.Select(c => new[] { OutcomeClassNames.Of(c), NumberText.ProbabilityFromLog2(distribution.Log2Probability(c)) }).ToList();
        if (distribution.Undecided > 0)
        {
            rows.Add(["Undecided", NumberText.Probability(distribution.Undecided)]);
        }

        return Columns(["class", "probability"], rows);
    }

    /// <summary>The provenance line that ends a result which records it.</summary>
    private static string Footer(Reproducibility.Provenance provenance) => ProvenanceText.Of(provenance) + "\n";

    /// <summary>A chart in a plain-text output: its title and size (the picture needs HTML).</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The text.</returns>
    public static string Format(SvgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return string.Create(CultureInfo.InvariantCulture, $"chart: {chart.Title} ({chart.Width} x {chart.Height} SVG)\n");
    }

    private static string Columns(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend([.. headers]).ToList();
        var widths = headers.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        return text.ToString();
    }
}
