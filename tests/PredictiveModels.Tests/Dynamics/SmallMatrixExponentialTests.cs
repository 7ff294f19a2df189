using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

public sealed class SmallMatrixExponentialTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(3)]
    [InlineData(100)]
    public void A_rotation_generator_gives_a_rotation(double t)
    {
        double[] a = [0, 1, -1, 0];

        var e = SmallMatrixExponential.Exp(a, 2, t);

        e.Should().Equal([Math.Cos(t), Math.Sin(t), -Math.Sin(t), Math.Cos(t)], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void A_two_state_generator_gives_its_closed_form_transition_matrix_with_rounding_growing_like_two_to_the_squarings()
    {
        // Q = [[-a, a], [b, -b]]: exp(Q t) = (1 / (a + b)) [[b + a e, a - a e], [b - b e, a + b e]], e = exp(-(a + b) t).
        const double a = 3, b = 0.25;
        foreach (var t in new[] { 0.01, 1.0, 50.0, 1e4 })
        {
            var e = Math.Exp(-(a + b) * t);
            double[] expected = [(b + (a * e)) / (a + b), (a - (a * e)) / (a + b), (b - (b * e)) / (a + b), (a + (b * e)) / (a + b)];

            double[] q = [-a, a, b, -b];
            var allowed = 1e-15 + (4 * Math.ScaleB(1.1e-16, SmallMatrixExponential.Squarings(q, 2, t)));

            var actual = SmallMatrixExponential.Exp(q, 2, t);

            actual.Should().Equal(expected, (x, y) => Math.Abs(x - y) < allowed, "at t = {0}", t);
        }
    }

    [Fact]
    public void The_first_column_is_exp_times_the_first_unit_vector_and_zero_scale_gives_the_identity()
    {
        double[] a = [-1, 2, 0, 0.5, -3, 1, 0, 0.25, -0.5];

        SmallMatrixExponential.ExpFirstColumn(a, 3, 0.7).Should().Equal(new[] { 0, 3, 6 }.Select(i => SmallMatrixExponential.Exp(a, 3, 0.7)[i]));
        SmallMatrixExponential.Exp(a, 3, 0).Should().Equal(1, 0, 0, 0, 1, 0, 0, 0, 1);
        SmallMatrixExponential.Squarings(a, 3, 0.7).Should().Be(0);
        SmallMatrixExponential.Squarings(a, 3, 1_000).Should().BeGreaterThan(0);
    }
}
