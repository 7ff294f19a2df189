using PredictiveModels.Posterior;
using PredictiveModels.Structures;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>
/// Charts of the simplicity posterior at one setting: the probability of each outcome class, and the place of each
/// candidate as the bits it lies below certainty (<c>-log2 P</c>), so that candidates far behind stay visible.
/// </summary>
public static class PosteriorChart
{
    /// <summary>
    /// One bar per outcome class, in the order of <see cref="OutcomeClass"/>, in the class's colour. The probability axis
    /// is logarithmic when the classes span more than two decades; the bars then start at the axis's floor, and a class
    /// below it (or at 0) has a bar of height 0 there. Each bar is labelled with its probability (a probability that
    /// underflowed to 0 with its exact power of two, <c>2^-N</c>).
    /// </summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Simplicity posterior by outcome class</c>.</returns>
    public static SvgChart ByClass(PosteriorResult posterior, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        const string title = "Simplicity posterior by outcome class";
        var plot = SvgRenderer.NewPlot(title, "outcome class", "");
        var classes = OutcomeDistribution.Classes;
        var log10 = classes.Select(c => posterior.Classes.Log2Probability(c) / Math.Log2(10)).ToArray();
        var axis = ProbabilityAxis.ForLog10(log10);
        var ticks = new List<Tick>();
        for (var i = 0; i < classes.Length; i++)
        {
            var top = axis.PositionOfLog10(log10[i], posterior.Classes[classes[i]]);
            var bar = new Bar { Position = i, Value = top, ValueBase = axis.Bottom, FillColor = OutcomePalette.Color(classes[i]), LineWidth = 0 };
            plot.Add.Bar(bar);
            ticks.Add(Tick.Major(i, classes[i].ToString()));
            var p = posterior.Classes[classes[i]];
            var log2 = posterior.Classes.Log2Probability(classes[i]);
            // A probability that underflowed to 0 is labelled by its exact log2 probability.
            var label = p > 0 ? SvgRenderer.Format(p, "G3") : double.IsFinite(log2) ? "2^" + SvgRenderer.Format(log2, "0") : "0";
            var text = plot.Add.Text(label, i, top);
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelFontSize = 12;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        axis.Apply(plot, "P(class)");
        plot.Axes.SetLimitsX(-0.6, classes.Length - 0.4);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>
    /// One horizontal bar per candidate, in catalog order from the top, of length <c>-log2 P</c> in bits (0 for a
    /// certain candidate; finite even when the probability underflows to 0) on a log axis that starts at 0 (a bar of b
    /// bits is <c>log10(1 + b)</c> long, so 0 bits is no bar and 10, 100, 1000, ... bits are equally spaced), coloured by the candidate's class, with a
    /// legend of the classes present. Labels are the candidates' keys, <c>structure/mechanism</c>.
    /// </summary>
    /// <param name="posterior">The posterior; any number of candidates.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1; pass more for many candidates (about 22 per candidate reads well).</param>
    /// <returns>The chart, titled <c>Simplicity posterior by candidate</c>.</returns>
    public static SvgChart ByCandidate(PosteriorResult posterior, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        const string title = "Simplicity posterior by candidate";
        var plot = SvgRenderer.NewPlot(title, "-log2 P(candidate), bits below certainty (log scale from 0)", "");
        var candidates = posterior.Candidates;
        var ticks = new List<Tick>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            var position = candidates.Length - 1 - i;
            var bits = double.IsFinite(candidate.Log2Probability) ? Math.Max(0, -candidate.Log2Probability) : 0;
            plot.Add.Bar(new Bar
            {
                Position = position,
                Value = Math.Log10(1 + bits),
                FillColor = OutcomePalette.Color(candidate.Candidate.Class),
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
            ticks.Add(Tick.Major(position, candidate.Candidate.Key));
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        var largest = candidates.Select(c => double.IsFinite(c.Log2Probability) ? Math.Max(0, -c.Log2Probability) : 0).DefaultIfEmpty(0).Max();
        var decades = Math.Max(1, (int)Math.Ceiling(Math.Log10(1 + largest)));
        var bitTicks = new ScottPlot.TickGenerators.NumericManual();
        bitTicks.AddMajor(0, "0");
        for (var e = 1; e <= decades; e++)
        {
            // Bars are log10(1 + bits) long, so the tick for b bits sits at log10(1 + b).
            bitTicks.AddMajor(Math.Log10(1 + Math.Pow(10, e)), SvgRenderer.PowerOfTen(e));
        }

        plot.Axes.Bottom.TickGenerator = bitTicks;
        plot.Axes.SetLimitsX(0, decades * 1.05);
        plot.Axes.SetLimitsY(-0.6, Math.Max(1, candidates.Length) - 0.4);
        Legend.AddClasses(plot, candidates.Select(c => c.Candidate.Class));
        SvgRenderer.LegendRight(plot);
        return SvgRenderer.Render(plot, title, width, height);
    }
}
