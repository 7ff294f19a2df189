using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

public sealed class ParameterRangeTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1e6, true)]
    [InlineData(-1e-300, false)]
    [InlineData(1000000.001, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void A_closed_range_holds_its_bounds_and_nothing_beyond_them(double value, bool contained)
    {
        ParameterRange.Limits(0, 1e6).Contains(value).Should().Be(contained);
    }

    [Fact]
    public void A_positive_range_refuses_zero_and_accepts_the_smallest_positive_number()
    {
        ParameterRange.Positive.Contains(0).Should().BeFalse();
        ParameterRange.Positive.Contains(double.Epsilon).Should().BeTrue();
        ParameterRange.Positive.Check(0, "the temperature").Should().Be("the temperature must be greater than 0 (got 0)");
    }

    [Fact]
    public void A_whole_number_range_refuses_a_fraction_inside_its_bounds()
    {
        var range = ParameterRange.Between(1, 10, wholeNumbers: true);

        range.Contains(2.5).Should().BeFalse();
        range.Contains(3).Should().BeTrue();
        range.Check(2.5, "the number of world steps").Should().Be("the number of world steps is 2.5, but it must be between 1 and 10");
    }

    [Fact]
    public void A_strict_range_refuses_both_bounds_and_says_so()
    {
        var range = ParameterRange.StrictlyBetween(0, 1);

        range.Contains(0).Should().BeFalse();
        range.Contains(1).Should().BeFalse();
        range.Check(1, "the elimination threshold").Should().Be("the elimination threshold is 1, but it must be strictly between 0 and 1");
    }

    [Fact]
    public void A_range_with_a_lower_bound_only_words_its_error_as_at_least()
    {
        ParameterRange.Between(1, double.PositiveInfinity, wholeNumbers: true).Check(0, "maxConfigurations")
            .Should().Be("maxConfigurations is 0, but it must be at least 1");
    }

    [Fact]
    public void The_bits_range_words_its_errors_as_the_bits_of_every_specification_do()
    {
        ParameterRange.Bits.Check(-1, "the horizon bits").Should().Be("the horizon bits cannot be negative (got -1)");
        ParameterRange.Bits.Check(2e15, "the horizon bits").Should().Be("the horizon bits is 2000000000000000, more than the largest accepted, 1000000000000000 bits");
    }

    [Theory]
    [InlineData(0.0, 1e6, "0 to 1e6")]
    [InlineData(1.0, 1e300, "1 to 1e300")]
    [InlineData(1e-15, 1e-2, "1e-15 to 1e-2")]
    [InlineData(0.0, 1.0, "0 to 1")]
    public void A_range_describes_itself_as_people_write_bounds(double minimum, double maximum, string text)
    {
        ParameterRange.Limits(minimum, maximum).ToString().Should().Be(text);
    }

    [Fact]
    public void Ranges_with_one_bound_describe_themselves_with_a_comparison()
    {
        ParameterRange.Positive.ToString().Should().Be("> 0");
        ParameterRange.AtLeast(0).ToString().Should().Be(">= 0");
        ParameterRange.Between(1, 10_000, wholeNumbers: true).ToString().Should().Be("whole number 1 to 10000");
    }
}
