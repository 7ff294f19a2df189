using System.Numerics;
using PredictiveModels.Complexity;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Complexity;

/// <summary>The small arithmetic pieces of the complexity code, each against values worked out by hand.</summary>
public sealed class ComplexityArithmeticTests
{
    [Theory]
    [InlineData(3.0, 3.0, 4.0)]
    [InlineData(0.0, 1.0, 1.584962500721156)]
    [InlineData(1.0, 0.0, 1.584962500721156)]
    [InlineData(-1.0, -1.0, 0.0)]
    [InlineData(1000.0, 0.0, 1000.0)]
    [InlineData(0.0, 1000.0, 1000.0)]
    public void Log2_addition_is_log2_of_the_sum_of_powers_of_two(double a, double b, double expected) =>
        Log2Math.Add(a, b).Should().BeApproximately(expected, 1e-15);

    [Fact]
    public void Log2_addition_treats_minus_infinity_as_zero()
    {
        Log2Math.Add(double.NegativeInfinity, 5).Should().Be(5);
        Log2Math.Add(5, double.NegativeInfinity).Should().Be(5);
        Log2Math.Add(double.NegativeInfinity, double.NegativeInfinity).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Log2_sums_of_nothing_or_of_zeros_are_minus_infinity()
    {
        Log2Math.Sum([]).Should().Be(double.NegativeInfinity);
        Log2Math.Sum([double.NegativeInfinity, double.NegativeInfinity]).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Log2_sums_are_exact_far_from_1_and_skip_zeros()
    {
        Log2Math.Sum([-2000, -2000, -2001, -2001]).Should().BeApproximately(-2000 + Math.Log2(3), 1e-12);
        Log2Math.Sum([double.NegativeInfinity, 7]).Should().Be(7);
        Log2Math.Sum([3, double.NegativeInfinity, 3]).Should().Be(4);
        Log2Math.Sum([1500, 0]).Should().Be(1500);
    }

    [Fact]
    public void A_leaf_takes_any_finite_non_negative_number_of_bits_and_nothing_else()
    {
        BitBreakdown.Leaf("nothing", 0).Bits.Should().Be(0);
        BitBreakdown.Leaf("x", 2.5).Should().Match<BitBreakdown>(b => b.Label == "x" && b.Bits == 2.5 && b.Children.IsEmpty);
        foreach (var bad in new[] { -1e-300, double.NaN, double.PositiveInfinity })
        {
            var act = () => BitBreakdown.Leaf("x", bad);
            act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bits");
        }
    }

    [Fact]
    public void An_inner_node_needs_a_child_and_holds_their_sum_in_order()
    {
        var act = () => BitBreakdown.Node("empty", []);
        act.Should().Throw<ArgumentException>().WithParameterName("children");

        var node = BitBreakdown.Node("n", [BitBreakdown.Leaf("a", 1e16), BitBreakdown.Leaf("b", 1), BitBreakdown.Leaf("c", 1)]);

        // Summed left to right: (1e16 + 1) + 1 rounds to 1e16 twice; a different order would give 1e16 + 2.
        node.Bits.Should().Be(1e16);
        node.Label.Should().Be("n");
        node.Children.Select(c => c.Label).Should().Equal("a", "b", "c");
        BitBreakdown.SumOf([]).Should().Be(0);
    }

    [Fact]
    public void Descendants_lists_the_tree_depth_first_with_the_root_first()
    {
        var tree = BitBreakdown.Node("root",
        [
            BitBreakdown.Node("left", [BitBreakdown.Leaf("l1", 1), BitBreakdown.Leaf("l2", 2)]),
            BitBreakdown.Leaf("right", 3),
        ]);

        tree.Descendants().Select(d => d.Label).Should().Equal("root", "left", "l1", "l2", "right");
        tree.Bits.Should().Be(6);
    }

    [Theory]
    [InlineData(3, "0101")]
    [InlineData(4, "01100")]
    [InlineData(7, "01111")]
    [InlineData(8, "00100000")]
    [InlineData(17, "001010001")]
    public void Elias_delta_words_match_the_textbook(int n, string word) =>
        EliasDelta.Encode(n).Should().Be(word);

    [Fact]
    public void Elias_delta_refuses_zero_with_a_message_and_codes_naturals_as_value_plus_one()
    {
        var encode = () => EliasDelta.Encode(0);
        encode.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n").WithMessage("Elias delta codes positive integers only (n >= 1).*");
        var length = () => EliasDelta.Length(BigInteger.MinusOne);
        length.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n").WithMessage("Elias delta codes positive integers only (n >= 1).*");

        EliasDelta.NaturalLength(0).Should().Be(1);
        EliasDelta.NaturalLength(1).Should().Be(4);
        EliasDelta.Length(BigInteger.One << 64).Should().Be(64 + (2 * 6) + 1);
    }

    [Fact]
    public void The_cheapest_expression_of_each_type_is_the_one_worked_out_by_hand()
    {
        // Time has only year (0 bits) and Nat only the literal (0 bits to select, 1 bit of Elias delta for 0);
        // Quantity has longterm and q, 1 bit each.
        var world = WorldModel.Create([Concept.Base("q", ModelType.Quantity, 1)]);
        var lengths = new DescriptionLengths(world);

        lengths.Cheapest(ModelType.Time).Should().Be((Expression.Parse("year(0)"), 1.0));
        lengths.Cheapest(ModelType.Nat).Should().Be((Expression.Parse("0"), 1.0));
        lengths.Cheapest(ModelType.Quantity).Should().Be((Expression.Parse("q"), 1.0));
    }

    [Fact]
    public void Among_expressions_of_equal_bits_the_one_with_fewer_nodes_is_the_cheapest()
    {
        // Time: year (weight 2), t and u (weight 1 each): year costs 1 bit, t and u 2 bits each;
        // year(0) costs 1 + 1 = 2 bits too, but has two nodes. Of t and u the first found is kept.
        var world = WorldModel.Create(
            [Concept.Base("t", ModelType.Time, 1), Concept.Base("u", ModelType.Time, 1)],
            new Dictionary<string, double> { ["year"] = 2 });
        var lengths = new DescriptionLengths(world, sizeBound: 1);

        lengths.Cheapest(ModelType.Time).Should().Be((Expression.Parse("t"), 2.0));
        lengths.Measure(Expression.Parse("between(?from: Time, ?to: Time)"), CostMode.Pointer).Kclass.Should().NotBeNull("a one-node filling fits the size bound 1");
    }

    [Fact]
    public void Among_equally_cheap_one_node_expressions_the_first_alternative_is_kept()
    {
        var world = WorldModel.Create([Concept.Base("a", ModelType.Stream, 1)]);

        var (cheapest, bits) = new DescriptionLengths(world).Cheapest(ModelType.Stream);

        bits.Should().BeApproximately(Math.Log2(3), 1e-15, "restrict, any_stream and a have weight 1 each");
        cheapest.Should().Be(new Application(world.Alternatives(ModelType.Stream).First(s => s.Arity == 0).Name));
    }
}
