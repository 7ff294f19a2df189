using PredictiveModels.Complexity;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>
/// The chart of where a candidate's description length goes: one horizontal bar per part of its breakdown (the
/// breakdown's top-level parts; a single part is opened into its own parts), in bits, in breakdown order from the top,
/// in the colour of the candidate's class, each labelled with its bits.
/// </summary>
public static class BitBreakdownChart
{
    /// <summary>Draws the breakdown under the candidate's chosen hole cost (<see cref="CandidateScore.Breakdown"/>).</summary>
    /// <param name="score">The candidate's score.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Bit breakdown of KEY</c>, with the total K in the axis label.</returns>
    public static SvgChart Of(CandidateScore score, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(score);
        var breakdown = score.Breakdown;
        var title = $"Bit breakdown of {score.Candidate.Key}";
        var plot = SvgRenderer.NewPlot(title, $"bits (K = {SvgRenderer.Format(breakdown.Bits, "F1")} bits in all{(score.HasHoles ? score.HoleCost == Scenarios.HoleCost.Class ? ", holes at their class mass" : ", holes at their cheapest filling" : "")})", "");
        var parts = breakdown;
        while (parts.Children.Length == 1)
        {
            parts = parts.Children[0];
        }

        var shown = parts.Children.IsEmpty ? [parts] : parts.Children;
        var colour = OutcomePalette.Color(score.Class);
        var ticks = new List<Tick>();
        for (var i = 0; i < shown.Length; i++)
        {
            var position = shown.Length - 1 - i;
            plot.Add.Bar(new Bar { Position = position, Value = shown[i].Bits, FillColor = colour, LineWidth = 0, Orientation = Orientation.Horizontal });
            var text = plot.Add.Text(" " + SvgRenderer.Format(shown[i].Bits, "F1"), shown[i].Bits, position);
            text.LabelAlignment = Alignment.MiddleLeft;
            text.LabelFontSize = 12;
            ticks.Add(Tick.Major(position, Shorten(shown[i].Label)));
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(left: 0, right: 0.15);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>A label cut to 48 characters, so that the axis keeps room for the bars.</summary>
    private static string Shorten(string label) => label.Length <= 48 ? label : string.Concat(label.AsSpan(0, 47), "…");
}
