using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>How <see cref="SmallMatrixExponential"/> scales its argument, and the pivoting of its Padé solve.</summary>
public sealed class SmallMatrixExponentialScalingTests
{
    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(5.371920351148152, 0)]
    [InlineData(6.0, 1)]
    [InlineData(100.0, 5)]
    [InlineData(1e4, 11)]
    public void The_argument_is_halved_until_its_one_norm_is_at_most_theta_13(double t, int squarings)
    {
        // Only the lower-left entry is non-zero: its column, not its row, carries the 1-norm. log2(1e4 / 5.3719) = 10.86.
        double[] a = [0, 0, 1, 0];

        SmallMatrixExponential.Squarings(a, 2, t).Should().Be(squarings);
    }

    [Fact]
    public void A_half_turn_where_the_pade_denominator_has_a_tiny_pivot_is_exact()
    {
        // For the rotation generator at angle pi, the even part of the degree-13 Padé denominator nearly vanishes (about 4
        // against entries near 1e17), so the solve's leading pivot is tiny. exp(pi J) = -I. (Measured: the result stays this
        // accurate even without row swaps, so this does not pin the pivoting down; see docs/testing.md.)
        double[] a = [0, 1, -1, 0];

        var e = SmallMatrixExponential.Exp(a, 2, Math.PI);

        e.Should().Equal([-1, 0, 0, -1], (x, y) => Math.Abs(x - y) < 1e-14);
    }

    [Fact]
    public void A_half_turn_inside_a_larger_matrix_is_exact_too()
    {
        // The same tiny pivot in the middle of a 3 x 3 block-diagonal matrix (rotation in the last two coordinates, decay in
        // the first).
        double[] a = [-0.5, 0, 0, 0, 0, 1, 0, -1, 0];

        var e = SmallMatrixExponential.Exp(a, 3, Math.PI);

        e.Should().Equal([Math.Exp(-0.5 * Math.PI), 0, 0, 0, -1, 0, 0, 0, -1], (x, y) => Math.Abs(x - y) < 1e-14);
    }
}
