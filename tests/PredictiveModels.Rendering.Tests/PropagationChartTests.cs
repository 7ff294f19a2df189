using PredictiveModels.Analysis;

namespace PredictiveModels.Rendering.Tests;

public sealed class PropagationChartTests
{
    [Fact]
    public void The_histogram_counts_every_sample_once_and_marks_mean_and_median()
    {
        var propagation = Results.Propagation;
        var chart = PropagationChart.Histogram(propagation);

        Svg.Title(chart).Should().Be("P(Deceptive) over the belief samples: Posterior");
        var texts = Svg.Texts(chart);
        texts.Should().Contain(t => t.StartsWith("mean ", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("median ", StringComparison.Ordinal));
        texts.Should().Contain("base samples");
        Svg.RectanglesFilled(chart, OutcomePalette.Hex(Structures.OutcomeClass.Deceptive)).Should().BeLessThanOrEqualTo(20);
        chart.Should().Be(PropagationChart.Histogram(propagation));
    }

    [Fact]
    public void The_sobol_chart_names_every_belief_with_first_and_total_order_bars()
    {
        var propagation = Results.Propagation;
        var chart = PropagationChart.Sobol(propagation);

        Svg.Title(chart).Should().Be("Sobol indices of P(Deceptive): Posterior");
        var texts = Svg.Texts(chart);
        texts.Should().Contain(propagation.Parameters.Select(p => p.Path));
        texts.Should().Contain(["first order", "total order", "whisker: bootstrap 95% interval"]);
        // Skia leaves out a bar of no visible height (dataSize's indices are about 1e-8 here).
        var visible = propagation.Posterior.Sobol!.Indices.Count(i => Math.Abs(i.FirstOrder) > 1e-3);
        visible.Should().BeGreaterThan(0);
        Svg.RectanglesFilled(chart, OutcomePalette.LowPathDependence).Should().Be(visible + 1, "one first-order bar per belief and the legend's swatch");
        chart.Should().Be(PropagationChart.Sobol(propagation));
    }

    [Fact]
    public void Without_sobol_indices_the_chart_says_so_instead_of_failing()
    {
        var propagation = Results.Propagation;
        var ranksOnly = propagation with { Measures = [propagation.Posterior with { Sobol = null }] };

        Svg.Title(PropagationChart.Sobol(ranksOnly)).Should().Contain("rank correlations only");
    }

    [Fact]
    public void A_measure_that_was_not_measured_is_refused()
    {
        var act = () => PropagationChart.Histogram(Results.Propagation, PropagationMeasure.EndOfTraining);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.0004, 0.0005)]
    [InlineData(0.0011, 0.002)]
    [InlineData(0.3, 0.5)]
    [InlineData(0.7, 1)]
    public void The_histogram_covers_the_smallest_one_two_five_step_at_or_above_the_largest_sample(double largest, double top)
    {
        PropagationChart.NiceCeiling(largest).Should().BeApproximately(top, 1e-15);
    }
}
