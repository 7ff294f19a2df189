using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Expressions;

public sealed class TypeCheckerTests
{
    private static readonly WorldModel World = WorldModel.Create(
    [
        Concept.Base("corpus", ModelType.Stream, 100),
        Concept.Base("physical", ModelType.Predicate, 10),
    ]);

    private static readonly SourceLocation Fallback = new("s.yaml", 4, 5);

    private static IReadOnlyList<Diagnostic> Check(string text, ModelType expected, SourceLocation? origin = null)
    {
        var bag = new DiagnosticBag();
        var names = World.Symbols.Select(s => s.Name).ToArray();
        TypeChecker.Check(ExpressionParser.Parse(text, origin), expected, World.Find, names, bag, Fallback, "structures[0].camera");
        if (bag.Count == 0)
        {
            return [];
        }

        var act = bag.ThrowIfAny;
        return act.Should().Throw<ModelException>().Which.Diagnostics;
    }

    [Fact]
    public void A_well_typed_expression_gives_no_diagnostic() =>
        Check("restrict(corpus, and(physical, between(year(2015), year(2022))))", ModelType.Stream).Should().BeEmpty();

    [Theory]
    [InlineData("5", ModelType.Predicate, "the literal 5 is a Nat, but a Predicate is expected here")]
    [InlineData("?h: Time", ModelType.Stream, "the hole '?h' has type Time, but a Stream is expected here")]
    [InlineData("physical", ModelType.Stream, "'physical' is a Predicate, but a Stream is expected here")]
    [InlineData("corpus(physical)", ModelType.Stream, "'corpus' takes no arguments, but 1 was given")]
    [InlineData("not(physical, physical)", ModelType.Predicate, "'not' takes 1 argument (Predicate), but 2 were given")]
    [InlineData("restrict(corpus)", ModelType.Stream, "'restrict' takes 2 arguments (Stream, Predicate), but 1 was given")]
    [InlineData("restrict", ModelType.Stream, "'restrict' takes 2 arguments (Stream, Predicate), but 0 were given")]
    [InlineData("corpse", ModelType.Stream, "unknown concept 'corpse'; did you mean 'corpus'?")]
    [InlineData("zz", ModelType.Stream, "unknown concept 'zz'")]
    public void Each_kind_of_type_error_has_its_exact_message_and_the_path(string text, ModelType expected, string message)
    {
        var diagnostic = Check(text, expected).Should().ContainSingle().Subject;

        diagnostic.Message.Should().Be(message);
        diagnostic.Path.Should().Be("structures[0].camera");
    }

    [Fact]
    public void Arguments_are_checked_against_the_parameter_types_and_every_problem_is_reported_at_its_node()
    {
        var diagnostics = Check("restrict(physical, 7)", ModelType.Stream, new SourceLocation("s.yaml", 9, 11));

        diagnostics.Select(d => (d.Message, d.Location)).Should().Equal(
            ("'physical' is a Predicate, but a Stream is expected here", new SourceLocation("s.yaml", 9, 20)),
            ("the literal 7 is a Nat, but a Predicate is expected here", new SourceLocation("s.yaml", 9, 30)));
    }

    [Fact]
    public void A_wrong_arity_and_a_wrong_result_type_are_both_reported_and_the_arguments_are_not_checked()
    {
        var diagnostics = Check("not(7, 8)", ModelType.Stream);

        diagnostics.Select(d => d.Message).Should().BeEquivalentTo(
            "'not' takes 1 argument (Predicate), but 2 were given",
            "'not' is a Predicate, but a Stream is expected here");
    }

    [Fact]
    public void Nodes_built_in_code_without_a_location_are_reported_at_the_fallback()
    {
        var bag = new DiagnosticBag();
        var expression = new Application("restrict", [new NatLiteral(1), new Hole("p", ModelType.Time)]);

        TypeChecker.Check(expression, ModelType.Stream, World.Find, [], bag, Fallback, "p");

        var act = bag.ThrowIfAny;
        act.Should().Throw<ModelException>().Which.Diagnostics.Select(d => d.Location).Should().Equal(Fallback, Fallback);
    }
}
