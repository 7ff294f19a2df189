using CsCheck;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Tests.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Complexity;

public sealed class DescriptionLengthsTests
{
    /// <summary>A world in which every selection is a whole number of bits.</summary>
    private static WorldModel SmallWorld() => WorldModel.Create(
    [
        Concept.Base("corpus", ModelType.Stream, 1000, weight: 2),       // Stream: restrict 1, any_stream 1, corpus 2 => 1, 2, 1 bits... total 4
        Concept.Base("physical", ModelType.Predicate, 300, weight: 4),   // Predicate: between, and, or, not (1 each) + physical 4 => total 8
        Concept.Base("paperclips", ModelType.Quantity, 50, weight: 1),   // Quantity: longterm 1 + paperclips 1 => total 2
    ]);

    [Fact]
    public void Pointer_length_sums_the_selections_and_inlined_length_swaps_in_intrinsic_bits()
    {
        var lengths = new DescriptionLengths(SmallWorld());
        var camera = Expression.Parse("restrict(corpus, physical)");

        // restrict: log2(4/1) = 2; corpus: log2(4/2) = 1; physical: log2(8/4) = 1.
        lengths.Pointer(camera).Bits.Should().Be(4);
        lengths.Inlined(camera).Bits.Should().Be(2 + 1000 + 300);
    }

    [Fact]
    public void A_literal_costs_its_selection_plus_its_Elias_delta_code()
    {
        var lengths = new DescriptionLengths(SmallWorld());

        // Predicate: between = 3 bits; Time has the single alternative 'year' (0 bits); Nat only the literal (0 bits).
        var breakdown = lengths.Pointer(Expression.Parse("between(year(2015), year(2022))"));

        breakdown.Bits.Should().Be(3 + 17 + 17);
        breakdown.Descendants().Where(n => n.Label.StartsWith("Elias delta", StringComparison.Ordinal)).Select(n => n.Bits).Should().Equal(17, 17);
    }

