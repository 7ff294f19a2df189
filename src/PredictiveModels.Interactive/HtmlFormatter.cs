using System.Xml.Linq;
using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Rendering;
using PredictiveModels.Structures;

namespace PredictiveModels.Interactive;

/// <summary>
/// The library's results as HTML for notebooks: pure functions from a result to a string of well-formed XHTML (a
/// <c>div</c> of class <c>pm-result</c> holding tables). Bits come with inline bars, description lengths with one bar
/// segment per part of their breakdown, probabilities with 4 significant digits or as 2^-k below 1e-4, and outcome
/// classes by name. Where a picture says more, the chart of <see cref="PredictiveModels.Rendering"/> follows its table
/// as inline SVG (a <c>div</c> of class <c>pm-chart</c>): a sweep, the posterior, a candidate's bit breakdown,
/// training, the levers and belief propagation; the scores and a lone distribution have tables only. A result that
/// records its <see cref="Reproducibility.Provenance"/> ends with it as a footer (a <c>p</c> of class
/// <c>pm-provenance</c>: the library version, the scenario's SHA-256, the seed). All text is escaped; the HTML has no
/// scripts and loads nothing.
/// </summary>
public static class HtmlFormatter
{
    /// <summary>The MIME type of the strings the formatter returns.</summary>
    public const string MimeType = "text/html";

    /// <summary>The HTML of any result type in <see cref="FormattedTypes.All"/>, or null for any other object.</summary>
    /// <param name="value">The result.</param>
    /// <returns>The HTML, or null.</returns>
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

    /// <summary>The scores of a scenario's candidates: one row each, with its bits as a bar split into the top-level parts of its breakdown.</summary>
    /// <param name="report">The scores.</param>
    /// <returns>The HTML.</returns>
    public static string Format(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Html.Render(Html.Root("scores", ScoresTable(report), Html.Footer(report.Provenance)));
    }

    /// <summary>One candidate's description length, as a table of its breakdown (every part, indented by depth), each part with a bar, then the chart of its top-level parts (<see cref="BitBreakdownChart"/>).</summary>
    /// <param name="score">The candidate's score.</param>
    /// <returns>The HTML.</returns>
    public static string Format(CandidateScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var root = score.Breakdown;
        var rows = new List<XElement>();
        AddBreakdownRows(rows, root, 0, root.Bits);
        var caption = $"{score.Candidate.Structure.Name} ({OutcomeClassNames.Of(score.Mechanism)}), {OutcomeClassNames.Of(score.Class)}: {NumberText.Bits(score.Bits)} bits under hole cost {score.HoleCost}";
        return Html.Render(Html.Root("candidate-score",
            Html.Table("breakdown", caption, ["part", "bits"], rows),
            Html.Note($"K_min {NumberText.Bits(score.Kmin)} bits" + (score.Kclass is { } k ? $", K_class {NumberText.Bits(k)} bits, K_class counting {NumberText.Bits(score.KclassCounting!.Value)} bits" : "") + $", runtime {NumberText.Decimal(score.RuntimeSteps)} steps, loss gap {NumberText.Decimal(score.LossGap)}"),
            InlineSvg.Figure(BitBreakdownChart.Of(score))));
    }

    /// <summary>The simplicity posterior: the class probabilities with bars and their chart (<see cref="PosteriorChart.ByClass"/>), then each candidate's bits, weight and probability and their chart (<see cref="PosteriorChart.ByCandidate"/>).</summary>
    /// <param name="posterior">The posterior.</param>
    /// <returns>The HTML.</returns>
    public static string Format(PosteriorResult posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return Html.Render(Html.Root("posterior", PosteriorContent(posterior, "Simplicity posterior", PosteriorCharts.ByClassAndByCandidate), Html.Footer(posterior.Provenance)));
    }

