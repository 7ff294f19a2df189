using System.Globalization;
using System.Collections.Immutable;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Dynamics;

/// <summary>
/// High path dependence for long training times: the same distributions as
/// <see cref="Transient.Compute"/>, <c>p(tau) = p0 exp(Q tau)</c> from the start configuration, with a
/// 1-norm error bound, by Krylov (Arnoldi) steps on the part of the chain that carries probability.
/// <para>
/// <b>Method.</b> Each step builds an orthonormal basis <c>V</c> of the Krylov space of <c>Q^T</c>
/// from the current distribution <c>y</c> (at most <see cref="BasisSize"/> vectors, <c>||y||_2 = beta</c>),
/// with <c>Q^T V = V H + w e_k^T</c>, and moves to <c>beta V exp(h H) e_1</c> for the longest step
/// <c>h</c> that keeps the step's error bound within its share of the tolerance. Negative entries are
/// set to 0. Before each step, probabilities too small to matter are dropped, the smallest first, and
/// the basis is built only on the configurations within <see cref="BasisSize"/> moves of the rest:
/// every basis vector vanishes outside them. Requested times that fall inside a step are read from
/// the same basis, so one pass serves them all.
/// </para>
/// <para>
/// <b>Error bound.</b> <c>exp(t Q)</c> is a stochastic matrix (non-negative, rows summing to 1), so
/// in the 1-norm an error made at one time never grows later, and the error at a time is at most the
/// sum of the errors made before it. No equilibrium weight enters, so nothing underflows. The terms:
/// (1) each step's projection error, at most <c>beta ||w||_1</c> times the integral over the step of
/// <c>|e_k^T exp(s H) e_1|</c> (the defect of the Krylov approximation as a solution of
/// <c>u' = Q^T u</c>), kept within <c>tolerance * h / (2 tau_max)</c>; (2) the probability dropped,
/// whose evolution can never weigh more than it, kept within <c>tolerance * t / (2 tau_max)</c> at
/// time <c>t</c>; (3) setting negative entries to 0, which can only reduce the error, the exact
/// probabilities being non-negative. (1) and (2) make every bound at most the chain's
/// <see cref="DynamicsSettings.Tolerance"/> in exact arithmetic. The integral is an upper sum over 32
/// or more panels, each counted at its larger end value (exact when <c>|e_k^T exp(s H) e_1|</c> is
/// monotone within a panel). (4) Floating-point rounding is estimated, not bounded, and added: unit
/// roundoff times <c>2^s + k</c> times <c>sum |c_a| ||v_a||_1</c> per step, where <c>s</c> is the number
/// of squarings of the small exponential; over a run it is of order unit roundoff times
/// <c>tau * max exit rate</c>, like the rounding of uniformization (which its bound leaves out).
/// </para>
/// <para>
/// <b>Why not Chebyshev or a symmetrised Lanczos.</b> Detailed balance makes <c>Q</c> similar to a
/// symmetric matrix, <c>D^1/2 Q D^-1/2</c> with <c>D = diag(pi)</c>, so its eigenvalues are real, in
/// <c>[-2 max exit, 0]</c>. But with realistic data sizes the equilibrium weights of neighbouring
/// configurations differ by factors like <c>2^(10^8)</c>: anything computed in the symmetric frame
/// loses every digit when mapped back, and the start's weight underflows. The unsymmetrised Chebyshev
/// series of <c>exp(tau Q)</c> on that interval needs no <c>pi</c> and converges in exact arithmetic,
/// but training is an almost one-way flow, <c>Q</c> is then far from normal, and the Chebyshev vectors
/// <c>p0 T_k(I + Q / max exit)</c> grow like <c>(1 + sqrt 2)^k</c> before cancelling: on the default
/// scenario at goal resolution 32 their 1-norms reach 1e38 by <c>tau * max exit = 100</c> and 1e185
/// by 1000, where the sum is wrong by millions. No polynomial method can beat the distance probability has to travel either: the
/// gain over uniformization comes from degrees that follow that distance rather than
/// <c>tau * Lambda</c>, from long steps once the distribution has settled, and above all from working
/// only where the probability is.
/// </para>
/// <para>
/// <b>Cost.</b> Each step makes at most <see cref="BasisSize"/> products and about
/// <c>BasisSize^2</c> vector operations over the region. Memory: the generator, a few vectors over
/// every configuration, and <c>BasisSize + 1</c> vectors over the largest region (at most every
/// configuration): linear in the number of configurations. Single-threaded and deterministic.
/// </para>
/// </summary>
public static class KrylovTransient
{
    /// <summary>The largest dimension of a Krylov basis: products per step, at most.</summary>
    public const int BasisSize = 30;

