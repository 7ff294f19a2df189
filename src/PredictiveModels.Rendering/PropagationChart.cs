using PredictiveModels.Analysis;
using PredictiveModels.Structures;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>
/// Charts of a belief propagation: the histogram of <c>P(Deceptive)</c> over the base samples, and the Sobol indices of
/// <c>P(Deceptive)</c> for each belief with their bootstrap 95% intervals.
/// </summary>
public static class PropagationChart
{
    /// <summary>
    /// The histogram of <c>P(Deceptive)</c> over the base samples (bar height: number of samples), in 20 equal bins, with
    /// the sample mean (solid) and median (dashed) as vertical lines. The bins cover [0, top], where top is the
    /// smallest of 1, 2 and 5 times a power of ten at or above the largest sample (at most 1), so that a sample of tiny
    /// probabilities is not one bar at 0. When the samples span more than two decades the bins are equal in
    /// <c>log10 P</c> instead, from the decade below the smallest positive sample (at most 30 decades down; zeros and
    /// smaller values are counted in the first bin, which the axis label states).
    /// </summary>
    /// <param name="propagation">The propagation.</param>
    /// <param name="measure">Which measure's samples; <see cref="PropagationMeasure.Posterior"/> unless said otherwise.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>P(Deceptive) over the belief samples: MEASURE</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The measure was not measured.</exception>
    public static SvgChart Histogram(BeliefPropagationResult propagation, PropagationMeasure measure = PropagationMeasure.Posterior, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(propagation);
        var summary = propagation.Of(measure);
        var samples = propagation.DeceptiveSamples(measure);
        var title = $"P(Deceptive) over the belief samples: {measure}";
        var axis = ProbabilityAxis.For(samples);
        const int bins = 20;
        double left;
        double right;
        if (axis.Logarithmic)
        {
            left = axis.FloorExponent;
            right = Math.Max(left + 1, Math.Ceiling(ProbabilityAxis.Log10(samples.Max())));
        }
        else
        {
            left = 0;
            right = NiceCeiling(samples.DefaultIfEmpty(0).Max());
        }

        var xLabel = axis.Logarithmic
            ? $"P(Deceptive) (log scale; below 1e{axis.FloorExponent} counted at 1e{axis.FloorExponent})"
            : $"P(Deceptive) (probability, bins {SvgRenderer.Format(right / bins, "G3")} wide)";
        var plot = SvgRenderer.NewPlot(title, xLabel, "base samples");
        var counts = new int[bins];
        var width0 = (right - left) / bins;
        foreach (var sample in samples)
        {
            var x = axis.Logarithmic ? axis.Position(sample) : sample;
            counts[Math.Clamp((int)((x - left) / width0), 0, bins - 1)]++;
        }

        var colour = OutcomePalette.Color(OutcomeClass.Deceptive);
        for (var i = 0; i < bins; i++)
        {
            plot.Add.Bar(new Bar { Position = left + ((i + 0.5) * width0), Value = counts[i], Size = width0 * 0.95, FillColor = colour, LineWidth = 0 });
        }

        var stats = summary.DeceptiveProbability;
        var place = (double p) => axis.Logarithmic ? axis.Position(p) : p;
        var mean = plot.Add.VerticalLine(place(stats.Mean));
        mean.Color = Colors.Black;
        mean.LineWidth = 1.5f;
        mean.LegendText = $"mean {SvgRenderer.Format(stats.Mean, "G3")}";
        var median = stats.Quantiles[SampleSummary.QuantileLevels.IndexOf(0.5)];
        var line = plot.Add.VerticalLine(place(median));
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.5f;
        line.LegendText = $"median {SvgRenderer.Format(median, "G3")}";
        if (axis.Logarithmic)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            var step = Math.Max(1, (int)Math.Ceiling((right - left) / 10));
            for (var e = (int)right; e >= left; e -= step)
            {
                ticks.AddMajor(e, SvgRenderer.PowerOfTen(e));
            }

            plot.Axes.Bottom.TickGenerator = ticks;
        }