    /// <summary>A sweep of the posterior over one parameter: one row per value, a column per outcome class, then the chart of the classes against the parameter (<see cref="SweepChart"/>).</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The HTML.</returns>
    public static string Format(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var rows = sweep.Points.Select(point => Html.Row(
            [
                Html.Number(NumberText.Decimal(point.Value), "pm-value"),
                .. OutcomeDistribution.Classes.Select(c => Html.ProbabilityFromLog2(point.Classes.Log2Probability(c))),
                Html.Number(point.BitsUnderwater is { } b ? NumberText.Bits(b) : "", "pm-bits"),
            ]));
        var unit = string.IsNullOrEmpty(sweep.Unit) ? "" : $" ({sweep.Unit})";
        return Html.Render(Html.Root("sweep",
            Html.Table("sweep", $"Sweep of {sweep.Parameter}{unit}, {sweep.Scale.ToString().ToLowerInvariant()} scale",
                [sweep.Parameter, .. OutcomeDistribution.Classes.Select(OutcomeClassNames.Of), "bits underwater"], rows),
            InlineSvg.Figure(SweepChart.Of(sweep)),
            Html.Footer(sweep.Provenance)));
    }

    /// <summary>A sweep of training over one parameter: one row per value with P(deceptive) at the end of training and at equilibrium, then the chart of every class in both regimes against the parameter (<see cref="SweepChart.Of(TrainingSweepResult, int, int)"/>).</summary>
    /// <param name="sweep">The sweep.</param>
    /// <returns>The HTML.</returns>
    public static string Format(TrainingSweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var rows = sweep.Points.Select(point => Html.Row(
            Html.Number(NumberText.Decimal(point.Value), "pm-value"),
            Html.ProbabilityFromLog2(point.Training.Transient.Log2Probability(OutcomeClass.Deceptive)),
            Html.ProbabilityFromLog2(point.Training.Equilibrium.Log2Probability(OutcomeClass.Deceptive)),
            Html.Number(NumberText.Probability(point.Training.PathDependenceIndex), "pm-index")));
        var unit = string.IsNullOrEmpty(sweep.Unit) ? "" : $" ({sweep.Unit})";
        return Html.Render(Html.Root("training-sweep",
            Html.Table("training-sweep", $"Training swept over {sweep.Parameter}{unit}, {sweep.Scale.ToString().ToLowerInvariant()} scale",
                [sweep.Parameter, "P(deceptive) end of training", "P(deceptive) equilibrium", "path dependence index"], rows),
            InlineSvg.Figure(SweepChart.Of(sweep)),
            Html.Footer(sweep.Provenance)));
    }

    /// <summary>A chart on its own, inline (the same inlining as under a result's table).</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The HTML.</returns>
    public static string Format(SvgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Html.Render(Html.Root("chart", InlineSvg.Figure(chart)));
    }

    /// <summary>Training: each phase's size and path dependence, then the final transient and equilibrium class probabilities, then the charts of the classes over training time and of the path-dependence index (<see cref="TrainingChart"/>).</summary>
    /// <param name="training">The training result.</param>
    /// <returns>The HTML.</returns>
    public static string Format(TrainingResult training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Html.Render(Html.Root("training", TrainingContent(training), Html.Footer(training.Provenance)));
    }

    /// <summary>The whole analysis: the three headline probabilities of deception, the scores, both posteriors (the first with its chart by class), training with its charts, and every lever with the lever chart (<see cref="LeverChart"/>).</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The HTML.</returns>
    public static string Format(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var headline = Html.Table("headline", $"Analysis of {analysis.Scenario.Name}: probability of a deceptive outcome", ["regime", "P(deceptive)"],
        [
            Html.Row(Html.Cell("simplicity posterior"), Html.Probability(analysis.SimplicityPosterior)),
            Html.Row(Html.Cell("low path dependence (equilibrium)"), Html.Probability(analysis.LowPathDependence)),
            Html.Row(Html.Cell("high path dependence (end of training)"), Html.Probability(analysis.HighPathDependence)),
        ]);
        var levers = Html.Table("levers", "Levers", ["lever", "description", "simplicity posterior", "low path dependence", "high path dependence"],
            analysis.Levers.Select(l => Html.Row(
                Html.Cell(l.Lever.Name, "pm-name"),
                Html.Cell(l.Lever.Description),
                Html.Probability(l.SimplicityPosterior),
                Html.Probability(l.LowPathDependence),
                Html.Probability(l.HighPathDependence))));
        return Html.Render(Html.Root("analysis",
            headline,
            ScoresTable(analysis.Scores),
            PosteriorContent(analysis.Posterior, $"Simplicity posterior (hole cost {analysis.Scores.HoleCost})", PosteriorCharts.ByClass),
            PosteriorContent(analysis.OtherHoleCostPosterior, $"Simplicity posterior (hole cost {analysis.OtherHoleCost})", PosteriorCharts.None),
            TrainingContent(analysis.Training),
            levers,
            InlineSvg.Figure(LeverChart.Of(analysis)),
            Html.Footer(analysis.Provenance)));
    }

