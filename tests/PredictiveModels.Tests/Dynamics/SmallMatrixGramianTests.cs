using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The Gramian that bounds each Krylov step's error, <c>G = integral over [0, t] of exp(u A^T) e_k e_k^T exp(u A) du</c>, checked
/// entry by entry against Simpson's rule on the last row of <c>exp(u A)</c> (itself checked against closed forms in
/// <see cref="SmallMatrixExponentialTests"/>).
/// </summary>
public sealed class SmallMatrixGramianTests
{
    /// <summary>Simpson's rule over [0, t] on <paramref name="intervals"/> intervals of the products of the entries of the last row of exp(u A).</summary>
    private static double[] SimpsonGramian(double[] a, int k, double t, int intervals)
    {
        var g = new double[k * k];
        var h = t / intervals;
        for (var m = 0; m <= intervals; m++)
        {
            var weight = (m == 0 || m == intervals ? 1.0 : m % 2 == 1 ? 4.0 : 2.0) * h / 3;
            var e = SmallMatrixExponential.Exp(a, k, m * h);
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    g[(i * k) + j] += weight * e[((k - 1) * k) + i] * e[((k - 1) * k) + j];
                }
            }
        }

        return g;
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(2.5)]
    [InlineData(40)]
    public void The_gramian_is_the_integral_of_the_outer_product_of_the_last_row_of_the_exponential(double t)
    {
        // An upper Hessenberg matrix like a Krylov projection: a generator's projection, with no symmetry. At t = 0.1 its
        // 1-norm is below 1/2 (no doubling), at 0.3 just above (one); at 2.5 and 40 the Taylor part is doubled 4 and 8 times.
        double[] a = [-1.5, 0.4, 0.1, 0.9, -0.8, 0.3, 0, 0.6, -0.4];

        var (exponential, gramian) = SmallMatrixExponential.ExpWithGramian(a, 3, t);
        var expected = SimpsonGramian(a, 3, t, 20_000);

        exponential.Should().Equal(SmallMatrixExponential.Exp(a, 3, t), (x, y) => Math.Abs(x - y) <= 1e-13);
        var scale = expected.Max(Math.Abs);
        gramian.Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-9 * scale);
        for (var i = 0; i < 3; i++)
        {
            gramian[(i * 3) + i].Should().BeGreaterThan(0, "every entry of the last row is non-zero somewhere in the interval");
        }
    }

    [Fact]
    public void A_four_by_four_gramian_is_exactly_symmetric_and_is_the_integral()
    {
        // Four rows, so that a transposed index that happens to coincide in 3 x 3 ((1, 2) and (2, 1) of a row-major 3 x 3
        // are 5 and 7, while j k - i = 5 too) does not; doubled 5 times.
        double[] a = [-1.1, 0.3, 0.2, 0.05, 0.7, -0.9, 0.4, 0.1, 0, 0.6, -0.8, 0.3, 0, 0, 0.5, -0.45];
        const double t = 6;

        var (_, gramian) = SmallMatrixExponential.ExpWithGramian(a, 4, t);
        var expected = SimpsonGramian(a, 4, t, 20_000);

        var scale = expected.Max(Math.Abs);
        gramian.Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-9 * scale);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                gramian[(i * 4) + j].Should().Be(gramian[(j * 4) + i], "the Gramian is returned symmetrised, entry ({0}, {1})", i, j);
            }
        }
    }

    [Fact]
    public void The_quadratic_form_of_the_gramian_is_the_integral_of_the_squared_last_entry_of_exp_u_a_times_x()
    {
        // Two states: exp(u Q) is known in closed form, so the integral of (e_2^T exp(u Q) x)^2 is too.
        const double a = 3, b = 0.25, t = 1.7;
        double[] q = [-a, a, b, -b];
        double[] x = [0.8, -0.3];

        // e_2^T exp(u Q) = ((b - b e) , (a + b e)) / (a + b), e = exp(-(a + b) u): phi(u) = c0 + c1 e.
        var c0 = ((b * x[0]) + (a * x[1])) / (a + b);
        var c1 = ((-b * x[0]) + (b * x[1])) / (a + b);
        var r = a + b;
        var integral = (c0 * c0 * t) + (2 * c0 * c1 * (1 - Math.Exp(-r * t)) / r) + (c1 * c1 * (1 - Math.Exp(-2 * r * t)) / (2 * r));

        var (_, gramian) = SmallMatrixExponential.ExpWithGramian(q, 2, t);

        SmallMatrixExponential.QuadraticForm(gramian, x, 2).Should().BeApproximately(integral, 1e-13 * integral);
    }

    [Fact]
    public void The_quadratic_form_reads_every_row_against_the_vector()
    {
        // Not symmetric, so that a row read against the wrong entries of x shows: x^T G x = 1*1*2 + 1*(-3)*5 + ... summed.
        double[] g = [2, 5, -1, 4];
        double[] x = [1, -3];

        SmallMatrixExponential.QuadraticForm(g, x, 2).Should().Be((1 * ((2 * 1) + (5 * -3))) + (-3 * ((-1 * 1) + (4 * -3))));
    }

    [Fact]
    public void A_zero_length_interval_has_a_zero_gramian_and_the_identity_as_exponential()
    {
        double[] a = [-1.5, 0.4, 0.9, -0.8];

        var (exponential, gramian) = SmallMatrixExponential.ExpWithGramian(a, 2, 0);

        exponential.Should().Equal(1, 0, 0, 1);
        gramian.Should().OnlyContain(v => v == 0);
    }
}
