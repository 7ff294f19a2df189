namespace PredictiveModels.Dynamics;

/// <summary>
/// The length of one Krylov time step and its error bound. With <c>Q^T V = V H + w e_k^T</c>, the
/// approximation <c>u(s) = beta V exp(s H) e_1</c> has defect <c>u' - Q^T u = -beta phi(s) w</c>, with
/// <c>phi(s) = e_k^T exp(s H) e_1</c>; because <c>exp(t Q)</c> is stochastic, its 1-norm error after
/// time <c>s</c> is at most <c>beta ||w||_1 I(s)</c>, <c>I(s) = integral from 0 to s of |phi|</c>.
/// <c>I</c> is bounded on a grid of panels: over a panel of width <c>d</c> starting at <c>a</c>, the integral of
/// <c>phi^2</c> is exactly <c>x^T G x</c> with <c>x = exp(a H) e_1</c> and <c>G</c> the Gramian of
/// <see cref="SmallMatrixExponential.ExpWithGramian"/>, and by Cauchy-Schwarz the integral of <c>|phi|</c> is
/// at most <c>sqrt(d x^T G x)</c>, whatever <c>phi</c> does inside the panel. (Counting each panel at its
/// larger end value, as was done before, misses a bump of <c>|phi|</c> inside a wide panel; see
/// <see cref="KrylovTransient"/>.)
/// </summary>
/// <param name="Length">The step, in units of training time, greater than 0.</param>
/// <param name="Panel">Width of the grid's panels.</param>
/// <param name="Integral">Upper sums of <c>I</c> at the grid points <c>0, Panel, 2 Panel, ...</c>, up to <paramref name="Length"/>.</param>
internal sealed record KrylovStep(double Length, double Panel, double[] Integral)
{
    /// <summary>Panels per trial step; the grid may extend to four trial steps.</summary>
    public const int Panels = 32;

    /// <summary>An upper sum of <c>I(s)</c> for <c>0 &lt;= s &lt;= Length</c>.</summary>
    public double IntegralUpTo(double s)
    {
        if (Panel <= 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling((s / Panel) - 1e-9);
        return Integral[Math.Clamp(index, 0, Integral.Length - 1)];
    }

    /// <summary>
    /// The longest step, up to <paramref name="remaining"/>, whose bound <c>gamma I(s)</c> stays within
    /// <paramref name="rate"/> times <c>s</c>: the error allowed per unit of training time.
    /// </summary>
    /// <param name="h">The projected matrix, row-major, <paramref name="k"/> squared entries.</param>
    /// <param name="k">The dimension of the basis, at least 1.</param>
    /// <param name="gamma"><c>beta ||w||_1</c>; 0 when the Krylov space is invariant.</param>
    /// <param name="rate">The error allowed per unit of training time, greater than 0.</param>
    /// <param name="remaining">Training time left, greater than 0.</param>
    /// <param name="guess">The trial step: the previous step, or the whole time at first.</param>
    /// <returns>The step, or null when no step longer than <paramref name="smallest"/> meets the rate.</returns>
    /// <param name="smallest">The shortest step worth taking.</param>
    public static KrylovStep? Choose(double[] h, int k, double gamma, double rate, double remaining, double guess, double smallest)
    {
        if (gamma == 0)
        {
            return new KrylovStep(remaining, 0, [0]);
        }

        var trial = Math.Min(remaining, guess);
        var refined = false;
        while (trial > smallest)
        {
            // Grid up to four trial steps (or the end), landing exactly on its last point.
            var horizon = Math.Min(remaining, 4 * trial);
            var points = Math.Max(1, (int)Math.Ceiling(Panels * horizon / trial - 1e-9));
            var panel = horizon / points;
            var (step, gramian) = SmallMatrixExponential.ExpWithGramian(h, k, panel);
            var x = new double[k];
            var next = new double[k];
            x[0] = 1;
            var integral = new double[points + 1];
            var accepted = 0;
            for (var i = 1; i <= points; i++)
            {
                // x = exp((i - 1) panel H) e_1; the panel's integral of phi^2 is x^T G x exactly, and by
                // Cauchy-Schwarz the integral of |phi| over it is at most sqrt(panel) times its root.
                var squares = Math.Max(0, SmallMatrixExponential.QuadraticForm(gramian, x, k));
                integral[i] = integral[i - 1] + Math.Sqrt(panel * squares);
                if (!(gamma * integral[i] <= rate * panel * i))
                {
                    break;
                }

                accepted = i;
                SmallMatrixExponential.MultiplyVector(step, x, next, k);
                (x, next) = (next, x);
            }

            if (accepted == 0)
            {
                trial = panel / 16;
                continue;
            }

            if (accepted < Panels / 4 && !refined && accepted < points)
            {
                // Too coarse a grid to place the step well: once more on a grid of the accepted length.
                trial = (accepted + 1) * panel;
                refined = true;
                continue;
            }

            var length = accepted == points ? horizon : accepted * panel;
            return new KrylovStep(length, panel, integral[..(accepted + 1)]);
        }

        return null;
    }
}
