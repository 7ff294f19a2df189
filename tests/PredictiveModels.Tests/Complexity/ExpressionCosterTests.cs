using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Complexity;

/// <summary>
/// The bit breakdowns node by node (labels and bits) in a world whose selections are whole bits:
/// Stream has restrict, any_stream and corpus (weights 1, 1, 2), Predicate between, and, or, not and
/// physical (1, 1, 1, 1, 4), Quantity longterm and paperclips (1, 1), Time only year, Nat only the literal.
/// </summary>
public sealed class ExpressionCosterTests
{
    private static readonly WorldModel World = WorldModel.Create(
    [
        Concept.Base("corpus", ModelType.Stream, 1000, weight: 2),
        Concept.Base("physical", ModelType.Predicate, 300, weight: 4),
        Concept.Base("paperclips", ModelType.Quantity, 50, weight: 1),
    ]);

    private static IEnumerable<(string Label, double Bits, int Depth)> Flatten(BitBreakdown node, int depth = 0)
    {
        yield return (node.Label, node.Bits, depth);
        foreach (var child in node.Children)
        {
            foreach (var item in Flatten(child, depth + 1))
            {
                yield return item;
            }
        }
    }

    [Fact]
    public void A_pointer_breakdown_names_each_selection_among_its_alternatives()
    {
        var breakdown = new DescriptionLengths(World).Pointer(Expression.Parse("restrict(corpus, physical)"));

        Flatten(breakdown).Should().Equal(
            ("restrict(corpus, physical)", 4.0, 0),
            ("select built-in 'restrict' among 3 Stream alternatives", 2.0, 1),
            ("point to 'corpus' among 3 Stream alternatives", 1.0, 1),
            ("point to 'physical' among 5 Predicate alternatives", 1.0, 1));
    }

    [Fact]
    public void An_inlined_breakdown_carries_base_concepts_with_their_intrinsic_bits_and_still_selects_built_ins()
    {
        var breakdown = new DescriptionLengths(World).Inlined(Expression.Parse("restrict(corpus, physical)"));

        Flatten(breakdown).Should().Equal(
            ("restrict(corpus, physical)", 1302.0, 0),
            ("select built-in 'restrict' among 3 Stream alternatives", 2.0, 1),
            ("carry 'corpus' inline (its intrinsic bits)", 1000.0, 1),
            ("carry 'physical' inline (its intrinsic bits)", 300.0, 1));
    }

    [Fact]
    public void A_literal_costs_its_selection_and_its_Elias_delta_code_and_a_Nat_position_counts_the_literal_among_its_alternatives()
    {
        var world = WorldModel.Create([Concept.Base("seven", ModelType.Nat, 3, weight: 1)]);
        var lengths = new DescriptionLengths(world);

        Flatten(lengths.Pointer(Expression.Parse("year(2015)"))).Should().Equal(
            ("year(2015)", 18.0, 0),
            ("select built-in 'year' among 1 Time alternatives", 0.0, 1),
            ("2015", 18.0, 1),
            ("select a literal (Nat)", 1.0, 2),
            ("Elias delta code of 2015 + 1", 17.0, 2));
        Flatten(lengths.Pointer(Expression.Parse("year(seven)"))).Should().Equal(
            ("year(seven)", 1.0, 0),
            ("select built-in 'year' among 1 Time alternatives", 0.0, 1),
            ("point to 'seven' among 2 Nat alternatives", 1.0, 1));
    }

