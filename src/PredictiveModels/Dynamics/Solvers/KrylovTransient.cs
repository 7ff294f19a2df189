using System.Globalization;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
/// <c>|phi(s)|</c>, <c>phi(s) = e_k^T exp(s H) e_1</c> (the defect of the Krylov approximation as a
/// solution of <c>u' = Q^T u</c>), kept within <c>tolerance * h / (4 tau_max)</c>; (2) the probability
/// dropped, whose evolution can never weigh more than it, kept within <c>tolerance * t / (4 tau_max)</c>
/// at time <c>t</c>; (3) setting negative entries to 0, which can only reduce the error, the exact
/// probabilities being non-negative; (4) scaling each reported distribution to the total probability
/// it must have (1 from the start configuration), which moves it by exactly its distance from that
/// total, at most (1) + (2) + (5) since the exact distribution has that total. (1), (2) and (4) make
/// every bound at most the chain's <see cref="Scenarios.DynamicsSettings.Tolerance"/> in exact arithmetic.
/// The integral is bounded panel by panel with no assumption on the shape of <c>phi</c>: over a panel
/// of width <c>d</c> from <c>a</c>, the integral of <c>phi^2</c> is <c>x^T G x</c> exactly, with
/// <c>x = exp(a H) e_1</c> and <c>G</c> the Gramian <c>integral over [0, d] of exp(u H^T) e_k e_k^T exp(u H)</c>
/// (<see cref="SmallMatrixExponential.ExpWithGramian"/>), and by Cauchy-Schwarz the integral of
/// <c>|phi|</c> is at most <c>sqrt(d x^T G x)</c>. (5) Floating-point rounding is estimated, not bounded,
/// and added: twice the unit roundoff times <c>2^s + k</c> times <c>||c||_2 sqrt(sum_a ||v_a||_1^2)</c> per
/// step (<see cref="KrylovSolver.RoundingEstimate"/>), where <c>s</c> is the number of squarings of the
/// small exponential. Over a run it grows like unit roundoff times <c>tau * max exit rate</c>, like the
/// rounding of uniformization (which its bound leaves out): measured on the default chain at goal
/// resolution 64, 2 world steps and temperature 4, about 3e-10 at <c>tau * max exit rate = 10^6</c> and 4e-8 at
/// <c>10^8</c>, so there the bound, not the tolerance, says how far to believe the result. The
/// projected matrix is corrected so that rounding in the Arnoldi relation does not make probability
/// drift (<see cref="KrylovSolver.Projection"/>).
/// </para>
/// <para>
/// <b>An independent check.</b> The exact step conserves probability, and the sum of the entries of
/// the Krylov approximation is known from the sums of the basis vectors in <c>k</c> operations; its
/// change over a step is a lower bound on the step's 1-norm error that does not rest on the bound
/// above. A step whose loss of probability exceeds its bound is taken again four times shorter, up to
/// six times, and every reported distribution's distance from its total probability is checked against
/// its bound. When a check still fails, or no step meets the tolerance, the Krylov steps are abandoned
/// and the distributions are computed by uniformization (<see cref="Transient"/>) if that fits within
/// <see cref="Transient.MaxProducts"/> products (<see cref="TransientResult.Fallback"/> says why);
/// otherwise the computation fails. A wrong distribution is never returned with a bound it breaks.
/// </para>
/// <para>
/// <b>The fault this replaced.</b> The integral used to be an upper sum over 32 panels, each counted
/// at its larger end value, which is a bound only when <c>|phi|</c> is monotone within a panel. It is
/// not: <c>phi</c> rises like <c>s^(k-1)</c>, peaks, and decays with the Ritz values of <c>H</c>. On the
/// minimal sample at duration 10^4 the first trial step was the whole duration, its panels 312 time
/// units wide, while <c>|phi|</c> peaked near 10^-3 around <c>s = 10</c> and was about 10^-27 at the
/// panel ends: the whole duration was accepted as one step with a bound of 10^-26, and
/// <c>exp(10^4 H) e_1</c>, which decays because <c>H</c> is not a generator, set every probability to 0.
/// The Gramian bound cannot miss such a bump, and the mass check would have caught it.
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
/// configuration): linear in the number of configurations. Passes over large regions are split among
/// the cores in fixed chunks, and every sum over a region adds its chunks' partial sums in chunk
/// order, so the results are the same bit for bit whatever the number of threads
/// (<see cref="KrylovSolver"/>).
/// </para>
/// </summary>
public static class KrylovTransient
{
    /// <summary>The largest dimension of a Krylov basis: products per step, at most.</summary>
    public const int BasisSize = 30;

