using MathNet.Numerics.Distributions;
using PredictiveModels.Scenarios;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Uncertainty;

public sealed class BeliefDistributionTests
{
    private static readonly double[] Probabilities = [0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999];

    public static TheoryData<string> Notations => ["normal(3, 2)", "lognormal(1, 0.5)", "uniform(-2, 5)", "beta(2, 5)", "triangular(1, 2, 6)"];

    [Theory]
    [MemberData(nameof(Notations))]
    public void Each_distribution_has_the_quantiles_and_cumulative_distribution_of_its_MathNet_counterpart(string notation)
    {
        var belief = BeliefNotation.Parse(notation);
        var expected = MathNetCounterpart(notation);

        foreach (var p in Probabilities)
        {
            var q = belief.Quantile(p);
            q.Should().BeApproximately(expected.InverseCumulativeDistribution(p), 1e-9 * Math.Max(1, Math.Abs(q)), $"the {p} quantile of {notation}");
            belief.CumulativeDistribution(q).Should().BeApproximately(expected.CumulativeDistribution(q), 1e-9, $"the CDF of {notation} at {q}");
        }
    }

    [Fact]
    public void A_loguniform_is_the_exponential_of_a_uniform_over_the_logs_of_its_ends()
    {
        var belief = BeliefNotation.Parse("loguniform(0.01, 100)");
        var logs = new ContinuousUniform(Math.Log(0.01), Math.Log(100));

        foreach (var p in Probabilities)
        {
            belief.Quantile(p).Should().BeApproximately(Math.Exp(logs.InverseCumulativeDistribution(p)), 1e-9 * belief.Quantile(p));
        }

        belief.Median.Should().BeApproximately(1, 1e-12);
        belief.CumulativeDistribution(10).Should().BeApproximately(0.75, 1e-12);
        belief.CumulativeDistribution(0.001).Should().Be(0);
        belief.CumulativeDistribution(1000).Should().Be(1);
    }

    [Fact]
    public void A_90_percent_interval_of_positive_ends_is_a_lognormal_with_those_quantiles()
    {
        var belief = BeliefNotation.Parse("5 to 10");

        belief.Kind.Should().Be(BeliefKind.LogNormal);
        belief.Quantile(0.05).Should().BeApproximately(5, 1e-9);
        belief.Quantile(0.95).Should().BeApproximately(10, 1e-9);
        belief.Median.Should().BeApproximately(Math.Sqrt(50), 1e-9, "a lognormal's median is the geometric mean of symmetric quantiles");
    }

    [Fact]
    public void A_90_percent_interval_that_reaches_zero_or_below_is_a_normal_with_those_quantiles()
    {
        var belief = BeliefNotation.Parse("-1 to 1");

        belief.Kind.Should().Be(BeliefKind.Normal);
        belief.Quantile(0.05).Should().BeApproximately(-1, 1e-12);
        belief.Quantile(0.95).Should().BeApproximately(1, 1e-12);
        belief.Parameters.Should().HaveCount(2);
        belief.Parameters[0].Should().Be(0);
        belief.Parameters[1].Should().BeApproximately(1 / 1.6448536269514722, 1e-12);
    }

    [Fact]
    public void An_interval_from_zero_is_a_normal_because_a_lognormal_cannot_reach_zero()
    {
        BeliefNotation.Parse("0 to 10").Kind.Should().Be(BeliefKind.Normal);
    }

    [Fact]
    public void A_point_mass_has_its_point_as_every_quantile_and_a_step_as_its_cumulative_distribution()
    {
        var belief = BeliefNotation.Parse("pointMass(2.5)");

        belief.Quantile(0.01).Should().Be(2.5);
        belief.Quantile(0.99).Should().Be(2.5);
        belief.Median.Should().Be(2.5);
        belief.CumulativeDistribution(2.4999).Should().Be(0);
        belief.CumulativeDistribution(2.5).Should().Be(1);
        belief.Sample(new Random(1)).Should().Be(2.5);
    }

