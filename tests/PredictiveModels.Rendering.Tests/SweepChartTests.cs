using PredictiveModels.Structures;

namespace PredictiveModels.Rendering.Tests;

public sealed class SweepChartTests
{
    [Fact]
    public void A_sweep_chart_is_well_formed_svg_with_its_title_axis_labels_and_every_class_in_the_legend()
    {
        var chart = SweepChart.Of(Results.Sweep);

        Svg.Title(chart).Should().Be("Outcome classes against analysis.dataSize");
        chart.Title.Should().Be(Svg.Title(chart));
        var texts = Svg.Texts(chart);
        texts.Should().Contain(chart.Title);
        texts.Should().Contain(t => t.StartsWith("analysis.dataSize, tokens (log scale)", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("P(class)", StringComparison.Ordinal));
        texts.Should().Contain(OutcomeDistribution.Classes.Select(c => c.ToString()));
    }

    [Fact]
    public void A_logarithmic_sweep_gets_a_parameter_axis_in_powers_of_ten()
    {
        var texts = Svg.Texts(SweepChart.Of(Results.Sweep));

        texts.Should().Contain(["10", "100", "1000", "1e4", "1e5", "1e6"]);
    }

    [Fact]
    public void Probabilities_spanning_decades_go_on_a_log_axis_whose_floor_is_stated_and_no_zero_is_taken_the_log_of()
    {
        var chart = SweepChart.Of(Results.Sweep);

        Svg.Texts(chart).Should().Contain(t => t.Contains("log scale; below 1e", StringComparison.Ordinal));
        chart.Svg.Should().NotContainAny("NaN", "Infinity", "∞");
    }

    [Fact]
    public void Each_class_is_drawn_in_its_palette_colour()
    {
        var chart = SweepChart.Of(Results.Sweep);

        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            Svg.Stroked(chart, OutcomePalette.Hex(outcomeClass)).Should().BeGreaterThan(0, $"{outcomeClass} has a line");
        }
    }

    [Fact]
    public void Rendering_the_same_sweep_twice_gives_the_same_text()
    {
        SweepChart.Of(Results.Sweep).Should().Be(SweepChart.Of(Results.Sweep));
    }

    [Fact]
    public void A_sweep_of_one_point_or_none_renders()
    {
        Svg.Parse(SweepChart.Of(Results.SinglePointSweep())).Should().NotBeNull();
        Svg.Parse(SweepChart.Of(Results.EmptySweep())).Should().NotBeNull();
    }

    [Fact]
    public void The_size_asked_for_is_the_size_of_the_svg()
    {
        var chart = SweepChart.Of(Results.Sweep, 640, 400);

        var root = Svg.Parse(chart).Root!;
        ((string?)root.Attribute("width")).Should().Be("640");
        ((string?)root.Attribute("height")).Should().Be("400");
        (chart.Width, chart.Height).Should().Be((640, 400));
    }

    [Fact]
    public void A_training_sweep_chart_draws_each_class_at_the_end_of_training_and_at_equilibrium_against_the_parameter()
    {
        var chart = SweepChart.Of(Results.TrainingSweep);

        Svg.Title(chart).Should().Be("Training: outcome classes against analysis.dataSize");
        var texts = Svg.Texts(chart);
        texts.Should().Contain(t => t.StartsWith("analysis.dataSize, tokens (log scale)", StringComparison.Ordinal));
        texts.Should().Contain(["solid: end of training", "dashed: equilibrium"]);
        texts.Should().Contain(OutcomeDistribution.Classes.Select(c => c.ToString()));
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            Svg.Stroked(chart, OutcomePalette.Hex(outcomeClass)).Should().BeGreaterThanOrEqualTo(2, $"{outcomeClass} has a line for each regime");
        }

        chart.Should().Be(SweepChart.Of(Results.TrainingSweep));
        chart.Svg.Should().NotContainAny("NaN", "Infinity");
    }
}
