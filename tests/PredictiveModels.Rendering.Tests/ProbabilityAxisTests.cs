namespace PredictiveModels.Rendering.Tests;

public sealed class ProbabilityAxisTests
{
    [Fact]
    public void Probabilities_within_two_decades_stay_on_a_linear_axis()
    {
        ProbabilityAxis.For([0.02, 0.5, 0.98]).Logarithmic.Should().BeFalse();
    }

    [Fact]
    public void Probabilities_spanning_more_than_two_decades_go_on_a_log_axis_down_to_the_decade_below_the_smallest()
    {
        var axis = ProbabilityAxis.For([1e-7, 0.5]);

        axis.Logarithmic.Should().BeTrue();
        axis.FloorExponent.Should().Be(-7);
        axis.Position(1e-7).Should().BeApproximately(-7, 1e-12);
    }

    [Fact]
    public void Zero_and_values_below_the_deepest_floor_are_drawn_at_the_floor()
    {
        var axis = ProbabilityAxis.For([0, 1e-80, 0.5]);

        axis.FloorExponent.Should().Be(-ProbabilityAxis.MaxDecades);
        axis.Position(0).Should().Be(-ProbabilityAxis.MaxDecades);
        axis.Position(1e-80).Should().Be(-ProbabilityAxis.MaxDecades);
    }

    [Fact]
    public void All_zero_probabilities_give_a_linear_axis()
    {
        var axis = ProbabilityAxis.For([0, 0, 0]);

        axis.Logarithmic.Should().BeFalse();
        axis.Position(0).Should().Be(0);
    }
}
