using PredictiveModels.Dynamics;
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
        ParameterAxis(plot, logX, xs);
        SvgRenderer.LegendRight(plot);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>
    /// Draws a sweep of training (<c>Dynamics.TrainingSweep</c>): each outcome class's probability at the end of training
    /// (high path dependence, solid line with markers) and at the equilibrium of the last phase (low path dependence,
    /// dashed line, same colour) against the swept parameter. Axes as for the posterior's sweep; the probability axis
    /// is logarithmic when the values span more than two decades (zeros drawn at its floor).
    /// </summary>
    /// <param name="sweep">The sweep; any number of points (none gives empty axes).</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Training: outcome classes against PARAMETER</c>.</returns>
    public static SvgChart Of(TrainingSweepResult sweep, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var logX = sweep.Scale == SweepScale.Log && sweep.Points.All(p => p.Value > 0);
        var title = $"Training: outcome classes against {sweep.Parameter}";
        var unit = string.IsNullOrEmpty(sweep.Unit) ? "" : $", {sweep.Unit}";
        var plot = SvgRenderer.NewPlot(title, $"{sweep.Parameter}{unit}{(logX ? " (log scale)" : "")}", "");
        var axis = ProbabilityAxis.For(sweep.Points.SelectMany(p => p.Training.Transient.Probabilities.Concat(p.Training.Equilibrium.Probabilities)));
        double[] xs = [.. sweep.Points.Select(p => logX ? Math.Log10(p.Value) : p.Value)];
        var markers = sweep.Points.Length <= 40 ? 5 : 0;
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            var colour = OutcomePalette.Color(outcomeClass);
            var end = plot.Add.Scatter(xs, [.. sweep.Points.Select(p => axis.Position(p.Training.Transient[outcomeClass]))], colour);
            end.LegendText = outcomeClass.ToString();
            end.LineWidth = 2;
            end.MarkerSize = markers;
            var equilibrium = plot.Add.Scatter(xs, [.. sweep.Points.Select(p => axis.Position(p.Training.Equilibrium[outcomeClass]))], colour);
            equilibrium.LinePattern = ScottPlot.LinePattern.Dashed;
            equilibrium.LineWidth = 1.5f;
            equilibrium.MarkerSize = 0;
        }

        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "solid: end of training", LineColor = ScottPlot.Colors.Gray, LineWidth = 2 });
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "dashed: equilibrium", LineColor = ScottPlot.Colors.Gray, LinePattern = ScottPlot.LinePattern.Dashed, LineWidth = 1.5f });
        axis.Apply(plot, "P(class)");
        ParameterAxis(plot, logX, xs);
        SvgRenderer.LegendRight(plot);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>Whole decades labelled as powers of ten on a logarithmic parameter axis; a margin around a single point.</summary>
    private static void ParameterAxis(ScottPlot.Plot plot, bool logX, double[] xs)
    {
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

        if (xs.Length == 1)
        {
            plot.Axes.SetLimitsX(xs[0] - 1, xs[0] + 1);
        }
    }
}