    /// <summary>Belief propagation: the uncertain parameters, then each measure's probability of deception over the sample (mean, 95% interval of the mean, quantiles), then for each measure the histogram of its samples and, when it has Sobol indices, their bars (<see cref="PropagationChart"/>).</summary>
    /// <param name="propagation">The result.</param>
    /// <returns>The HTML.</returns>
    public static string Format(BeliefPropagationResult propagation)
    {
        ArgumentNullException.ThrowIfNull(propagation);
        var parameters = Html.Table("beliefs", "Beliefs", ["parameter", "belief", "median"],
            propagation.Parameters.Select(p => Html.Row(Html.Cell(p.Path, "pm-name"), Html.Cell(p.Notation), Html.Number(NumberText.Decimal(p.Median)))));
        var measures = Html.Table("measures", "P(deceptive) over the sample", ["measure", "mean", "standard error", "mean 95% lower", "mean 95% upper", .. Analysis.SampleSummary.QuantileLevels.Select(q => $"q{q * 100:0}")],
            propagation.Measures.Select(m => Html.Row(
            [
                Html.Cell(m.Measure.ToString(), "pm-name"),
                Html.Probability(m.DeceptiveProbability.Mean),
                Html.Probability(m.DeceptiveProbability.StandardError),
                Html.Probability(m.DeceptiveProbability.MeanLower95),
                Html.Probability(m.DeceptiveProbability.MeanUpper95),
                .. m.DeceptiveProbability.Quantiles.Select(Html.Probability),
            ])));
        var charts = propagation.Measures.SelectMany(m => m.Sobol is null
            ? new[] { PropagationChart.Histogram(propagation, m.Measure) }
            : [PropagationChart.Histogram(propagation, m.Measure), PropagationChart.Sobol(propagation, m.Measure)]);
        return Html.Render(Html.Root("belief-propagation", parameters, measures, charts.Select(InlineSvg.Figure), Html.Footer(propagation.Provenance)));
    }

    /// <summary>A distribution over outcome classes: each class by name with its probability and a bar (and the undecided mass, if any).</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The HTML.</returns>
    public static string Format(OutcomeDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Html.Render(Html.Root("classes", ClassesTable(distribution, "Outcome classes")));
    }

    private static XElement ClassesTable(OutcomeDistribution distribution, string caption)
    {
        var rows = OutcomeDistribution.Classes.Select(c => ClassRow(c, distribution.Log2Probability(c))).ToList();
        if (distribution.Undecided > 0)
        {
            rows.Add(Html.Row(Html.Cell("Undecided", "pm-class"), Html.Probability(distribution.Undecided), Html.Cell(Html.Bar(distribution.Undecided, 1, "#999", null))));
        }

        return Html.Table("classes", caption, ["class", "probability", ""], rows);
    }

    private static XElement ClassRow(OutcomeClass outcomeClass, double log2Probability) =>
        Html.Row(Html.Cell(OutcomeClassNames.Of(outcomeClass), "pm-class"), Html.ProbabilityFromLog2(log2Probability), Html.Cell(Html.Bar(double.Exp2(log2Probability), 1, Html.BarColour, null)));

    private static XElement ScoresTable(ScoreReport report)
    {
        var max = report.Candidates.Select(c => c.Bits).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var rows = report.Candidates.Select(c => Html.Row(
            Html.Cell(c.Structure.Name, "pm-name"),
            Html.Cell(OutcomeClassNames.Of(c.Mechanism)),
            Html.Cell(OutcomeClassNames.Of(c.Class), "pm-class"),
            Html.Number(NumberText.Bits(c.Bits), "pm-bits"),
            Html.StackedBar(Parts(c.Breakdown), max),
            Html.Number(NumberText.Decimal(c.RuntimeSteps), "pm-steps")));
        return Html.Table("scores",
            $"Description lengths (hole cost {report.HoleCost}, size bound {report.SizeBound}, world model {NumberText.Bits(report.WorldModelBits)} bits)",
            ["structure", "mechanism", "class", "bits", "breakdown", "runtime steps"], rows);
    }

