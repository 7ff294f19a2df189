using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;

namespace PredictiveModels.Tests.Expressions;

/// <summary>
/// The parser's exact messages, locations and limits: tests written against the mutants that the
/// broader parser tests left alive (a message emptied, a limit moved by one, a location off by a column).
/// </summary>
public sealed class ExpressionParserMutationTests
{
    private static Diagnostic ErrorOf(string text, SourceLocation? origin = null)
    {
        var act = () => ExpressionParser.Parse(text, origin);
        return act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("", 1, 1, "expected an expression but the text is empty")]
    [InlineData("   \n  ", 2, 3, "expected an expression but the text is empty")]
    [InlineData("not(", 1, 5, "expected an expression but the text ended")]
    [InlineData("not(p", 1, 6, "missing ')' to close the arguments of 'not'")]
    [InlineData("and(p q)", 1, 7, "expected ',' or ')' in the arguments of 'and' but found 'q'")]
    [InlineData("p q", 1, 3, "unexpected 'q' after the end of the expression")]
    [InlineData("?", 1, 2, "expected a hole name after '?' but the text ended")]
    [InlineData("?1: Nat", 1, 2, "expected a hole name after '?' but found '1'")]
    [InlineData("?x", 1, 3, "expected ':' and a type after the hole name (e.g. ?objective: Quantity) but the text ended")]
    [InlineData("?x = Nat", 1, 4, "expected ':' and a type after the hole name (e.g. ?objective: Quantity) but found '='")]
    [InlineData("?x:", 1, 4, "expected a type name but the text ended")]
    [InlineData("?x: 5", 1, 5, "expected a type name but found '5'")]
    [InlineData("?x: quantity", 1, 5, "unknown type 'quantity'; the types are Stream, Quantity, Predicate, Time, Nat, Procedure")]
    [InlineData("year(-1)", 1, 6, "negative numbers are not natural-number literals")]
    [InlineData("year(12_3)", 1, 8, "'_' cannot follow a natural-number literal: literals are whole numbers of digits only")]
    [InlineData("year(1.5)", 1, 7, "'.' cannot follow a natural-number literal: literals are whole numbers of digits only")]
    [InlineData("year(2x)", 1, 7, "'x' cannot follow a natural-number literal: literals are whole numbers of digits only")]
    [InlineData("*", 1, 1, "expected a concept name, a number or a hole but found '*'")]
    public void Each_malformed_text_gets_its_exact_message_at_its_exact_location(string text, int line, int column, string message)
    {
        var error = ErrorOf(text);

        error.Message.Should().Be(message);
        error.Location.Should().Be(new SourceLocation("<expression>", line, column));
    }

    [Fact]
    public void Locations_on_the_first_line_are_offset_from_the_origin_column_and_later_lines_start_at_column_1()
    {
        var origin = new SourceLocation("s.yaml", 7, 20);

        ErrorOf("and(p, $)", origin).Location.Should().Be(new SourceLocation("s.yaml", 7, 27));
        ErrorOf("and(p,\n\n   $)", origin).Location.Should().Be(new SourceLocation("s.yaml", 9, 4));
        ErrorOf("and(\n p,\n q $)", origin).Location.Should().Be(new SourceLocation("s.yaml", 9, 4));
    }

    [Fact]
    public void Nodes_on_later_lines_are_located_however_many_lines_come_between()
    {
        var e = (Application)ExpressionParser.Parse("f(\n a,\n\n  b,\n   ?c: Nat)", new SourceLocation("s.yaml", 3, 9));

        e.Arguments.Select(a => a.Location).Should().Equal(
            new SourceLocation("s.yaml", 4, 2),
            new SourceLocation("s.yaml", 6, 3),
            new SourceLocation("s.yaml", 7, 4));
    }

    [Fact]
    public void Nesting_is_accepted_up_to_the_limit_and_rejected_one_level_beyond_at_the_innermost_expression()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("not(", depth)) + "p" + new string(')', depth);

        var deepest = ExpressionParser.Parse(Nested(ExpressionParser.MaxDepth));
        deepest.Size.Should().Be(ExpressionParser.MaxDepth + 1);

        var error = ErrorOf(Nested(ExpressionParser.MaxDepth + 1));
        error.Message.Should().Be("expression nested deeper than 256 levels");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, (4 * (ExpressionParser.MaxDepth + 1)) + 1));
    }

    [Fact]
    public void A_literal_may_have_the_maximum_number_of_digits_but_not_one_more()
    {
        var longest = new string('9', ExpressionParser.MaxLiteralDigits);
        ((NatLiteral)((Application)ExpressionParser.Parse($"year({longest})")).Arguments[0]).Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(longest);

        var error = ErrorOf($"year({longest}9)");
        error.Message.Should().Be("a natural-number literal has at most 1000 digits");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, 6), "the error points at the start of the literal");
    }

    [Fact]
    public void A_name_may_have_the_maximum_length_but_not_one_more()
    {
        var longest = "n" + new string('_', ExpressionParser.MaxIdentifierLength - 1);
        ((Application)ExpressionParser.Parse($"f({longest})")).Arguments[0].Should().Be(new Application(longest));

        var error = ErrorOf($"f({longest}x)");
        error.Message.Should().Be("a name has at most 256 characters");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, 3), "the error points at the start of the name");

        var holeError = ErrorOf($"?{longest}x: Nat");
        holeError.Message.Should().Be("a name has at most 256 characters");
        holeError.Location.Should().Be(new SourceLocation("<expression>", 1, 2));
    }

    [Theory]
    [InlineData("any_stream()")]
    [InlineData("any_stream( )")]
    [InlineData("any_stream (\n)")]
    public void Empty_parentheses_give_a_constant(string text) =>
        ExpressionParser.Parse(text).Should().Be(new Application("any_stream"));

    [Fact]
    public void Identifiers_may_start_with_an_underscore_and_contain_digits_and_holes_allow_space_around_the_colon()
    {
        var e = (Application)ExpressionParser.Parse("_f2(a_1, ?h_2 :  Time, 0, 007)");

        e.Name.Should().Be("_f2");
        e.Arguments.Should().Equal(
            new Application("a_1"),
            new Hole("h_2", ModelType.Time),
            new NatLiteral(0),
            new NatLiteral(7));
    }

    [Fact]
    public void A_literal_ends_at_a_comma_a_parenthesis_or_whitespace()
    {
        ExpressionParser.Parse("f(1,2)").Should().Be(new Application("f", [new NatLiteral(1), new NatLiteral(2)]));
        ExpressionParser.Parse(" 42 ").Should().Be(new NatLiteral(42));
        ExpressionParser.Parse("42").Location.Should().Be(new SourceLocation("<expression>", 1, 1));
    }

    [Fact]
    public void Every_type_name_is_accepted_for_a_hole()
    {
        foreach (var type in Enum.GetValues<ModelType>())
        {
            ExpressionParser.Parse($"?h: {type}").Should().Be(new Hole("h", type));
        }
    }

    [Fact]
    public void The_default_origin_is_the_first_column_of_the_first_line_of_an_unnamed_expression() =>
        ExpressionParser.Parse("  p").Location.Should().Be(new SourceLocation("<expression>", 1, 3));
}