    [Fact]
    public void An_inlined_derived_concept_shows_its_definition_once_and_deeper_derived_concepts_as_leaves()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1000, weight: 2),
            Concept.Base("physical", ModelType.Predicate, 300, weight: 4),
            Concept.Derived("physical_corpus", ModelType.Stream, Expression.Parse("restrict(corpus, physical)")),
            Concept.Derived("twice", ModelType.Stream, Expression.Parse("restrict(physical_corpus, physical)")),
        ]);
        var lengths = new DescriptionLengths(world);

        // Stream alternatives: restrict, any_stream, corpus (2), physical_corpus, twice: total weight 6.
        var inner = lengths.Inlined(Expression.Parse("physical_corpus"));
        var selectRestrict = Math.Log2(6);
        Flatten(inner).Should().Equal(
            ("carry 'physical_corpus' inline = restrict(corpus, physical)", selectRestrict + 1000 + 300, 0),
            ("restrict(corpus, physical)", selectRestrict + 1000 + 300, 1),
            ("select built-in 'restrict' among 5 Stream alternatives", selectRestrict, 2),
            ("carry 'corpus' inline (its intrinsic bits)", 1000.0, 2),
            ("carry 'physical' inline (its intrinsic bits)", 300.0, 2));
        world.IntrinsicBits(world.FindConcept("physical_corpus")!).Should().Be(inner.Bits);

        Flatten(lengths.Inlined(Expression.Parse("twice"))).Should().Equal(
            ("carry 'twice' inline = restrict(physical_corpus, physical)", selectRestrict + inner.Bits + 300, 0),
            ("restrict(physical_corpus, physical)", selectRestrict + inner.Bits + 300, 1),
            ("select built-in 'restrict' among 5 Stream alternatives", selectRestrict, 2),
            ("carry 'physical_corpus' inline (derived: its inlined definition)", inner.Bits, 2),
            ("carry 'physical' inline (its intrinsic bits)", 300.0, 2));

        // Pointer lengths never look inside a definition.
        lengths.Pointer(Expression.Parse("twice")).Label.Should().Be("point to 'twice' among 5 Stream alternatives");
    }

    [Fact]
    public void A_hole_costs_its_cheapest_filling_under_Kmin_and_its_bounded_class_mass_under_Kclass()
    {
        var lengths = new DescriptionLengths(World, sizeBound: 12);

        var cost = lengths.Measure(Expression.Parse("longterm(?objective: Quantity)"), CostMode.Pointer);

        // Fillings of k nodes are longterm^(k-1)(paperclips), each of k bits: the mass up to 12 nodes is 1 - 2^-12.
        var holeBits = -Math.Log2(1 - double.Exp2(-12));
        Flatten(cost.MinBreakdown).Should().Equal(
            ("longterm(?objective: Quantity)", 2.0, 0),
            ("select built-in 'longterm' among 2 Quantity alternatives", 1.0, 1),
            ("?objective: Quantity, cheapest filling paperclips", 1.0, 1),
            ("point to 'paperclips' among 2 Quantity alternatives", 1.0, 2));
        cost.ClassBreakdown!.Children.Select(c => c.Label).Should().Equal(
            "select built-in 'longterm' among 2 Quantity alternatives",
            "?objective: Quantity, class mass of all fillings of up to 12 nodes");
        cost.ClassBreakdown.Children[1].Bits.Should().BeApproximately(holeBits, 1e-12);
        cost.Kclass!.Value.Should().BeApproximately(1 + holeBits, 1e-12);
        cost.Breakdown(HoleCost.Class).Should().BeSameAs(cost.ClassBreakdown);
        cost.Breakdown(HoleCost.Min).Should().BeSameAs(cost.MinBreakdown);
        cost.Mode.Should().Be(CostMode.Pointer);
    }

    [Fact]
    public void The_class_mass_counts_the_fillings_up_to_the_bound_and_bounds_the_rest_by_the_full_mass()
    {
        var mass = new DescriptionLengths(World, sizeBound: 12).ClassMass(Expression.Parse("longterm(?objective: Quantity)"));

        // Counted: 2^-1 (1 - 2^-12); the full mass of Quantity is exactly 1, so the bound is 2^-1 and the rest 2^-13.
        mass.SizeBound.Should().Be(12);
        mass.Mode.Should().Be(CostMode.Pointer);
        mass.Log2Mass.Should().BeApproximately(-1 + Math.Log2(1 - double.Exp2(-12)), 1e-12);
        mass.Kclass.Should().Be(-mass.Log2Mass);
        mass.Log2MassUpperBound.Should().BeApproximately(-1, 1e-12);
        mass.KclassLowerBound.Should().Be(-mass.Log2MassUpperBound);
        mass.LeftOutUpperBound.Should().BeApproximately(double.Exp2(-13), 1e-15);
    }

    [Fact]
    public void In_inlined_mode_a_hole_is_filled_by_the_concept_cheapest_to_carry()
    {
        var lengths = new DescriptionLengths(World, sizeBound: 12);

        var cost = lengths.Measure(Expression.Parse("?q: Quantity"), CostMode.Inlined);

        // Inlined, paperclips costs its 50 intrinsic bits; fillings of k nodes cost 50 + (k - 1) bits.
        cost.Kmin.Should().Be(50);
        cost.Kclass!.Value.Should().BeApproximately(49 - Math.Log2(1 - double.Exp2(-12)), 1e-12);
        lengths.Cheapest(ModelType.Quantity, CostMode.Inlined).Should().Be((Expression.Parse("paperclips"), 50.0));
        lengths.Log2TypeMass(ModelType.Quantity, CostMode.Inlined).Should().BeApproximately(-49 + Math.Log2(1 - double.Exp2(-12)), 1e-12);

        // Without the size bound the mass M solves M = 2^-50 + M / 2, so M = 2^-49: the iteration from M = 1
        // must run long enough to get there (it halves the distance each time).
        var mass = lengths.ClassMass(Expression.Parse("?q: Quantity"), CostMode.Inlined);
        mass.Log2MassUpperBound.Should().BeApproximately(-49, 1e-9);
        mass.LeftOutUpperBound.Should().BeApproximately(double.Exp2(-61), 1e-9 * double.Exp2(-61));
    }

    [Fact]
    public void Without_a_bound_on_the_full_mass_the_left_out_mass_is_unbounded()
    {
        // Inlined, 'free' costs 0 bits and longterm 1: the grammar's mass 1 + 1/2 + ... exceeds 1, so no bound holds.
        var world = WorldModel.Create([Concept.Base("free", ModelType.Quantity, 0)]);

        var lengths = new DescriptionLengths(world, sizeBound: 4);

        var mass = lengths.ClassMass(Expression.Parse("?q: Quantity"), CostMode.Inlined);

        lengths.Log2TypeMass(ModelType.Quantity, CostMode.Inlined).Should().BeApproximately(Math.Log2(1 + 0.5 + 0.25 + 0.125), 1e-12);
        mass.Log2MassUpperBound.Should().Be(double.PositiveInfinity);
        mass.KclassLowerBound.Should().Be(double.NegativeInfinity);
        mass.LeftOutUpperBound.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void A_class_bit_charge_is_never_negative_even_where_the_hole_mass_exceeds_1()
    {
        var world = WorldModel.Create([Concept.Base("free", ModelType.Quantity, 0)]);

        var cost = new DescriptionLengths(world, sizeBound: 4).Measure(Expression.Parse("?q: Quantity"), CostMode.Inlined);

        cost.ClassBreakdown!.Bits.Should().Be(0);
        cost.ClassMass!.Log2Mass.Should().Be(0, "the class charge was clamped at 0 bits");
    }

    [Fact]
    public void An_unknown_concept_is_reported_at_its_location()
    {
        var expression = ExpressionParser.Parse("restrict(corpus, nosuch)", new SourceLocation("s.yaml", 2, 3));

        var act = () => new DescriptionLengths(World).Pointer(expression);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic("unknown concept 'nosuch'", new SourceLocation("s.yaml", 2, 20)));
    }

    [Fact]
    public void A_hole_where_no_inside_table_exists_is_refused_with_its_location()
    {
        var coster = new ExpressionCoster(World);
        var expression = ExpressionParser.Parse("longterm(?x: Quantity)", new SourceLocation("s.yaml", 5, 1));

        var act = () => coster.Bits(expression, CostMode.Pointer);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "the hole '?x' has no cost here: holes are not allowed in this position", new SourceLocation("s.yaml", 5, 10)));
    }

    [Fact]
    public void A_size_bound_equal_to_the_cheapest_filling_is_enough_and_one_less_is_refused_with_the_exact_advice()
    {
        var expression = ExpressionParser.Parse("between(?t: Time, year(1))", new SourceLocation("s.yaml", 1, 1));

        new DescriptionLengths(World, sizeBound: 2).Measure(expression, CostMode.Pointer).Kclass.Should().NotBeNull();

        var act = () => new DescriptionLengths(World, sizeBound: 1).Measure(expression, CostMode.Pointer);
        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "the size bound 1 is smaller than the 2 nodes of the cheapest filling of '?t: Time'; raise analysis.sizeBound to at least 2",
            new SourceLocation("s.yaml", 1, 9)));
    }

    [Fact]
    public void Size_bounds_at_both_ends_of_the_range_are_accepted_and_the_message_states_the_range()
    {
        new DescriptionLengths(World, 1).SizeBound.Should().Be(1);
        var largest = new DescriptionLengths(World, DescriptionLengths.MaxSizeBound);
        largest.SizeBound.Should().Be(512);
        largest.WorldModel.Should().BeSameAs(World);
        largest.Log2TypeMass(ModelType.Quantity).Should().BeApproximately(Math.Log2(1 - double.Exp2(-512)), 1e-15);

        var act = () => new DescriptionLengths(World, 513);
        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "the size bound is 513, but it must be between 1 and 512 nodes", null, "analysis.sizeBound"));
    }

    [Fact]
    public void An_expression_without_holes_has_no_class()
    {
        var cost = new DescriptionLengths(World).Measure(Expression.Parse("paperclips"), CostMode.Inlined);

        cost.Kmin.Should().Be(50);
        cost.Kclass.Should().BeNull();
        cost.ClassMass.Should().BeNull();
        cost.ClassBreakdown.Should().BeNull();
        cost.Breakdown(HoleCost.Class).Should().BeSameAs(cost.MinBreakdown);
    }

    public static TheoryData<string> ShippedScenarios => [.. Directory.EnumerateFiles(Path.Combine(TestScenarios.RepositoryRoot, "samples", "scenarios")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void A_derived_concepts_intrinsic_bits_are_exactly_the_bits_of_its_inlined_breakdown(string file)
    {
        // The world model adds the terms itself (it cannot use the coster, a layer above it); both must give the same double.
        var world = ScenarioLoader.Load(TestScenarios.Sample(file)).WorldModel;
        var lengths = new DescriptionLengths(world);

        foreach (var concept in world.Concepts.Where(c => c.Definition is not null))
        {
            world.IntrinsicBits(concept).Should().Be(lengths.Inlined(new Application(concept.Name, [])).Bits, concept.Name);
        }
    }

    [Fact]
    public void A_literal_in_a_definition_costs_the_literal_production_and_its_elias_delta_code_in_the_intrinsic_bits()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1000),
            Concept.Derived("y2000", ModelType.Time, Expression.Parse("year(2000)")),
            Concept.Derived("y1999_and_2000", ModelType.Predicate, Expression.Parse("between(year(1999), y2000)")),
        ]);
        var lengths = new DescriptionLengths(world);

        var year = world.SelectionBits(world.Find("year")!);
        world.IntrinsicBits(world.FindConcept("y2000")!).Should().Be(year + (world.LiteralSelectionBits + EliasDelta.NaturalLength(2000)));
        foreach (var name in new[] { "y2000", "y1999_and_2000" })
        {
            world.IntrinsicBits(world.FindConcept(name)!).Should().Be(lengths.Inlined(new Application(name, [])).Bits, name);
        }
    }
}