    /// <summary>The top-level parts of a breakdown (the breakdown itself when it has no parts).</summary>
    internal static IEnumerable<(string Label, double Bits)> Parts(BitBreakdown breakdown) =>
        breakdown.Children.IsDefaultOrEmpty ? [(breakdown.Label, breakdown.Bits)] : breakdown.Children.Select(p => (p.Label, p.Bits));

    private static void AddBreakdownRows(List<XElement> rows, BitBreakdown part, int depth, double max)
    {
        rows.Add(Html.Row(
            new XElement("td", new XAttribute("class", "pm-part-label"), new XAttribute("style", $"padding:2px 8px 2px {8 + (16 * depth)}px;border-bottom:1px solid #ddd"), part.Label),
            Html.NumberWithBar(NumberText.Bits(part.Bits), part.Bits, max, "pm-bits")));
        foreach (var child in part.Children)
        {
            AddBreakdownRows(rows, child, depth + 1, max);
        }
    }

    private static object?[] PosteriorContent(PosteriorResult posterior, string caption, PosteriorCharts charts)
    {
        var candidates = Html.Table("candidates", "Candidates", ["candidate", "class", "bits", "log2 weight", "probability"],
            posterior.Candidates.Select(c => Html.Row(
                Html.Cell($"{c.Score.Structure.Name} ({OutcomeClassNames.Of(c.Score.Mechanism)})", "pm-name"),
                Html.Cell(OutcomeClassNames.Of(c.Score.Class), "pm-class"),
                Html.Number(NumberText.Bits(c.Score.Bits), "pm-bits"),
                Html.Number(NumberText.Bits(c.Log2Weight), "pm-bits"),
                Html.ProbabilityFromLog2(c.Log2Probability))));
        var settings = $"simplicity exponent {NumberText.Decimal(posterior.SimplicityExponent)}, speed weight {NumberText.Decimal(posterior.SpeedWeight)}, data size {NumberText.Decimal(posterior.DataSize)}"
            + (posterior.BitsUnderwater is { } b ? $", bits underwater {NumberText.Bits(b)}" : "");
        return
        [
            ClassesTable(posterior.Classes, caption),
            charts == PosteriorCharts.None ? null : InlineSvg.Figure(PosteriorChart.ByClass(posterior)),
            Html.Note(settings),
            candidates,
            charts == PosteriorCharts.ByClassAndByCandidate ? InlineSvg.Figure(PosteriorChart.ByCandidate(posterior, height: CandidateChartHeight(posterior.Candidates.Length))) : null,
        ];
    }

    /// <summary>The height of the chart by candidate: the default height, or about 22 pixels per candidate with room for the axes when there are more.</summary>
    internal static int CandidateChartHeight(int candidates) => Math.Max(480, 120 + (22 * candidates));

    private enum PosteriorCharts
    {
        None,
        ByClass,
        ByClassAndByCandidate,
    }

    private static object?[] TrainingContent(TrainingResult training)
    {
        var phases = Html.Table("phases", "Training phases", ["phase", "duration", "configurations", "error bound", "path dependence index"],
            training.Phases.Select(p => Html.Row(
                Html.Cell(p.Name, "pm-name"),
                Html.Number(NumberText.Decimal(p.Duration)),
                Html.Number(p.Configurations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Html.Number(NumberText.Decimal(p.ErrorBound)),
                Html.NumberWithBar(NumberText.Probability(p.PathDependenceIndex), p.PathDependenceIndex, 1, "pm-index"))));
        var classes = Html.Table("training-classes", "End of training and equilibrium", ["class", "end of training", "", "equilibrium", ""],
            OutcomeDistribution.Classes.Select(c => Html.Row(
                Html.Cell(OutcomeClassNames.Of(c), "pm-class"),
                Html.ProbabilityFromLog2(training.Transient.Log2Probability(c)),
                Html.Cell(Html.Bar(training.Transient[c], 1, Html.BarColour, null)),
                Html.ProbabilityFromLog2(training.Equilibrium.Log2Probability(c)),
                Html.Cell(Html.Bar(training.Equilibrium[c], 1, Html.BarColour, null)))));
        return [phases, classes, InlineSvg.Figure(TrainingChart.Classes(training)), InlineSvg.Figure(TrainingChart.PathDependence(training))];
    }
}
