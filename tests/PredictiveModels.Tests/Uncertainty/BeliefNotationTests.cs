using PredictiveModels.Diagnostics;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Uncertainty;

public sealed class BeliefNotationTests
{
    [Theory]
    [InlineData("normal(1, 2)", BeliefKind.Normal, new[] { 1.0, 2.0 })]
    [InlineData("  normal ( -1.5e-3 ,2E2 )  ", BeliefKind.Normal, new[] { -0.0015, 200.0 })]
    [InlineData("lognormal(0,1)", BeliefKind.LogNormal, new[] { 0.0, 1.0 })]
    [InlineData("uniform(-3, .5)", BeliefKind.Uniform, new[] { -3.0, 0.5 })]
    [InlineData("loguniform(1e-3, 1e3)", BeliefKind.LogUniform, new[] { 0.001, 1000.0 })]
    [InlineData("beta(2, 3)", BeliefKind.Beta, new[] { 2.0, 3.0 })]
    [InlineData("triangular(0, 0, 4)", BeliefKind.Triangular, new[] { 0.0, 0.0, 4.0 })]
    [InlineData("pointMass(7)", BeliefKind.PointMass, new[] { 7.0 })]
    [InlineData("-7.25", BeliefKind.PointMass, new[] { -7.25 })]
    [InlineData("\t+3\n", BeliefKind.PointMass, new[] { 3.0 })]
    public void Each_form_reads_as_its_kind_with_the_parameters_written(string text, BeliefKind kind, double[] parameters)
    {
        var belief = BeliefNotation.Parse(text);

        belief.Kind.Should().Be(kind);
        belief.Parameters.Should().Equal(parameters);
        belief.Base.Should().BeNull();
    }

    [Fact]
    public void An_interval_needs_no_spaces_around_to()
    {
        BeliefNotation.Parse("5to10").ToString().Should().Be(BeliefNotation.Parse(" 5  to  10 ").ToString());
    }

    [Fact]
    public void A_truncation_holds_its_base_and_its_bounds()
    {
        var belief = BeliefNotation.Parse("truncate(5 to 10, 6, 20)");

        belief.Kind.Should().Be(BeliefKind.Truncated);
        belief.Parameters.Should().Equal(6, 20);
        belief.Base!.Kind.Should().Be(BeliefKind.LogNormal);
    }

    [Fact]
    public void The_parameters_cannot_be_changed_through_the_list_a_distribution_gives_out()
    {
        var belief = BeliefNotation.Parse("normal(1, 2)");

        belief.Parameters.Should().NotBeAssignableTo<double[]>();
        belief.Parameters.Should().BeAssignableTo<System.Collections.ObjectModel.ReadOnlyCollection<double>>();
    }

    [Theory]
    [InlineData("5 to 10")]
    [InlineData("-1 to 1")]
    [InlineData("normal(0.1, 0.30000000000000004)")]
    [InlineData("lognormal(-2, 1e-7)")]
    [InlineData("uniform(-1e300, 1e300)")]
    [InlineData("loguniform(0.001, 1000)")]
    [InlineData("beta(0.5, 0.5)")]
    [InlineData("triangular(1, 1.5, 2)")]
    [InlineData("3")]
    [InlineData("truncate(truncate(normal(0, 1), -1, 1), 0, 2)")]
    public void The_canonical_notation_reads_back_as_the_same_distribution(string text)
    {
        var belief = BeliefNotation.Parse(text);

        var again = BeliefNotation.Parse(belief.ToString());

        again.ToString().Should().Be(belief.ToString());
        again.Kind.Should().Be(belief.Kind);
        again.Parameters.Should().Equal(belief.Parameters);
        again.Quantile(0.3).Should().Be(belief.Quantile(0.3));
    }

    [Fact]
    public void The_canonical_notation_is_the_function_form_with_comma_and_space()
    {
        BeliefNotation.Parse(" normal(1,0.5) ").ToString().Should().Be("normal(1, 0.5)");
        BeliefNotation.Parse("4").ToString().Should().Be("pointMass(4)");
        BeliefNotation.Parse("truncate(uniform(0,2),0.5,1)").ToString().Should().Be("truncate(uniform(0, 2), 0.5, 1)");
    }

    [Fact]
    public void Truncations_nest_up_to_the_limit_and_no_further()
    {
        static string Nest(int depth) => string.Concat(Enumerable.Repeat("truncate(", depth)) + "normal(0, 1)" + string.Concat(Enumerable.Repeat(", -1, 1)", depth));

        BeliefNotation.Parse(Nest(BeliefNotation.MaxDepth)).Kind.Should().Be(BeliefKind.Truncated);
        BeliefNotation.TryParse(Nest(BeliefNotation.MaxDepth + 1), out var result, out var error, out var column).Should().BeFalse();
        result.Should().BeNull();
        error.Should().Be("truncate(...) nests more than 8 deep");
        column.Should().Be((9 * BeliefNotation.MaxDepth) + 1);
    }

