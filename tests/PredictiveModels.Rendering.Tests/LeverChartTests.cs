namespace PredictiveModels.Rendering.Tests;

public sealed class LeverChartTests
{
    [Fact]
    public void The_lever_chart_names_the_baseline_and_every_lever_and_both_regimes()
    {
        var analysis = Results.Analysis;
        var chart = LeverChart.Of(analysis);

        Svg.Title(chart).Should().Be("Levers: P(Deceptive) in both regimes");
        var texts = Svg.Texts(chart);
        texts.Should().Contain("baseline");
        texts.Should().Contain(analysis.Levers.Select(l => l.Lever.Name));
        texts.Should().Contain(["end of training (high path dependence)", "equilibrium (low path dependence)"]);
        texts.Should().Contain(t => t.StartsWith("P(Deceptive)", StringComparison.Ordinal));
    }

    [Fact]
    public void There_are_two_bars_per_row_one_per_regime()
    {
        var analysis = Results.Analysis;
        var chart = LeverChart.Of(analysis);

        var rows = analysis.Levers.Length + 1;
        Svg.RectanglesFilled(chart, OutcomePalette.HighPathDependence).Should().Be(rows + 1, "one bar per row and the legend's swatch");
        Svg.RectanglesFilled(chart, OutcomePalette.LowPathDependence).Should().Be(rows + 1);
    }

    [Fact]
    public void Rendering_the_same_analysis_twice_gives_the_same_text_and_no_levers_renders_the_baseline_alone()
    {
        var analysis = Results.Analysis;

        LeverChart.Of(analysis).Should().Be(LeverChart.Of(analysis));
        Svg.Texts(LeverChart.Of(analysis with { Levers = [] })).Should().Contain("baseline");
    }
}