    [Fact]
    public void Every_breakdown_node_carries_exactly_the_sum_of_its_children()
    {
        var world = TestScenarios.Default.WorldModel;
        var lengths = new DescriptionLengths(world, 8);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var type = (ModelType)random.Next(6);
            var e = TypedExpressions.Random(world, type, random, depth: 4, holeChance: 0.1);
            foreach (var mode in new[] { CostMode.Pointer, CostMode.Inlined })
            {
                var cost = lengths.Measure(e, mode);
                foreach (var tree in new[] { cost.MinBreakdown, cost.ClassBreakdown }.OfType<BitBreakdown>())
                {
                    foreach (var node in tree.Descendants().Where(n => !n.Children.IsEmpty))
                    {
                        node.Bits.Should().Be(BitBreakdown.SumOf(node.Children), "'{0}' in the breakdown of {1}", node.Label, e);
                    }

                    double.IsFinite(tree.Bits).Should().BeTrue();
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Class_mass_is_at_least_the_mass_of_the_cheapest_member()
    {
        var world = TestScenarios.Default.WorldModel;
        var lengths = new DescriptionLengths(world, 10);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var e = TypedExpressions.Random(world, ModelType.Stream, random, depth: 3, holeChance: 0.3);
            if (!e.HasHoles)
            {
                return;
            }

            var cost = lengths.Measure(e, CostMode.Pointer);
            cost.Kclass!.Value.Should().BeLessThanOrEqualTo(cost.Kmin + 1e-9, "the class of {0} contains its cheapest filling", e);
            cost.ClassMass!.Log2Mass.Should().BeGreaterThanOrEqualTo(-cost.Kmin - 1e-9);
        }, iter: 300);
    }

    [Fact]
    public void Kmin_is_the_pointer_length_of_the_cheapest_filling()
    {
        var lengths = new DescriptionLengths(SmallWorld());

        var cost = lengths.Measure(Expression.Parse("longterm(?objective: Quantity)"), CostMode.Pointer);
        var (filling, bits) = lengths.Cheapest(ModelType.Quantity);

        filling.Should().Be(Expression.Parse("paperclips"));
        bits.Should().Be(1);
        cost.Kmin.Should().Be(lengths.Pointer(Expression.Parse("longterm(paperclips)")).Bits);
    }

    [Fact]
    public void The_inside_algorithm_matches_brute_force_enumeration()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("a", ModelType.Quantity, 5, weight: 3),
            Concept.Base("b", ModelType.Quantity, 7, weight: 0.5),
            Concept.Base("mix", ModelType.Quantity, 9, weight: 0.7, parameterTypes: [ModelType.Quantity, ModelType.Quantity]),
        ]);
        const int bound = 7;
        foreach (var mode in new[] { CostMode.Pointer, CostMode.Inlined })
        {
            var lengths = new DescriptionLengths(world, bound);
            var expected = Enumerate(world, ModelType.Quantity, bound)
                .Sum(e => double.Exp2(-(mode == CostMode.Pointer ? lengths.Pointer(e) : lengths.Inlined(e)).Bits));

            double.Exp2(lengths.Log2TypeMass(ModelType.Quantity, mode)).Should().BeApproximately(expected, 1e-12 * expected, $"mode {mode}");
        }
    }

    [Fact]
    public void The_counted_mass_grows_with_the_size_bound_and_stays_under_the_upper_bound()
    {
        var world = TestScenarios.Default.WorldModel;
        var hole = Expression.Parse("longterm(?objective: Quantity)");
        var previous = double.NegativeInfinity;
        ClassMass? last = null;
        foreach (var bound in new[] { 1, 2, 3, 5, 8, 13, 21 })
        {
            var mass = new DescriptionLengths(world, bound).ClassMass(hole);
            mass.Log2Mass.Should().BeGreaterThanOrEqualTo(previous);
            mass.Log2MassUpperBound.Should().BeGreaterThanOrEqualTo(mass.Log2Mass);
            mass.LeftOutUpperBound.Should().BeGreaterThanOrEqualTo(0);
            previous = mass.Log2Mass;
            last = mass;
        }

        last!.Log2MassUpperBound.Should().BeLessThanOrEqualTo(0, "a pointer-code mass is a probability");
    }

    [Fact]
    public void A_size_bound_below_the_cheapest_filling_is_an_error_that_says_what_to_raise()
    {
        var lengths = new DescriptionLengths(SmallWorld(), sizeBound: 1);
        var e = ExpressionParser.Parse("restrict(?s: Stream, ?p: Predicate)");

        // Every Stream and Predicate has a one-node filling, so size bound 1 is enough here...
        lengths.Measure(e, CostMode.Pointer).Kclass.Should().NotBeNull();

        // ...but a Time needs year(literal): two nodes.
        var act = () => lengths.Measure(Expression.Parse("between(?t: Time, ?u: Time)"), CostMode.Pointer);
        act.Should().Throw<ModelException>().WithMessage("*raise analysis.sizeBound to at least 2*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(DescriptionLengths.MaxSizeBound + 1)]
    public void Size_bounds_out_of_range_are_rejected(int bound)
    {
        var act = () => new DescriptionLengths(SmallWorld(), bound);

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("analysis.sizeBound");
    }

    [Fact]
    public void Nothing_underflows_when_lengths_reach_millions_of_bits()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("huge", ModelType.Quantity, 5e6, weight: 1e-300),
            Concept.Base("tiny", ModelType.Quantity, 1, weight: 1e-300),
        ]);
        var lengths = new DescriptionLengths(world, 12);

        var inlined = lengths.Inlined(Expression.Parse("longterm(huge)")).Bits;
        var cost = lengths.Measure(Expression.Parse("longterm(?x: Quantity)"), CostMode.Inlined);

        inlined.Should().BeApproximately(5e6 + Math.Log2(1 + 2e-300), 1e-6);
        double.IsFinite(cost.Kclass!.Value).Should().BeTrue();
        cost.Kclass!.Value.Should().BeLessThanOrEqualTo(cost.Kmin + 1e-9);
    }

    private static IEnumerable<Expression> Enumerate(WorldModel world, ModelType type, int maxSize)
    {
        if (maxSize < 1)
        {
            yield break;
        }

        foreach (var symbol in world.Alternatives(type))
        {
            foreach (var arguments in EnumerateArguments(world, symbol.ParameterTypes.ToArray(), maxSize - 1))
            {
                yield return new Application(symbol.Name, arguments);
            }
        }
    }

    private static IEnumerable<Expression[]> EnumerateArguments(WorldModel world, ModelType[] types, int budget)
    {
        if (types.Length == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var first in Enumerate(world, types[0], budget - (types.Length - 1)))
        {
            foreach (var rest in EnumerateArguments(world, types[1..], budget - first.Size))
            {
                yield return [first, .. rest];
            }
        }
    }
}
