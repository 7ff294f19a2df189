using System.Numerics;
using CsCheck;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;

namespace PredictiveModels.Tests.Expressions;

public sealed class ExpressionParserTests
{
    [Fact]
    public void Parses_applications_literals_and_holes_into_the_expected_tree()
    {
        var e = Expression.Parse("restrict(websites, between(year(2015), year(2022)))");

        var expected = new Application("restrict",
        [
            new Application("websites"),
            new Application("between",
            [
                new Application("year", [new NatLiteral(2015)]),
                new Application("year", [new NatLiteral(2022)]),
            ]),
        ]);
        e.Should().Be(expected);
        e.Size.Should().Be(7);
    }

    [Fact]
    public void Parses_a_typed_hole()
    {
        var e = Expression.Parse("longterm(?objective: Quantity)");

        e.Should().Be(new Application("longterm", [new Hole("objective", ModelType.Quantity)]));
        e.HasHoles.Should().BeTrue();
    }

    [Fact]
    public void Records_the_location_of_every_node_relative_to_the_origin()
    {
        var e = (Application)ExpressionParser.Parse("restrict(corpus,\n  physical)", new SourceLocation("s.yaml", 10, 12));

        e.Location.Should().Be(new SourceLocation("s.yaml", 10, 12));
        e.Arguments[0].Location.Should().Be(new SourceLocation("s.yaml", 10, 21));
        e.Arguments[1].Location.Should().Be(new SourceLocation("s.yaml", 11, 3));
    }

    [Theory]
    [InlineData("", 1, 1, "empty")]
    [InlineData("restrict(corpus", 1, 16, "missing ')'")]
    [InlineData("restrict(corpus physical)", 1, 17, "expected ',' or ')'")]
    [InlineData("restrict(corpus,)", 1, 17, "expected a concept name")]
    [InlineData("?x Quantity", 1, 4, "':'")]
    [InlineData("?x: Money", 1, 5, "unknown type 'Money'")]
    [InlineData("year(-3)", 1, 6, "negative")]
    [InlineData("year(20x5)", 1, 8, "cannot follow")]
    [InlineData("corpus )", 1, 8, "unexpected ')'")]
    [InlineData("a(\n  b,\n  $)", 3, 3, "found '$'")]
    public void Reports_malformed_text_with_its_line_and_column(string text, int line, int column, string fragment)
    {
        var act = () => Expression.Parse(text);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Location.Should().Be(new SourceLocation("<expression>", line, column));
        error.Message.Should().Contain(fragment);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit_instead_of_overflowing_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("not(", 5000)) + "p" + new string(')', 5000);

        var act = () => Expression.Parse(text);

        act.Should().Throw<ModelException>().WithMessage("*nested deeper*");
    }

    [Fact]
    public void Printing_then_parsing_gives_back_the_same_tree_for_random_expressions()
    {
        ExpressionGenerators.Expression.Sample(e =>
        {
            var text = e.ToString();
            var parsed = Expression.Parse(text);
            parsed.Should().Be(e, "'{0}' must parse back to the tree it was printed from", text);
            parsed.ToString().Should().Be(text);
        }, iter: 2000);
    }

    [Fact]
    public void Parsing_is_insensitive_to_whitespace_and_line_breaks()
    {
        var compact = Expression.Parse("and(physical,not(between(year(1),year(22))))");
        var spaced = Expression.Parse("  and ( physical ,\n\tnot( between( year( 1 ) , year(22) ) ) )  ");

        spaced.Should().Be(compact);
    }

    [Fact]
    public void Very_large_literals_are_kept_exactly()
    {
        var e = (Application)Expression.Parse("year(123456789012345678901234567890)");

        ((NatLiteral)e.Arguments[0]).Value.Should().Be(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
    }
}
