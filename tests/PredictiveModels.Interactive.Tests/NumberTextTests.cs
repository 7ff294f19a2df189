namespace PredictiveModels.Interactive.Tests;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(0.00012346, "0.0001235")]
    [InlineData(1e-4, "0.0001")]
    public void Probabilities_from_1e_4_up_have_4_significant_digits(double probability, string expected) =>
        NumberText.Probability(probability).Should().Be(expected);

    [Theory]
    [InlineData(9.5367431640625E-07, "2^-20.0")]
    [InlineData(1e-10, "2^-33.2")]
    [InlineData(double.Epsilon, "2^-1074.0")]
    public void Probabilities_below_1e_4_are_powers_of_two_with_the_exponent_to_one_decimal(double probability, string expected) =>
        NumberText.Probability(probability).Should().Be(expected);

    [Theory]
    [InlineData(0.99995, "1 - 2^-14.3")]
    [InlineData(1 - 1.8189894035458565E-12, "1 - 2^-39.0")]
    [InlineData(0.99989, "0.9999")]
    public void Probabilities_within_1e_4_of_one_are_written_by_their_complement_never_as_1(double probability, string expected)
    {
        NumberText.Probability(probability).Should().Be(expected);
        NumberText.ProbabilityFromLog2(Math.Log2(probability)).Should().Be(expected);
    }

    [Fact]
    public void A_log2_probability_a_hair_below_zero_keeps_its_complement() =>
        NumberText.ProbabilityFromLog2(-1e-20).Should().Be("1 - 2^-" + (-Math.Log2(1e-20 * Math.Log(2))).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_log2_probability_below_the_range_of_a_double_keeps_its_exponent() =>
        NumberText.ProbabilityFromLog2(-5000.25).Should().Be("2^-5000.3");

    [Fact]
    public void A_log2_probability_of_minus_infinity_is_zero() =>
        NumberText.ProbabilityFromLog2(double.NegativeInfinity).Should().Be("0");

    [Fact]
    public void Log2_and_plain_probabilities_give_the_same_text() =>
        NumberText.ProbabilityFromLog2(Math.Log2(0.25)).Should().Be(NumberText.Probability(0.25));

    [Fact]
    public void Bits_have_two_decimals_and_infinity_a_symbol()
    {
        NumberText.Bits(37.254).Should().Be("37.25");
        NumberText.Bits(double.PositiveInfinity).Should().Be("∞");
    }
}
