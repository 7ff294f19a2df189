using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// <see cref="KrylovStep.Choose"/> on a small projected matrix, against the defect <c>phi(s) = e_k^T exp(s H) e_1</c>
/// integrated by quadrature: the step's integrals bound the integral of <c>|phi|</c>, the step keeps within its error rate,
/// and it is the longest such step on its grid.
/// </summary>
public sealed class KrylovStepChoiceTests
{
    // An upper Hessenberg projection of a generator (as Arnoldi makes them): phi rises from 0, peaks and decays.
    private static readonly double[] H = [-1.2, 0.5, 0.1, 0.8, -0.9, 0.4, 0, 0.7, -0.6];

    private const int K = 3;

    private static double Phi(double s) => SmallMatrixExponential.Exp(H, K, s)[(K - 1) * K];

    /// <summary>The integral of |phi| over [0, s] by the trapezoid rule on <paramref name="intervals"/> intervals.</summary>
    private static double IntegralOfAbsPhi(double s, int intervals)
    {
        var h = s / intervals;
        var sum = 0.0;
        for (var m = 0; m <= intervals; m++)
        {
            sum += (m == 0 || m == intervals ? 0.5 : 1.0) * Math.Abs(Phi(m * h));
        }

        return sum * h;
    }

    [Fact]
    public void The_steps_integrals_bound_the_integral_of_the_defect_and_keep_within_the_error_rate()
    {
        const double gamma = 2.0, rate = 1e-3;

        var step = KrylovStep.Choose(H, K, gamma, rate, remaining: 50, guess: 50, smallest: 1e-9)!;

        step.Should().NotBeNull();
        step.Length.Should().BeGreaterThan(0).And.BeLessThan(50);
        step.Integral[0].Should().Be(0);
        step.Integral.Should().BeInAscendingOrder();
        (gamma * step.Integral[^1]).Should().BeLessThanOrEqualTo(rate * step.Length);
        step.Length.Should().BeApproximately(step.Panel * (step.Integral.Length - 1), 1e-12 * step.Length);
        for (var i = 1; i < step.Integral.Length; i++)
        {
            var s = i * step.Panel;
            step.Integral[i].Should().BeGreaterThanOrEqualTo(IntegralOfAbsPhi(s, 200) * (1 - 1e-6), "the integral up to {0} must be an upper bound", s);
            step.IntegralUpTo(s).Should().Be(step.Integral[i]);
        }
    }

    [Fact]
    public void The_step_is_the_longest_on_its_grid_whose_bound_stays_within_the_rate()
    {
        const double gamma = 2.0, rate = 1e-3;

        var step = KrylovStep.Choose(H, K, gamma, rate, remaining: 50, guess: 50, smallest: 1e-9)!;

        // One more panel would break the rate: the bound of the integral over it, added, exceeds rate x (length + panel).
        var (_, gramian) = SmallMatrixExponential.ExpWithGramian(H, K, step.Panel);
        var x = SmallMatrixExponential.ExpFirstColumn(H, K, step.Length);
        var next = step.Integral[^1] + Math.Sqrt(step.Panel * SmallMatrixExponential.QuadraticForm(gramian, x, K));
        (gamma * next).Should().BeGreaterThan(rate * (step.Length + step.Panel));
    }

    [Fact]
    public void A_loose_rate_takes_the_whole_remaining_time_in_one_step()
    {
        var step = KrylovStep.Choose(H, K, gamma: 1e-6, rate: 1, remaining: 3, guess: 3, smallest: 1e-9)!;

        step.Length.Should().Be(3);
        step.Integral.Should().HaveCount(KrylovStep.Panels + 1);
        step.Panel.Should().BeApproximately(3.0 / KrylovStep.Panels, 1e-15);
    }

    [Fact]
    public void An_invariant_krylov_space_takes_the_remaining_time_with_no_error()
    {
        var step = KrylovStep.Choose(H, K, gamma: 0, rate: 1e-9, remaining: 7, guess: 1, smallest: 1e-9)!;

        step.Length.Should().Be(7);
        step.Panel.Should().Be(0);
        step.IntegralUpTo(7).Should().Be(0);
    }

    [Fact]
    public void No_step_is_returned_when_every_step_longer_than_the_smallest_breaks_the_rate()
    {
        // phi(s) ~ 0.8 * 0.7 s^2 / 2 near 0: with gamma 1 the bound over [0, s] is about 0.09 s^3, above 1e-12 s for s > 3.3e-6.
        var step = KrylovStep.Choose(H, K, gamma: 1, rate: 1e-12, remaining: 10, guess: 10, smallest: 1e-4);

        step.Should().BeNull();
    }

    [Fact]
    public void The_integral_up_to_a_time_between_grid_points_is_the_one_at_the_next_grid_point()
    {
        var step = new KrylovStep(1.0, 0.25, [0, 0.1, 0.3, 0.6, 1.0]);

        step.IntegralUpTo(0).Should().Be(0);
        step.IntegralUpTo(0.1).Should().Be(0.1);
        step.IntegralUpTo(0.25).Should().Be(0.1);
        step.IntegralUpTo(0.26).Should().Be(0.3);
        step.IntegralUpTo(1.0).Should().Be(1.0);
        step.IntegralUpTo(2.0).Should().Be(1.0);
    }
}
