using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.WorldModels;

public sealed class WorldModelTests
{
    private static readonly SourceLocation At = new("w.yaml", 3, 7);

    [Fact]
    public void Selection_bits_follow_the_weights_of_the_alternatives_of_the_type()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 100, weight: 6),
            Concept.Base("text", ModelType.Stream, 50, weight: 2),
        ]);

        // Stream alternatives: restrict (1), any_stream (1), corpus (6), text (2): total 10.
        world.Alternatives(ModelType.Stream).Select(s => s.Name).Should().Equal("restrict", "any_stream", "corpus", "text");
        world.SelectionBits(world.Find("corpus")!).Should().BeApproximately(Math.Log2(10.0 / 6), 1e-12);
        world.SelectionBits(world.Find("any_stream")!).Should().BeApproximately(Math.Log2(10.0), 1e-12);
    }

    [Fact]
    public void Selection_probabilities_of_every_type_sum_to_one()
    {
        var world = Scenarios.TestScenarios.Default.WorldModel;
        foreach (var type in Enum.GetValues<ModelType>())
        {
            var total = world.Alternatives(type).Sum(s => double.Exp2(-world.SelectionBits(s)));
            if (type == ModelType.Nat)
            {
                total += double.Exp2(-world.LiteralSelectionBits);
            }

            total.Should().BeApproximately(1.0, 1e-12, $"the alternatives of {type} form a probability distribution");
        }
    }

    [Fact]
    public void Built_in_weights_can_be_overridden()
    {
        var world = WorldModel.Create([], new Dictionary<string, double> { ["any_stream"] = 3 });

        world.SelectionBits(world.Find("any_stream")!).Should().BeApproximately(Math.Log2(4.0 / 3), 1e-12);
    }

    [Fact]
    public void A_derived_concept_costs_the_inlined_length_of_its_definition()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 100),
            Concept.Base("physical", ModelType.Predicate, 40),
            Concept.Derived("physical_corpus", ModelType.Stream, Expression.Parse("restrict(corpus, physical)")),
        ]);

        // Stream: restrict, any_stream, corpus, physical_corpus (weight 1 each): selecting restrict costs 2 bits.
        world.IntrinsicBits(world.FindConcept("physical_corpus")!).Should().BeApproximately(2 + 100 + 40, 1e-12);
    }

    [Fact]
    public void Concepts_are_acquired_in_ascending_order_of_bits_at_the_running_sum_unless_told_otherwise()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("big", ModelType.Stream, 300),
            Concept.Base("small", ModelType.Stream, 10),
            Concept.Base("pinned", ModelType.Quantity, 50, acquiredAt: 5),
            Concept.Base("medium", ModelType.Predicate, 100),
        ]);

        world.AcquisitionBits(world.FindConcept("small")!).Should().Be(10);
        world.AcquisitionBits(world.FindConcept("pinned")!).Should().Be(5);
        world.AcquisitionBits(world.FindConcept("medium")!).Should().Be(160);
        world.AcquisitionBits(world.FindConcept("big")!).Should().Be(460);
    }

    [Fact]
    public void Duplicate_names_are_reported_at_the_second_declaration()
    {
        var act = () => WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1, location: new SourceLocation("w.yaml", 2, 5)),
            Concept.Base("corpus", ModelType.Stream, 2, location: At),
        ]);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("'corpus' is declared twice").And.Contain("w.yaml:2:5");
        d.Location.Should().Be(At);
    }

    [Fact]
    public void A_concept_may_not_take_the_name_of_a_built_in()
    {
        var act = () => WorldModel.Create([Concept.Base("restrict", ModelType.Stream, 1, location: At)]);

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Location.Should().Be(At);
    }

    [Fact]
    public void Unknown_references_in_definitions_are_reported_with_a_suggestion()
    {
        var definition = ExpressionParser.Parse("restrict(corpsu, physical)", At);
        var act = () => WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1),
            Concept.Base("physical", ModelType.Predicate, 1),
            Concept.Derived("x", ModelType.Stream, definition),
        ]);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("unknown concept 'corpsu'").And.Contain("did you mean 'corpus'");
        d.Location.Should().Be(At.Advance(9));
    }

    [Fact]
    public void Wrong_arity_and_wrong_types_are_reported_at_the_offending_node()
    {
        var definition = ExpressionParser.Parse("restrict(physical, corpus, corpus)", At);
        var typeError = ExpressionParser.Parse("restrict(physical, corpus)", At);
        var arity = () => WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1),
            Concept.Base("physical", ModelType.Predicate, 1),
            Concept.Derived("x", ModelType.Stream, definition),
        ]);
        var types = () => WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 1),
            Concept.Base("physical", ModelType.Predicate, 1),
            Concept.Derived("x", ModelType.Stream, typeError),
        ]);

        arity.Should().Throw<ModelException>().Which.Diagnostics.Single().Message
            .Should().Contain("'restrict' takes 2 arguments (Stream, Predicate), but 3 were given");
        var typeDiagnostics = types.Should().Throw<ModelException>().Which.Diagnostics;
        typeDiagnostics.Should().HaveCount(2);
        typeDiagnostics[0].Message.Should().Contain("'physical' is a Predicate, but a Stream is expected");
        typeDiagnostics[0].Location.Should().Be(At.Advance(9));
        typeDiagnostics[1].Message.Should().Contain("'corpus' is a Stream, but a Predicate is expected");
        typeDiagnostics[1].Location.Should().Be(At.Advance(19));
    }

    [Fact]
    public void Definition_cycles_are_reported_with_the_whole_cycle()
    {
        var act = () => WorldModel.Create(
        [
            Concept.Derived("a", ModelType.Predicate, Expression.Parse("not(b)"), location: At),
            Concept.Derived("b", ModelType.Predicate, Expression.Parse("and(c, c)")),
            Concept.Derived("c", ModelType.Predicate, Expression.Parse("not(a)")),
        ]);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("cycle: a -> b -> c -> a");
        d.Location.Should().Be(At);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "infinite")]
    [InlineData(-1.0, "cannot be negative")]
    public void Bad_bits_are_rejected_with_the_concept_location(double bits, string fragment)
    {
        var act = () => Concept.Base("c", ModelType.Stream, bits, location: At);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain(fragment).And.Contain("'c'");
        d.Location.Should().Be(At);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_or_non_finite_weights_are_rejected(double weight)
    {
        var concept = () => Concept.Base("c", ModelType.Stream, 1, weight: weight, location: At);
        var builtIn = () => WorldModel.Create([], new Dictionary<string, double> { ["restrict"] = weight });

        concept.Should().Throw<ModelException>().Which.Diagnostics.Single().Message.Should().Contain("weight");
        builtIn.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("worldModel.builtins.restrict");
    }

    [Fact]
    public void Unknown_built_in_names_in_the_weights_are_rejected()
    {
        var act = () => WorldModel.Create([], new Dictionary<string, double> { ["restirct"] = 2 });

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Message.Should().Contain("did you mean 'restrict'");
    }

    [Fact]
    public void A_definition_may_not_contain_a_hole()
    {
        var act = () => Concept.Derived("x", ModelType.Quantity, Expression.Parse("longterm(?q: Quantity)"));

        act.Should().Throw<ModelException>().WithMessage("*contains the hole '?q'*");
    }

    [Fact]
    public void A_derived_concept_whose_inlined_length_exceeds_the_limit_is_rejected_instead_of_overflowing()
    {
        // Each level doubles the inlined length: 2^60 * 1e4 bits is far beyond the 1e15-bit limit.
        var concepts = new List<Concept> { Concept.Base("p0", ModelType.Predicate, 1e4) };
        for (var i = 1; i <= 60; i++)
        {
            concepts.Add(Concept.Derived($"p{i}", ModelType.Predicate, Expression.Parse($"and(p{i - 1}, p{i - 1})"), location: At));
        }

        var act = () => WorldModel.Create(concepts);

        act.Should().Throw<ModelException>().WithMessage("*inlined length of derived concept*more than the largest accepted*");
    }
}