    /// <summary>Computes the distributions at the given training times, in one pass.</summary>
    /// <param name="space">The chain; its <see cref="Scenarios.DynamicsSettings.Tolerance"/> bounds the 1-norm error (1e-15 to 1e-2).</param>
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
    /// <exception cref="ModelException">A time is invalid.</exception>
    /// <exception cref="SolverException">
    /// The Krylov steps failed (see the class remarks) and uniformization would need more than
    /// <see cref="Transient.MaxProducts"/> products; a result is never returned with a bound it breaks.
    /// </exception>
    public static TransientResult Compute(ConfigurationSpace space, IReadOnlyList<double> times, IProgress<double>? progress = null, CancellationToken cancellation = default, double[]? initial = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(times);
        TransientInputs.CheckTimes(times);
        TransientInputs.CheckInitial(space, initial);

        return Compute(space.BuildGenerator(), space.Start, times, space.Settings.Tolerance, BasisSize, prune: true, progress, cancellation, initial);
    }

    /// <summary>
    /// The method on a generator; <paramref name="prune"/> false keeps every probability (for measurements).
    /// When the Krylov steps fail their mass check even with shorter steps, or cannot meet the tolerance,
    /// the distributions are computed by uniformization instead if that fits within
    /// <see cref="Transient.MaxProducts"/> products (<see cref="TransientResult.Fallback"/> says why);
    /// otherwise the computation fails.
    /// <para>
    /// With <paramref name="observe"/>, each time's distribution, as it will be reported, is passed to it with the index of
    /// its time, and the result keeps only those for which it returns true (the others are left empty): a caller that
    /// needs a few numbers from most of the distributions does not hold them all at once (at 1.56 x 10^7 configurations
    /// each is 125 MB). When the Krylov steps fail and uniformization takes over, the times are observed again; the last
    /// call for a time stands.
    /// </para>
    /// </summary>
    internal static TransientResult Compute(Generator generator, int start, IReadOnlyList<double> times, double tolerance, int basisSize, bool prune, IProgress<double>? progress, CancellationToken cancellation, double[]? initial = null, Func<int, double[], bool>? observe = null)
    {
        TransientInputs.CheckTimes(times);
        var attempt = TryKrylov(generator, start, times, tolerance, basisSize, prune, progress, cancellation, initial, observe);
        if (attempt.Result is { } result)
        {
            return result;
        }

        var maxTime = times.Count == 0 ? 0 : times.Max();
        var needed = Transient.ProductsNeeded(generator, maxTime, tolerance);
        if (needed > Transient.MaxProducts)
        {
            throw new SolverException(
                "Krylov transient",
                string.Create(CultureInfo.InvariantCulture, $"the Krylov steps failed ({attempt.Failure}) after {attempt.Products:N0} matrix-vector products, and uniformization would need about {needed:N0} (at most {Transient.MaxProducts:N0} are allowed) to reach training time {SpecificationRules.Format(maxTime)} within tolerance {SpecificationRules.Format(tolerance)}"),
                [new("products", attempt.Products), new("uniformizationProducts", needed), new("time", maxTime), new("tolerance", tolerance)],
                "shorten dynamics.duration or raise dynamics.tolerance",
                "dynamics.duration");
        }

        var uniformization = Transient.OnGenerator(generator, start, times, tolerance, progress, cancellation, initial);
        var mass = InitialMass(generator.Count, start, initial);
        var distributions = new ImmutableArray<double>[times.Count];
        var bounds = new double[times.Count];
        for (var t = 0; t < times.Count; t++)
        {
            var d = uniformization.Distributions[t].ToArray();
            bounds[t] = Normalize(d, mass, uniformization.ErrorBounds[t]);
            distributions[t] = Kept(observe, t, d);
        }

        return uniformization with
        {
            Distributions = [.. distributions],
            ErrorBounds = [.. bounds],
            Products = uniformization.Products + attempt.Products,
            Fallback = attempt.Failure,
        };
    }

    /// <summary>The Krylov steps; a failure is returned with its reason, never as a result.</summary>
    internal static (TransientResult? Result, string Failure, long Products) TryKrylov(Generator generator, int start, IReadOnlyList<double> times, double tolerance, int basisSize, bool prune, IProgress<double>? progress, CancellationToken cancellation, double[]? initial, Func<int, double[], bool>? observe = null)
    {
        var distributions = new ImmutableArray<double>[times.Count];
        var bounds = new double[times.Count];
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToArray();
        var maxTime = times.Count == 0 ? 0 : times.Max();
        var solver = new KrylovSolver(generator, basisSize, start, initial);
        var mass = InitialMass(generator.Count, start, initial);
        var next = 0;
        while (next < order.Length && times[order[next]] == 0)
        {
            distributions[order[next]] = Kept(observe, order[next], solver.Snapshot());
            next++;
        }

        // Half the tolerance for the steps and the dropped probability together; the renormalisation
        // of each reported distribution adds at most as much again (see Normalize).
        var pruneShare = prune ? tolerance / 4 : 0;
        var rate = ((tolerance / 2) - pruneShare) / Math.Max(maxTime, double.Epsilon);
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
                return (null, string.Create(CultureInfo.InvariantCulture, $"more than {Transient.MaxProducts:N0} matrix-vector products by training time {SpecificationRules.Format(time)}"), products);
            }