    [Fact]
    public void A_truncation_renormalises_its_base_to_the_interval_it_keeps()
    {
        var belief = BeliefNotation.Parse("truncate(normal(0, 1), -0.5, 2)");
        var fLo = Normal.CDF(0, 1, -0.5);
        var mass = Normal.CDF(0, 1, 2) - fLo;

        belief.CumulativeDistribution(-0.5).Should().Be(0);
        belief.CumulativeDistribution(2).Should().Be(1);
        belief.CumulativeDistribution(-3).Should().Be(0);
        belief.CumulativeDistribution(5).Should().Be(1);
        belief.CumulativeDistribution(0).Should().BeApproximately((0.5 - fLo) / mass, 1e-12);
        foreach (var p in Probabilities)
        {
            var q = belief.Quantile(p);
            q.Should().BeInRange(-0.5, 2);
            q.Should().BeApproximately(Normal.InvCDF(0, 1, fLo + (p * mass)), 1e-9);
            belief.CumulativeDistribution(q).Should().BeApproximately(p, 1e-9);
        }
    }

    [Fact]
    public void A_nested_truncation_keeps_the_intersection_of_the_intervals()
    {
        var belief = BeliefNotation.Parse("truncate(truncate(uniform(0, 10), 2, 8), 0, 4)");

        belief.CumulativeDistribution(2).Should().Be(0);
        belief.CumulativeDistribution(3).Should().BeApproximately(0.5, 1e-12);
        belief.Quantile(0.25).Should().BeApproximately(2.5, 1e-12);
        belief.CumulativeDistribution(4).Should().Be(1);
    }

    [Fact]
    public void The_probability_outside_the_positive_numbers_of_a_normal_is_its_mass_at_or_below_zero()
    {
        var belief = BeliefNotation.Parse("normal(1, 1)");

        ParameterRange.Positive.ProbabilityOutside(belief).Should().BeApproximately(Normal.CDF(1, 1, 0), 1e-15);
    }

    [Fact]
    public void The_probability_outside_a_closed_range_adds_the_mass_below_and_the_mass_above()
    {
        var belief = BeliefNotation.Parse("uniform(0, 10)");

        ParameterRange.Between(2, 9).ProbabilityOutside(belief).Should().BeApproximately(0.3, 1e-12);
        ParameterRange.Between(-5, 20).ProbabilityOutside(belief).Should().Be(0);
    }

    [Fact]
    public void A_point_mass_on_a_bound_is_inside_an_inclusive_bound_and_outside_an_exclusive_one()
    {
        var zero = BeliefNotation.Parse("0");
        var one = BeliefNotation.Parse("1");

        ParameterRange.AtLeast(0).ProbabilityOutside(zero).Should().Be(0);
        ParameterRange.Positive.ProbabilityOutside(zero).Should().Be(1);
        ParameterRange.Between(0, 1).ProbabilityOutside(one).Should().Be(0);
        ParameterRange.StrictlyBetween(0, 1).ProbabilityOutside(one).Should().Be(1);
    }

    [Fact]
    public void A_truncated_point_mass_on_the_upper_end_stays_on_it_and_an_exclusive_bound_there_refuses_it()
    {
        var belief = BeliefNotation.Parse("truncate(pointMass(3), 0, 3)");

        belief.Median.Should().Be(3);
        belief.CumulativeDistribution(2.999).Should().Be(0);
        ParameterRange.Between(0, 3).ProbabilityOutside(belief).Should().Be(0);
        ParameterRange.StrictlyBetween(0, 3).ProbabilityOutside(belief).Should().Be(1);
    }

    [Fact]
    public void A_whole_number_range_is_treated_as_the_continuous_interval_between_its_bounds()
    {
        var belief = BeliefNotation.Parse("uniform(0, 20)");

        ParameterRange.Between(1, 10, wholeNumbers: true).ProbabilityOutside(belief).Should().BeApproximately(0.55, 1e-12);
    }