        plot.Axes.SetLimitsX(left, right);
        plot.Axes.SetLimitsY(0, Math.Max(1, counts.Max()) * 1.1);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>The smallest of 1, 2 and 5 times a power of ten at or above <paramref name="value"/>, at most 1; 1 for 0.</summary>
    internal static double NiceCeiling(double value)
    {
        if (!(value > 0) || value >= 1)
        {
            return 1;
        }

        var decade = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1.0, 2, 5, 10 })
        {
            if (factor * decade >= value * (1 - 1e-12))
            {
                return Math.Min(1, factor * decade);
            }
        }

        return 1;
    }

    /// <summary>
    /// The first-order and total-order Sobol indices of <c>P(Deceptive)</c> for each belief (two bars per belief,
    /// labelled with the belief's parameter path) with whiskers over their bootstrap 95% intervals. Indices are
    /// fractions of the variance; an estimate slightly below 0 is drawn as it is. A NaN index (the output did not vary)
    /// has no bar; NaN interval ends (no bootstrap) no whisker. Without Sobol indices (rank correlations only) the chart
    /// has empty axes and says so in its title.
    /// </summary>
    /// <param name="propagation">The propagation.</param>
    /// <param name="measure">Which measure's indices; <see cref="PropagationMeasure.Posterior"/> unless said otherwise.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Sobol indices of P(Deceptive): MEASURE</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The measure was not measured.</exception>
    public static SvgChart Sobol(BeliefPropagationResult propagation, PropagationMeasure measure = PropagationMeasure.Posterior, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(propagation);
        var summary = propagation.Of(measure);
        var sobol = summary.Sobol;
        var title = sobol is null
            ? $"Sobol indices of P(Deceptive): {measure} (none: rank correlations only)"
            : $"Sobol indices of P(Deceptive): {measure}";
        var plot = SvgRenderer.NewPlot(title, "belief", "Sobol index (share of variance)");
        var first = Color.FromHex(OutcomePalette.LowPathDependence);
        var total = Color.FromHex(OutcomePalette.HighPathDependence);
        var ticks = new List<Tick>();
        var count = sobol?.Indices.Length ?? 0;
        for (var k = 0; k < count; k++)
        {
            var index = sobol!.Indices[k];
            AddBar(plot, (3 * k) + 0.5, index.FirstOrder, index.FirstOrderLower95, index.FirstOrderUpper95, first);
            AddBar(plot, (3 * k) + 1.5, index.TotalOrder, index.TotalOrderLower95, index.TotalOrderUpper95, total);
            ticks.Add(Tick.Major((3 * k) + 1, k < propagation.Parameters.Length ? propagation.Parameters[k].Path : $"belief {k}"));
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order", FillColor = first });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total order", FillColor = total });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "whisker: bootstrap 95% interval", LineColor = Colors.Black, LineWidth = 1.5f });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, 3 * count) - 0.5);
        var values = sobol?.Indices.SelectMany(i => new[] { i.FirstOrderLower95, i.TotalOrderUpper95, i.FirstOrder, i.TotalOrder }).Where(double.IsFinite).ToArray() ?? [];
        plot.Axes.SetLimitsY(Math.Min(0, values.DefaultIfEmpty(0).Min()) - 0.05, Math.Max(1, values.DefaultIfEmpty(1).Max()) + 0.1);
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        return SvgRenderer.Render(plot, title, width, height);
    }

    private static void AddBar(Plot plot, double position, double value, double lower, double upper, Color colour)
    {
        if (double.IsFinite(value))
        {
            plot.Add.Bar(new Bar { Position = position, Value = value, FillColor = colour, LineWidth = 0 });
        }

        if (double.IsFinite(lower) && double.IsFinite(upper))
        {
            var whisker = plot.Add.Line(position, lower, position, upper);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 1.5f;
        }
    }
}