    [Fact]
    public void A_belief_longer_than_the_limit_is_refused_before_it_is_read()
    {
        var text = "1" + new string(' ', BeliefNotation.MaxLength);

        BeliefNotation.TryParse(text, out _, out var error, out var column).Should().BeFalse();
        error.Should().Be("the belief is 1001 characters long; at most 1000 are accepted");
        column.Should().Be(1001);
        BeliefNotation.TryParse(text[..BeliefNotation.MaxLength], out _, out _, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("", "expected a distribution, such as '5 to 10' or 'normal(0, 1)', but the belief is empty", 1)]
    [InlineData("   ", "expected a distribution, such as '5 to 10' or 'normal(0, 1)', but the belief is empty", 4)]
    [InlineData("normal(1 2)", "expected ',' after the mean of normal(...) but found '2'; normal takes 2 parameters: mean, sd", 10)]
    [InlineData("normal(1)", "expected ',' after the mean of normal(...) but found ')'; normal takes 2 parameters: mean, sd", 9)]
    [InlineData("normal(1, 2, 3)", "expected ')' after the sd of normal(...) but found ','; normal takes 2 parameters: mean, sd", 12)]
    [InlineData("normal(1, ", "expected a number for the sd of normal(...) but the belief ends", 11)]
    [InlineData("normal 1, 2)", "expected '(' after 'normal' but found '1'", 8)]
    [InlineData("gamma(1, 2)", "unknown distribution 'gamma'; known: normal, lognormal, uniform, loguniform, beta, triangular, pointMass, truncate", 1)]
    [InlineData("Normal(0, 1)", "unknown distribution 'Normal'; known: normal, lognormal, uniform, loguniform, beta, triangular, pointMass, truncate; did you mean 'normal'?", 1)]
    [InlineData("normal(0, 0)", "the sd of normal(...) must be greater than 0, but it is 0", 11)]
    [InlineData("normal(0, -1)", "the sd of normal(...) must be greater than 0, but it is -1", 11)]
    [InlineData("lognormal(0, 0)", "the sigma of lognormal(...) must be greater than 0, but it is 0", 14)]
    [InlineData("uniform(2, 2)", "in uniform(a, b) the a must be less than the b, but 2 >= 2", 12)]
    [InlineData("loguniform(0, 2)", "the a of loguniform(...) must be greater than 0, but it is 0", 12)]
    [InlineData("beta(1, 0)", "the b of beta(...) must be greater than 0, but it is 0", 9)]
    [InlineData("triangular(0, 5, 4)", "the mode of triangular(a, mode, b) must be from a to b (0 to 4), but it is 5", 15)]
    [InlineData("10 to 5", "in 'A to B' the 5% quantile A must be less than the 95% quantile B, but 10 >= 5", 1)]
    [InlineData("5 to 5", "in 'A to B' the 5% quantile A must be less than the 95% quantile B, but 5 >= 5", 1)]
    [InlineData("5 to", "expected a number after 'to' but the belief ends", 5)]
    [InlineData("5 from 10", "expected 'to' or the end after the number 5", 3)]
    [InlineData("1e400", "numbers must be finite; '1e400' is not accepted", 1)]
    [InlineData("normal(NaN, 1)", "expected a number for the mean of normal(...) but found 'N'", 8)]
    [InlineData("NaN", "numbers must be finite; 'NaN' is not accepted", 1)]
    [InlineData("Infinity to 3", "numbers must be finite; 'Infinity' is not accepted", 1)]
    [InlineData("1e", "expected the digits of an exponent after '1e'", 3)]
    [InlineData("-", "expected a number but found '-'", 1)]
    [InlineData("normal(0, 1) x", "unexpected 'x' after the distribution; expected the end of the belief", 14)]
    [InlineData("truncate(normal(0, 1), 2, 1)", "in truncate(DIST, lo, hi) the lo must be less than the hi, but 2 >= 1", 27)]
    [InlineData("truncate(normal(0, 1), 2)", "expected ',' after the lo of truncate(...) but found ')'; truncate takes 3 arguments: a distribution, lo, hi", 25)]
    [InlineData("truncate(, 0, 1)", "expected a distribution as the first argument of truncate(...) (a number, 'A to B' or a name such as normal(...)) but found ','", 10)]
    [InlineData("truncate(uniform(0, 1), 2, 3)", "truncate(...) keeps nothing: uniform(0, 1) has no probability between 2 and 3", 1)]
    [InlineData("truncate(normal(0, 1), 40, 50)", "truncate(...) keeps nothing: normal(0, 1) has no probability between 40 and 50", 1)]
    [InlineData("truncate(pointMass(1), 1, 3)", "truncate(...) keeps nothing: pointMass(1) has no probability between 1 and 3", 1)]
    [InlineData("lognormal(710, 1)", "the median of lognormal(710, 1) is beyond the largest double", 1)]
    [InlineData("(5 to 10)", "expected a distribution (a number, 'A to B' or a name such as normal(...)) but found '('", 1)]
    public void A_malformed_belief_is_refused_with_what_was_expected_and_its_column(string text, string message, int column)
    {
        BeliefNotation.TryParse(text, out var result, out var error, out var at).Should().BeFalse();

        result.Should().BeNull();
        error.Should().Be(message);
        at.Should().Be(column);
    }

    [Fact]
    public void Parse_throws_a_model_exception_located_at_the_column_of_the_problem()
    {
        var thrown = FluentActions.Invoking(() => BeliefNotation.Parse("normal(0, 0)")).Should().Throw<ModelException>().Which;

        thrown.Diagnostics.Should().ContainSingle();
        thrown.Diagnostics[0].Location.Should().Be(new SourceLocation(BeliefNotation.SourceLabel, 1, 11));
        thrown.Diagnostics[0].Message.Should().Be("the sd of normal(...) must be greater than 0, but it is 0");
    }

    [Fact]
    public void A_valid_belief_reports_no_error_and_column_zero()
    {
        BeliefNotation.TryParse("1 to 2", out var result, out var error, out var column).Should().BeTrue();

        result.Should().NotBeNull();
        error.Should().BeNull();
        column.Should().Be(0);
    }

    [Fact]
    public void Null_text_is_refused()
    {
        FluentActions.Invoking(() => BeliefNotation.Parse(null!)).Should().Throw<ArgumentNullException>();
    }
}
