using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Uniformization (<see cref="Transient"/>) on chains whose transient is known in closed form, and its Poisson truncation
/// against an independent computation of the Poisson tail.
/// </summary>
public sealed class UniformizationTests
{
    // Two states, 0 -> 1 at rate A and 1 -> 0 at rate B, in the generator's inflow layout.
    private const double A = 3, B = 0.25;

    private static Generator TwoStates() => new([0, 1, 2], [1, 0], [B, A], [A, B]);

    /// <summary>P(state 1 at t) from state 0: A / (A + B) (1 - exp(-(A + B) t)).</summary>
    private static double Second(double t) => A / (A + B) * (1 - Math.Exp(-(A + B) * t));

    /// <summary>The Poisson probability of <paramref name="k"/> at mean <paramref name="mean"/>, from the recursion log p_j = log p_(j-1) + log(mean / j).</summary>
    private static double Recursive(long k, double mean)
    {
        var log = -mean;
        for (var j = 1; j <= k; j++)
        {
            log += Math.Log(mean / j);
        }

        return Math.Exp(log);
    }

    /// <summary>The Poisson tail P(N > k) at mean <paramref name="mean"/>, summed from the recursion.</summary>
    private static double Tail(long k, double mean)
    {
        var log = -mean;
        var cumulative = Math.Exp(log);
        for (var j = 1; j <= k; j++)
        {
            log += Math.Log(mean / j);
            cumulative += Math.Exp(log);
        }

        return 1 - cumulative;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(4)]
    [InlineData(60)]
    public void The_transient_of_a_two_state_chain_is_its_closed_form_within_the_reported_bound(double t)
    {
        const double tolerance = 1e-10;

        var result = Transient.OnGenerator(TwoStates(), 0, [0, t], tolerance, null, CancellationToken.None, null);

        result.Distributions[0].Should().Equal(1, 0);
        result.ErrorBounds[0].Should().BeLessThan(1e-15);
        var p = result.Distributions[1];
        var error = Math.Abs(p[0] - (1 - Second(t))) + Math.Abs(p[1] - Second(t));
        error.Should().BeLessThanOrEqualTo(result.ErrorBounds[1] + 1e-14);
        result.ErrorBounds[1].Should().BeLessThan(tolerance);

        // The bound is the Poisson mass left out, which is also what the distribution lacks of summing to 1.
        (p[0] + p[1]).Should().BeApproximately(1 - result.ErrorBounds[1], 1e-14);
        result.UniformizationRate.Should().Be(A * 1.0001);
        result.Products.Should().Be(Transient.TruncationPoint(result.UniformizationRate * t, tolerance));
        result.NonZeros.Should().Be(2);
    }

    [Fact]
    public void A_starting_distribution_is_evolved_instead_of_the_start_configuration()
    {
        const double t = 0.7;

        // From (0.4, 0.6): p1(t) = A / (A + B) + (0.6 - A / (A + B)) exp(-(A + B) t).
        var result = Transient.OnGenerator(TwoStates(), 0, [t], 1e-12, null, CancellationToken.None, [0.4, 0.6]);

        var second = (A / (A + B)) + ((0.6 - (A / (A + B))) * Math.Exp(-(A + B) * t));
        result.Distributions[0][1].Should().BeApproximately(second, 1e-11);
        result.Distributions[0][0].Should().BeApproximately(1 - second, 1e-11);
    }

    [Theory]
    [InlineData(0.3, 1e-10)]
    [InlineData(7, 1e-6)]
    [InlineData(100, 1e-10)]
    [InlineData(250, 1e-12)]
    [InlineData(3000, 1e-8)]
    public void The_series_is_cut_at_the_first_term_past_the_mean_whose_tail_is_below_the_tolerance(double mean, double tolerance)
    {
        var k = Transient.TruncationPoint(mean, tolerance);

        ((double)k).Should().BeGreaterThanOrEqualTo(mean);
        Tail(k, mean).Should().BeLessThan(tolerance * 1.0001);
        if (k - 1 >= mean)
        {
            Tail(k - 1, mean).Should().BeGreaterThanOrEqualTo(tolerance * 0.9999);
        }
    }

    [Fact]
    public void A_chain_that_does_not_move_needs_no_product()
    {
        Transient.TruncationPoint(0, 1e-10).Should().Be(0);
        Transient.TruncationPoint(-1, 1e-10).Should().Be(0);
        Transient.PoissonWeight(0, 0).Should().Be(1);
        Transient.PoissonWeight(3, 0).Should().Be(0);
    }

    [Theory]
    [InlineData(0, 2.5)]
    [InlineData(1, 2.5)]
    [InlineData(40, 37)]
    [InlineData(1000, 900)]
    public void Poisson_weights_agree_with_the_recursion_from_the_first_term(long k, double mean)
    {
        var p = Recursive(k, mean);

        Transient.PoissonWeight(k, mean).Should().BeApproximately(p, 1e-10 * p);
    }

    [Fact]
    public void Progress_is_reported_from_zero_to_one()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);

        Transient.OnGenerator(TwoStates(), 0, [2000], 1e-10, progress, CancellationToken.None, null);

        reports[0].Should().Be(0);
        reports[^1].Should().Be(1);
        reports.Should().BeInAscendingOrder().And.HaveCountGreaterThan(2);
        reports.Should().OnlyContain(r => r >= 0 && r <= 1);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
