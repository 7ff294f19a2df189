using PredictiveModels.Analysis;
using PredictiveModels.Dynamics;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>
/// The lever comparison: <c>P(Deceptive)</c> for the baseline (top) and for each lever below it, two horizontal bars each: at the end of training
/// (high path dependence) and at the last phase's equilibrium (low path dependence), in the two regime colours of
/// <see cref="OutcomePalette"/>. On a linear axis each bar carries a whisker of plus and minus its discretisation
/// estimate (its distance to the value on the next coarser grid). The axis is logarithmic when the values span more
/// than two decades (zeros drawn at its floor; no whiskers then).
/// </summary>
public static class LeverChart
{
    /// <summary>Draws the baseline and every lever of an analysis.</summary>
    /// <param name="analysis">The analysis; any number of levers (none draws the baseline alone).</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Levers: P(Deceptive) in both regimes</c>.</returns>
    public static SvgChart Of(AnalysisResult analysis, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        const string title = "Levers: P(Deceptive) in both regimes";
        var plot = SvgRenderer.NewPlot(title, "", "");
        var rows = new List<(string Name, DiscretisationEstimate High, DiscretisationEstimate Low)>
        {
            ("baseline", analysis.Discretisation.HighPathDependence, analysis.Discretisation.LowPathDependence),
        };
        rows.AddRange(analysis.Levers.Select(l => (l.Lever.Name, l.Discretisation.HighPathDependence, l.Discretisation.LowPathDependence)));
        var axis = ProbabilityAxis.For(rows.SelectMany(r => new[] { r.High.Value, r.Low.Value }));
        var high = Color.FromHex(OutcomePalette.HighPathDependence);
        var low = Color.FromHex(OutcomePalette.LowPathDependence);
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            // The baseline on top, then the levers in their order; within a row the end of training above the equilibrium.
            var row = 3 * (rows.Count - 1 - i);
            AddBar(plot, axis, row + 1.5, rows[i].High, high);
            AddBar(plot, axis, row + 0.5, rows[i].Low, low);
            ticks.Add(Tick.Major(row + 1, rows[i].Name));
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "end of training (high path dependence)", FillColor = high });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "equilibrium (low path dependence)", FillColor = low });
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        axis.Apply(plot, "P(Deceptive)", horizontal: true);
        plot.Axes.SetLimitsY(-0.5, (3 * rows.Count) - 0.5);
        plot.ShowLegend(Edge.Bottom);
        return SvgRenderer.Render(plot, title, width, height);
    }

    private static void AddBar(Plot plot, ProbabilityAxis axis, double position, DiscretisationEstimate value, Color colour)
    {
        var top = axis.Position(value.Value);
        plot.Add.Bar(new Bar { Position = position, Value = top, ValueBase = axis.Bottom, FillColor = colour, LineWidth = 0, Orientation = Orientation.Horizontal });
        if (!axis.Logarithmic && value.Estimate > 0)
        {
            var whisker = plot.Add.Line(Math.Max(0, value.Value - value.Estimate), position, Math.Min(1, value.Value + value.Estimate), position);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 1.5f;
        }
    }
}