    [Fact]
    public void Sampling_with_the_same_seed_gives_the_same_draws_and_their_median_is_near_the_median()
    {
        var belief = BeliefNotation.Parse("100 to 10000");

        var first = Draw(belief, seed: 42, count: 4001);
        var second = Draw(belief, seed: 42, count: 4001);
        var other = Draw(belief, seed: 43, count: 4001);

        second.Should().Equal(first);
        other.Should().NotEqual(first);
        var sorted = first.Order().ToArray();
        // The sample median of 4001 draws has a standard error of about 1.25 / sqrt(4001) = 0.02 in probability.
        belief.CumulativeDistribution(sorted[2000]).Should().BeApproximately(0.5, 0.06);
        sorted[2000].Should().BeApproximately(belief.Median, 0.25 * belief.Median);
    }

    [Fact]
    public void A_sample_is_the_quantile_of_one_uniform_draw_from_the_callers_random()
    {
        var belief = BeliefNotation.Parse("normal(10, 3)");
        var u = new Random(7).NextDouble();

        belief.Sample(new Random(7)).Should().Be(belief.Quantile(u));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_quantile_needs_a_probability_strictly_between_0_and_1(double p)
    {
        var belief = BeliefNotation.Parse("normal(0, 1)");

        belief.Invoking(b => b.Quantile(p)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("p");
    }

    [Fact]
    public void The_cumulative_distribution_refuses_NaN_and_answers_for_infinities()
    {
        var belief = BeliefNotation.Parse("lognormal(0, 1)");

        belief.Invoking(b => b.CumulativeDistribution(double.NaN)).Should().Throw<ArgumentException>();
        belief.CumulativeDistribution(double.NegativeInfinity).Should().Be(0);
        belief.CumulativeDistribution(double.PositiveInfinity).Should().Be(1);
        belief.CumulativeDistribution(-1).Should().Be(0);
    }

    [Fact]
    public void Sampling_and_the_probability_outside_a_range_refuse_null()
    {
        var belief = BeliefNotation.Parse("normal(0, 1)");

        belief.Invoking(b => b.Sample(null!)).Should().Throw<ArgumentNullException>();
        ParameterRange.Positive.Invoking(r => r.ProbabilityOutside(null!)).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.NaN)]
    [InlineData(2, 1)]
    public void The_probability_outside_an_interval_refuses_an_interval_that_is_none(double minimum, double maximum)
    {
        var belief = BeliefNotation.Parse("normal(0, 1)");

        belief.Invoking(b => b.ProbabilityOutside(minimum, false, maximum, false)).Should().Throw<ArgumentException>().WithMessage("*no interval*");
    }

    private static (Func<double, double> InverseCumulativeDistribution, Func<double, double> CumulativeDistribution) MathNetCounterpart(string notation)
    {
        switch (notation)
        {
            case "normal(3, 2)":
                var normal = new Normal(3, 2);
                return (normal.InverseCumulativeDistribution, normal.CumulativeDistribution);
            case "lognormal(1, 0.5)":
                var logNormal = new LogNormal(1, 0.5);
                return (logNormal.InverseCumulativeDistribution, logNormal.CumulativeDistribution);
            case "uniform(-2, 5)":
                var uniform = new ContinuousUniform(-2, 5);
                return (uniform.InverseCumulativeDistribution, uniform.CumulativeDistribution);
            case "beta(2, 5)":
                var beta = new Beta(2, 5);
                return (beta.InverseCumulativeDistribution, beta.CumulativeDistribution);
            case "triangular(1, 2, 6)":
                var triangular = new Triangular(lower: 1, upper: 6, mode: 2);
                return (triangular.InverseCumulativeDistribution, triangular.CumulativeDistribution);
            default:
                throw new ArgumentException(notation, nameof(notation));
        }
    }

    private static double[] Draw(BeliefDistribution belief, int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => belief.Sample(random)).ToArray();
    }
}
