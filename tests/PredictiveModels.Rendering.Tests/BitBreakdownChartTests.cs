namespace PredictiveModels.Rendering.Tests;

public sealed class BitBreakdownChartTests
{
    [Fact]
    public void The_breakdown_chart_names_the_candidate_states_its_total_and_labels_every_part()
    {
        var score = Results.Posterior.Candidates[0].Score;
        var chart = BitBreakdownChart.Of(score);

        Svg.Title(chart).Should().Be($"Bit breakdown of {score.Candidate.Key}");
        var texts = Svg.Texts(chart);
        texts.Should().Contain(t => t.StartsWith("bits (K = ", StringComparison.Ordinal) && t.Contains(score.Bits.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        foreach (var part in score.Breakdown.Children)
        {
            var start = part.Label.Substring(0, Math.Min(40, part.Label.Length));
            texts.Should().Contain(t => t.StartsWith(start, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void There_is_one_bar_per_part_of_the_breakdown_in_the_colour_of_the_candidates_class()
    {
        var score = Results.Posterior.Candidates[0].Score;

        var bars = Svg.RectanglesFilled(BitBreakdownChart.Of(score), OutcomePalette.Hex(score.Class));

        bars.Should().Be(Math.Max(1, score.Breakdown.Children.Length));
    }

    [Fact]
    public void Every_candidate_of_the_default_scenario_renders_the_same_twice()
    {
        foreach (var candidate in Results.Posterior.Candidates)
        {
            BitBreakdownChart.Of(candidate.Score).Should().Be(BitBreakdownChart.Of(candidate.Score));
        }
    }
}
