using System.Numerics;
using PredictiveModels.Expressions;

namespace PredictiveModels.Tests.Expressions;

public sealed class EliasDeltaTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 8)]
    [InlineData(15, 8)]
    [InlineData(16, 9)]
    [InlineData(2016, 17)]
    [InlineData(65535, 24)]
    [InlineData(65536, 25)]
    public void Length_matches_the_textbook_formula(long n, long expected) =>
        EliasDelta.Length(n).Should().Be(expected);

    [Fact]
    public void The_year_2015_as_a_natural_literal_costs_17_bits() =>
        EliasDelta.NaturalLength(2015).Should().Be(17);

    [Fact]
    public void Encoded_words_have_the_stated_length_and_known_bits()
    {
        EliasDelta.Encode(1).Should().Be("1");
        EliasDelta.Encode(2).Should().Be("0100");
        EliasDelta.Encode(10).Should().Be("00100010");
        for (var n = 1; n < 5000; n++)
        {
            EliasDelta.Encode(n).Length.Should().Be((int)EliasDelta.Length(n));
        }
    }

    [Fact]
    public void The_code_is_prefix_free()
    {
        var words = Enumerable.Range(1, 2048).Select(n => EliasDelta.Encode(n)).ToArray();
        var sorted = words.Order(StringComparer.Ordinal).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            sorted[i].StartsWith(sorted[i - 1], StringComparison.Ordinal).Should().BeFalse($"'{sorted[i - 1]}' is a prefix of '{sorted[i]}'");
        }
    }

    [Fact]
    public void Kraft_sum_approaches_one_exactly_as_a_complete_code_should()
    {
        // All integers with the same bit length L share one code length, and the classes
        // L = 1 .. 2^k - 1 together have Kraft sum 1 - 2^-k exactly (the Elias gamma code of L).
        var sum = 0.0;
        for (var l = 1; l <= 1023; l++)
        {
            var first = BigInteger.One << (l - 1);
            sum += double.Exp2(l - 1 - EliasDelta.Length(first));
        }

        sum.Should().BeApproximately(1.0 - double.Exp2(-10), 1e-12);
    }

    [Fact]
    public void Zero_and_negative_integers_are_rejected()
    {
        var act = () => EliasDelta.Length(0);
        act.Should().Throw<ArgumentOutOfRangeException>();
        var negative = () => EliasDelta.NaturalLength(-1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }
}