    /// <summary>Computes the distributions at the given training times, in one pass.</summary>
    /// <param name="space">The chain; its <see cref="DynamicsSettings.Tolerance"/> bounds the 1-norm error (1e-15 to 1e-2).</param>
    /// <param name="times">Training times, in units of inverse base rate: finite, at least 0, in any order.</param>
    /// <param name="progress">Receives the fraction of the largest time reached (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the computation between products.</param>
    /// <param name="initial">The distribution at time 0 (sums to 1, one entry per configuration); null for all mass on <see cref="ConfigurationSpace.Start"/>.</param>
    /// <returns>
    /// The distributions, in the order of <paramref name="times"/>; <see cref="TransientResult.ErrorBounds"/>
    /// as described in the class remarks; <see cref="TransientResult.UniformizationRate"/> is the
    /// largest exit rate (the spectrum of <c>Q</c> lies in <c>[-2</c> times it<c>, 0]</c>);
    /// <see cref="TransientResult.Products"/> counts the matrix-vector products over regions.
    /// </returns>
    /// <exception cref="ModelException">A time is invalid, or the tolerance cannot be met within <see cref="Transient.MaxProducts"/> products.</exception>
    public static TransientResult Compute(ConfigurationSpace space, IReadOnlyList<double> times, IProgress<double>? progress = null, CancellationToken cancellation = default, double[]? initial = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(times);
        TransientInputs.CheckTimes(times);
        TransientInputs.CheckInitial(space, initial);

        return Compute(space.BuildGenerator(), space.Start, times, space.Settings.Tolerance, BasisSize, prune: true, progress, cancellation, initial);
    }

    /// <summary>The method on a generator; <paramref name="prune"/> false keeps every probability (for measurements).</summary>
    internal static TransientResult Compute(Generator generator, int start, IReadOnlyList<double> times, double tolerance, int basisSize, bool prune, IProgress<double>? progress, CancellationToken cancellation, double[]? initial = null)
    {
        TransientInputs.CheckTimes(times);
        var distributions = new double[times.Count][];
        var bounds = new double[times.Count];
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToArray();
        var maxTime = times.Count == 0 ? 0 : times.Max();
        var solver = new KrylovSolver(generator, basisSize, start, initial);
        var next = 0;
        while (next < order.Length && times[order[next]] == 0)
        {
            distributions[order[next++]] = solver.Snapshot();
        }

        var pruneShare = prune ? tolerance / 2 : 0;
        var rate = (tolerance - pruneShare) / Math.Max(maxTime, double.Epsilon);
        var smallest = maxTime * 1e-12;
        var time = 0.0;
        var error = 0.0;
        var dropped = 0.0;
        var guess = maxTime;
        var products = 0L;
        while (next < order.Length)
        {
            cancellation.ThrowIfCancellationRequested();
            dropped += solver.Prune((pruneShare * time / maxTime) - dropped);
            solver.BuildRegion();
            products += solver.Arnoldi(cancellation);
            if (products > Transient.MaxProducts)
            {
                throw new ModelException(
                    string.Create(CultureInfo.InvariantCulture, $"the Krylov transient needed more than {Transient.MaxProducts:N0} matrix-vector products to reach training time {SpecificationRules.Format(maxTime)} within tolerance {SpecificationRules.Format(tolerance)}: shorten dynamics.duration or raise dynamics.tolerance"),
                    null,
                    "dynamics.duration");
            }

            var k = solver.Dimension;
            var h = solver.Projection();
            var gamma = solver.Beta * solver.Residual1;
            var remaining = maxTime - time;
            var step = KrylovStep.Choose(h, k, gamma, rate, remaining, guess, smallest)
                ?? throw new ModelException(
                    $"the Krylov transient cannot keep its error within tolerance {SpecificationRules.Format(tolerance)} at training time {SpecificationRules.Format(time)}: raise dynamics.tolerance",
                    null,
                    "dynamics.tolerance");
            var end = step.Length == remaining ? maxTime : time + step.Length;
            while (next < order.Length && times[order[next]] <= end)
            {
                var s = times[order[next]] - time;
                var c = Coefficients(h, k, solver.Beta, s);
                distributions[order[next]] = solver.Combine(c);
                bounds[order[next]] = error + dropped + (gamma * step.IntegralUpTo(s)) + solver.RoundingEstimate(c, SmallMatrixExponential.Squarings(h, k, s));
                next++;
            }

            var coefficients = Coefficients(h, k, solver.Beta, step.Length);
            error += (gamma * step.Integral[^1]) + solver.RoundingEstimate(coefficients, SmallMatrixExponential.Squarings(h, k, step.Length));
            solver.Advance(coefficients);
            time = end;
            guess = step.Length;
            progress?.Report(Math.Min(1, time / maxTime));
        }

        progress?.Report(1);
        return new TransientResult(
            [.. times],
            distributions.Select(d => ImmutableArray.Create(d)).ToImmutableArray(),
            [.. bounds],
            generator.MaxExitRate,
            products,
            generator.NonZeros);
    }

    private static double[] Coefficients(double[] h, int k, double beta, double s)
    {
        var c = SmallMatrixExponential.ExpFirstColumn(h, k, s);
        for (var a = 0; a < k; a++)
        {
            c[a] *= beta;
        }

        return c;
    }
}
