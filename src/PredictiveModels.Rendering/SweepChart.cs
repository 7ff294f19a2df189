using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Rendering;

/// <summary>
/// The chart of a one-parameter sweep of the simplicity posterior: each outcome class's probability against the swept
/// parameter, one line per class in the class's colour. The parameter axis is logarithmic when the sweep was spaced
/// logarithmically; the probability axis is logarithmic when the probabilities span more than two decades (the log2
/// probabilities are used, so a class thousands of bits behind is placed exactly, down to the axis's floor of at most
/// 30 decades; lower values and zeros are drawn at the floor).
/// </summary>
public static class SweepChart
{
    /// <summary>Draws the sweep's class probabilities against its parameter.</summary>
    /// <param name="sweep">The sweep; any number of points (none gives empty axes).</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Outcome classes against PARAMETER</c>.</returns>
    public static SvgChart Of(SweepResult sweep, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var logX = sweep.Scale == SweepScale.Log && sweep.Points.All(p => p.Value > 0);
        var title = $"Outcome classes against {sweep.Parameter}";
        var unit = string.IsNullOrEmpty(sweep.Unit) ? "" : $", {sweep.Unit}";
        var plot = SvgRenderer.NewPlot(title, $"{sweep.Parameter}{unit}{(logX ? " (log scale)" : "")}", "");
        var log10 = sweep.Points.SelectMany(p => OutcomeDistribution.Classes.Select(c => p.Classes.Log2Probability(c) / Math.Log2(10)));
        var axis = ProbabilityAxis.ForLog10(log10);
        double[] xs = [.. sweep.Points.Select(p => logX ? Math.Log10(p.Value) : p.Value)];
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            double[] ys = [.. sweep.Points.Select(p => axis.PositionOfLog10(p.Classes.Log2Probability(outcomeClass) / Math.Log2(10), p.Classes[outcomeClass]))];
            var line = plot.Add.Scatter(xs, ys, OutcomePalette.Color(outcomeClass));
            line.LegendText = outcomeClass.ToString();
            line.LineWidth = 2;
            line.MarkerSize = sweep.Points.Length <= 40 ? 5 : 0;
        }

        axis.Apply(plot, "P(class)");
        if (logX)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                // Whole decades only, labelled as powers of ten, with log-spaced minor ticks between them.
                IntegerTicksOnly = true,
                LabelFormatter = SvgRenderer.PowerOfTen,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            };
        }

        if (sweep.Points.Length == 1)
        {
            plot.Axes.SetLimitsX(xs[0] - 1, xs[0] + 1);
        }

        SvgRenderer.LegendRight(plot);
        return SvgRenderer.Render(plot, title, width, height);
    }
}