            var k = solver.Dimension;
            if (k == 0)
            {
                return (null, $"no probability left to evolve at training time {SpecificationRules.Format(time)}", products);
            }

            var h = solver.Projection();
            var gamma = solver.Beta * solver.Residual1;
            var remaining = maxTime - time;

            // The step's bound must cover its loss of probability, which the basis gives exactly: if it
            // does not, the bound is false (rounding beyond the estimate), and a shorter step is tried.
            var cap = remaining;
            KrylovStep? step = null;
            double[] coefficients = [];
            var stepBound = 0.0;
            for (var retry = 0; ; retry++)
            {
                step = KrylovStep.Choose(h, k, gamma, rate, cap, Math.Min(guess, cap), smallest);
                if (step is null)
                {
                    return (null, $"no step longer than {SpecificationRules.Format(smallest)} keeps the error within tolerance {SpecificationRules.Format(tolerance)} at training time {SpecificationRules.Format(time)}", products);
                }

                coefficients = Coefficients(h, k, solver.Beta, step.Length);
                stepBound = (gamma * step.Integral[^1]) + solver.RoundingEstimate(coefficients, SmallMatrixExponential.Squarings(h, k, step.Length));
                var defect = Math.Abs(solver.Mass(coefficients) - solver.StartMass);
                if (defect <= stepBound)
                {
                    break;
                }

                if (retry == MassCheckRetries)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture, $"a step's loss of probability ({SpecificationRules.Format(defect)}) exceeded its error bound ({SpecificationRules.Format(stepBound)}) at training time {SpecificationRules.Format(time)}, even {1 << (2 * MassCheckRetries):N0} times shorter"), products);
                }

                cap = step.Length / 4;
            }

            var end = step.Length == remaining ? maxTime : time + step.Length;
            while (next < order.Length && times[order[next]] <= end)
            {
                var s = times[order[next]] - time;
                var c = s == step.Length ? coefficients : Coefficients(h, k, solver.Beta, s);
                var distribution = solver.Combine(c);
                var bound = error + dropped + (gamma * step.IntegralUpTo(s)) + solver.RoundingEstimate(c, SmallMatrixExponential.Squarings(h, k, s));
                var sum = KrylovSolver.Sum(distribution);
                if (!(Math.Abs(sum - mass) <= bound))
                {
                    return (null, $"the distribution at training time {SpecificationRules.Format(times[order[next]])} sums to {SpecificationRules.Format(sum)}, further from {SpecificationRules.Format(mass)} than its error bound {SpecificationRules.Format(bound)}", products);
                }

                bounds[order[next]] = Normalize(distribution, mass, bound);
                distributions[order[next]] = Kept(observe, order[next], distribution);
                next++;
            }

            error += stepBound;
            solver.Advance(coefficients);
            time = end;
            guess = step.Length;
            progress?.Report(Math.Min(1, time / maxTime));
        }

        progress?.Report(1);

        // Each distribution is a fresh array that nothing else holds or changes from here on, so it is handed over as it
        // is: copying them cost a second set of vectors over every configuration (0.6 GB and 1.7 s at 1.6 x 10^7).
        var result = new TransientResult(
            [.. times],
            [.. distributions],
            [.. bounds],
            generator.MaxExitRate,
            products,
            generator.NonZeros);
        return (result, "", products);
    }

    /// <summary>The distribution at time <paramref name="index"/> as the result holds it: itself, or empty when <paramref name="observe"/> has taken what it needs and does not keep it.</summary>
    private static ImmutableArray<double> Kept(Func<int, double[], bool>? observe, int index, double[] distribution) =>
        observe is null || observe(index, distribution) ? ImmutableCollectionsMarshal.AsImmutableArray(distribution) : [];

    /// <summary>How many times a step that fails its mass check is shortened (four times each) before the Krylov steps give up.</summary>
    private const int MassCheckRetries = 6;

    /// <summary>The total probability at time 0: 1 from the start configuration, else the initial distribution's sum.</summary>
    private static double InitialMass(int count, int start, double[]? initial) =>
        initial is null ? (start >= 0 && start < count ? 1 : 0) : KrylovSolver.Sum(initial);

    /// <summary>
    /// Scales a distribution (non-negative) to the total probability <paramref name="mass"/> it should
    /// have; returns its error bound, which grows by the change, <c>|sum - mass|</c> in the 1-norm.
    /// </summary>
    private static double Normalize(double[] distribution, double mass, double bound)
    {
        var sum = KrylovSolver.Sum(distribution);
        if (sum <= 0)
        {
            return bound;
        }

        var factor = mass / sum;
        for (var i = 0; i < distribution.Length; i++)
        {
            distribution[i] *= factor;
        }

        return bound + Math.Abs(sum - mass);
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
