using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The relaxation time of a phase's chain, <c>1 / gap</c>, where the spectral gap is minus the largest non-zero
/// eigenvalue of the generator <c>Q</c>: after a few relaxation times the distribution is close to equilibrium
/// whatever the start (in the <c>pi</c>-weighted 2-norm, the distance shrinks at least like <c>exp(-t / relaxation time)</c>).
/// <para>
/// <b>Symmetric frame, without <c>pi</c>.</b> Detailed balance makes <c>S = D^1/2 Q D^-1/2</c> (<c>D = diag(pi)</c>)
/// symmetric with the eigenvalues of <c>Q</c>. Its entries need no equilibrium weight: off the diagonal
/// <c>S_ij = sqrt(q_ij q_ji) = rho / (2^(d/2) + 2^(-d/2))</c> with <c>d = (E_j - E_i) / T</c>, and on it minus the exit
/// rate, so nothing underflows however far apart the energies. The eigenvalue 0 has the eigenvector <c>sqrt(pi)</c>,
/// computed as <c>2^(-(E - E_min) / 2T)</c>, normalised (entries below the smallest double are 0, an error below
/// <c>1e-300</c>), and projected out. Nothing is mapped back from the symmetric frame, which is what makes it unsafe
/// for the transient (see <see cref="KrylovTransient"/>): only eigenvalues are read.
/// </para>
/// <para>
/// <b>Lanczos.</b> From a fixed pseudo-random start vector (SplitMix64, seed <see cref="Seed"/>) orthogonal to
/// <c>sqrt(pi)</c>, at most <see cref="MaxIterations"/> Lanczos steps with full reorthogonalisation (twice, against
/// <c>sqrt(pi)</c> and every earlier vector) build the tridiagonal <c>T</c>; its largest eigenvalue <c>theta</c> is a
/// Rayleigh quotient of <c>S</c> on the complement of <c>sqrt(pi)</c>, so <c>theta &lt;= lambda_2</c> and
/// <c>1 / -theta</c> is a <b>lower bound</b> on the relaxation time in exact arithmetic. Rounding is estimated as
/// <c>iterations x unit roundoff x G</c> (<c>G</c>, the Gershgorin bound on <c>||S||_2</c>) and subtracted:
/// <c>1 / (rounding - theta)</c>. The Ritz residual <c>r = beta_k |s_k|</c> puts an eigenvalue in <c>[theta - r, theta + r]</c>;
/// when that eigenvalue is <c>lambda_2</c>, <c>lambda_2 in [theta, theta + r]</c> and the relaxation time is at most
/// <c>1 / -(theta + r + rounding)</c>. That upper end assumes the start vector is not (nearly) orthogonal to
/// <c>lambda_2</c>'s eigenvector, which a pseudo-random start makes unlikely but cannot exclude; the lower end assumes nothing.
/// Each step subtracts the three-term recurrence and then reorthogonalises once more against every vector, a second
/// time when that pass removed more than 30% of the norm. The iteration stops once the two ends agree to
/// <see cref="RelativeAccuracy"/>, or once <c>theta</c> is within <see cref="UnresolvedFactor"/> rounding estimates of 0
/// (more steps only raise <c>theta</c>, so no bound can improve), and the figure counts as an estimate when they agree to
/// <see cref="ReportedAccuracy"/>.
/// </para>
/// <para>
/// <b>Bottleneck bound.</b> A metastable chain (a goal completed in one branch is abandoned only over a barrier
/// of many bits) has a gap far below anything Lanczos resolves in a few dozen steps: the spectrum spans
/// <c>[-2 max exit, 0]</c> and a Ritz value separates from its neighbours only at distances of about
/// <c>max exit / iterations^2</c>. For any set <c>A</c> of configurations, the Rayleigh quotient of the vector
/// <c>sqrt(pi) (1_A - pi(A))</c> gives <c>gap &lt;= flow(A, not A) / (pi(A) pi(not A))</c> with
/// <c>flow(A, not A) = sum over moves i in A -> j not in A of pi_i q_ij</c>. Every term is summed in log space
/// (<c>pi</c> from the energies, <c>q</c> from the heat-bath formula), so the bound holds however small the
/// weights. The sets tried are each branch, each outcome class and the upper level sets of the Ritz vector (its sign
/// pattern picks out the configurations that exchange probability slowly with the rest); the largest bound is kept.
/// The reported lower bound is the larger of this and the Lanczos bound; a Ritz value within
/// <see cref="UnresolvedFactor"/> rounding estimates of 0 gives no Lanczos bound (it would be the reciprocal of the estimate).
/// </para>
/// <para>
/// A phase with oversight resets has moves without reverse: <c>Q</c> is not similar to a symmetric matrix, its
/// eigenvalues can be complex, and the gap no longer bounds how fast the distance to equilibrium falls, so no
/// relaxation time is reported (the phase's <see cref="PhaseResult.Reachability"/> still says when the transient gets close).
/// </para>
/// <para>
/// <b>Cost.</b> One product with <c>S</c> and one or two passes of reorthogonalisation per iteration; memory for
/// the Lanczos vectors, at most <see cref="MaxStoredEntries"/> doubles. Single-threaded and deterministic.
/// </para>
/// </summary>
public static class Relaxation
{
    /// <summary>The largest number of Lanczos iterations (products with the symmetrised generator).</summary>
    public const int MaxIterations = 120;

    /// <summary>The largest number of doubles the Lanczos vectors may hold together (160 MB).</summary>
    public const long MaxStoredEntries = 20_000_000;

    /// <summary>The relative width of the Lanczos interval at which the iteration stops.</summary>
    public const double RelativeAccuracy = 1e-6;

    /// <summary>The relative width <c>(upper - lower) / lower</c> within which the Lanczos interval is reported as an estimate rather than a lower bound.</summary>
    public const double ReportedAccuracy = 0.01;

    /// <summary>The seed of the start vector.</summary>
    public const ulong Seed = 0x5EED_0F_1A_2C_05UL;

    /// <summary>Computes the relaxation time of a phase's chain.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="cancellation">Stops the iteration between products.</param>
    /// <returns>The result; <see cref="RelaxationResult.Problem"/> says why it is empty for a phase with resets.</returns>
    public static RelaxationResult Compute(ConfigurationSpace space, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Compute(space, MaxIterations, cancellation);
    }

    /// <summary>As <see cref="Compute(ConfigurationSpace, CancellationToken)"/>, with at most <paramref name="maxIterations"/> iterations (tests use fewer).</summary>
    internal static RelaxationResult Compute(ConfigurationSpace space, int maxIterations, CancellationToken cancellation)
    {
        if (space.Phase.OversightDetectionRate > 0)
        {
            return RelaxationResult.NotComputed("oversight resets make the chain irreversible (a reset has no reverse move), so its generator has no symmetric form and its spectral gap does not bound the approach to equilibrium");
        }

        var n = space.Count;
        if (n < 2)
        {
            return RelaxationResult.NotComputed("the chain has a single configuration");
        }

        var s = Symmetrised.Build(space);
        var ground = s.GroundState();
        var limit = (int)Math.Min(Math.Min(maxIterations, n - 1), MaxStoredEntries / n);
        // Once the slow mode's level sets bound the relaxation time beyond the reciprocal of the rounding estimate,
        // no Lanczos bound can exceed them and no interval can be resolved: more steps would learn nothing.
        var lanczos = Lanczos(s, ground, Math.Max(1, limit), (y, rounding) => RitzBottleneck(s, y).Log2 >= -Math.Log2(rounding), cancellation);
        var rounding = lanczos.Iterations * UnitRoundoff * s.Gershgorin;
        var theta = lanczos.Theta;

        // A Ritz value within a few rounding estimates of 0 resolves nothing: its bound would be the estimate's reciprocal.
        var resolved = -theta > UnresolvedFactor * rounding;
        double? lanczosLower = resolved ? 1 / (rounding - theta) : null;
        var upper = resolved && theta + lanczos.Residual + rounding < 0 ? 1 / -(theta + lanczos.Residual + rounding) : double.PositiveInfinity;

        // Sets to try: each branch, each class, and the level sets of the Ritz vector (the slow mode's sign pattern
        // picks out the configurations that exchange probability slowly with the rest).
        var sets = new List<(int[] Label, int Count, Func<int, string> Name)>
        {
            ([.. Enumerable.Range(0, n).Select(i => space[i].Branch)], space.Branches.Length, b => "branch " + space.Branches[b].Label),
        };
        var classes = Enum.GetValues<Structures.OutcomeClass>();
        sets.Add(([.. Enumerable.Range(0, n).Select(i => space.ClassOf(i) is { } k ? (int)k : classes.Length)], classes.Length + 1, k => k < classes.Length ? "class " + classes[k] : "undecided"));
        var best = RitzBottleneck(s, lanczos.Vector);
        foreach (var (label, count, name) in sets)
        {
            cancellation.ThrowIfCancellationRequested();
            var (log2, a) = s.Bottleneck(label, count);
            if (log2 > best.Log2)
            {
                best = (log2, name(a));
            }
        }

        var log10Bottleneck = best.Log2 * Math.Log10(2);
        var log10Lower = Math.Max(lanczosLower is { } l ? Math.Log10(l) : double.NegativeInfinity, log10Bottleneck);
        var lower = Math.Pow(10, log10Lower);

        // The Lanczos interval is believed only if the bottleneck bound does not exceed its upper end: a larger bound
        // proves that the Ritz value converged to an eigenvalue below lambda_2.
        var converged = lanczosLower is { } ll && double.IsFinite(upper) && upper <= ll * (1 + ReportedAccuracy) && lower <= upper;
        return new RelaxationResult(
            converged ? 1 / -theta : lower,
            !converged,
            lower,
            log10Lower,
            converged ? upper : null,
            lanczosLower,
            double.IsFinite(log10Bottleneck) ? log10Bottleneck : null,
            double.IsFinite(log10Bottleneck) ? best.Name : null,
            theta,
            lanczos.Residual,
            rounding,
            lanczos.Iterations,
            null);
    }

    /// <summary>The best bottleneck bound (log2, training-time units) over the upper level sets of a Ritz vector, and the set's name.</summary>
    private static (double Log2, string Name) RitzBottleneck(Symmetrised s, double[] vector)
    {
        var best = (Log2: double.NegativeInfinity, Name: "none");
        var largest = vector.Max(Math.Abs);
        var label = new int[vector.Length];
        foreach (var level in RitzLevels)
        {
            var cut = level * largest;
            for (var i = 0; i < vector.Length; i++)
            {
                label[i] = vector[i] > cut ? 1 : 0;
            }

            var (log2, _) = s.Bottleneck(label, 2);
            if (log2 > best.Log2)
            {
                best = (log2, string.Create(CultureInfo.InvariantCulture, $"Ritz vector above {level:G2} x its largest entry"));
            }
        }

        return best;
    }

    /// <summary>A Ritz value closer to 0 than this many rounding estimates gives no Lanczos bound.</summary>
    public const double UnresolvedFactor = 10;

    private const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>The levels, in units of the Ritz vector's largest absolute entry, whose upper level sets are tried as bottlenecks.</summary>
    private static readonly double[] RitzLevels = [-0.5, -0.1, -0.01, -1e-4, 0, 1e-4, 0.01, 0.1, 0.5];

    private readonly record struct LanczosOutcome(double Theta, double Residual, int Iterations, double[] Vector);

    /// <summary>Lanczos with full reorthogonalisation on <paramref name="s"/> restricted to the complement of <paramref name="ground"/>.</summary>
    private static LanczosOutcome Lanczos(Symmetrised s, double[] ground, int limit, Func<double[], double, bool> enough, CancellationToken cancellation)
    {
        var n = ground.Length;
        var basis = new List<double[]>(limit);
        var alpha = new List<double>(limit);
        var beta = new List<double>(limit);
        var v = StartVector(n);
        Orthogonalise(v, ground, basis);
        Orthogonalise(v, ground, basis);
        Scale(v, 1 / Norm(v));
        var w = new double[n];
        for (var k = 0; ; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            basis.Add(v);
            s.Multiply(v, w);
            var a0 = Dot(v, w);
            alpha.Add(a0);

            // The three-term recurrence, then one pass against everything (a second only when the first removed much).
            Subtract(w, v, a0);
            if (k > 0)
            {
                Subtract(w, basis[k - 1], beta[k - 1]);
            }

            var before = Norm(w);
            Orthogonalise(w, ground, basis);
            var b = Norm(w);
            if (b < ReorthogonaliseBelow * before)
            {
                Orthogonalise(w, ground, basis);
                b = Norm(w);
            }

            beta.Add(b);
            var last = k == limit - 1 || b <= UnitRoundoff * s.Gershgorin;
            if (last || (k + 1) % CheckEvery == 0)
            {
                var (theta, residual, y) = Ritz(alpha, beta, k + 1);
                var rounding = (k + 1) * UnitRoundoff * s.Gershgorin;
                var upperGap = -(theta + residual + rounding);
                var settled = upperGap > 0 && (1 / upperGap) <= (1 / (rounding - theta)) * (1 + RelativeAccuracy);

                // theta only rises towards lambda_2 as the space grows: once it is within rounding of 0 no bound can improve.
                var vector = new double[n];
                for (var a = 0; a <= k; a++)
                {
                    Subtract(vector, basis[a], -y[a]);
                }

                if (last || settled || -theta <= UnresolvedFactor * rounding || enough(vector, rounding))
                {
                    return new LanczosOutcome(theta, residual, k + 1, vector);
                }
            }

            v = new double[n];
            for (var i = 0; i < n; i++)
            {
                v[i] = w[i] / b;
            }
        }
    }

    private const int CheckEvery = 10;

    /// <summary>The largest eigenvalue of the leading <paramref name="k"/> x <paramref name="k"/> tridiagonal, its residual <c>beta_k |s_k|</c> and its eigenvector <c>s</c>.</summary>
    private static (double Theta, double Residual, double[] Vector) Ritz(List<double> alpha, List<double> beta, int k)
    {
        var t = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k)
            {
                t[i, i + 1] = beta[i];
                t[i + 1, i] = beta[i];
            }
        }

        var evd = t.Evd(Symmetricity.Symmetric);
        var top = 0;
        for (var i = 1; i < k; i++)
        {
            if (evd.EigenValues[i].Real > evd.EigenValues[top].Real)
            {
                top = i;
            }
        }

        return (evd.EigenValues[top].Real, beta[k - 1] * Math.Abs(evd.EigenVectors[k - 1, top]), [.. evd.EigenVectors.Column(top)]);
    }

    /// <summary>The fraction of its norm a vector may lose in a reorthogonalisation pass before a second pass is made (Daniel, Gragg, Kaufman and Stewart's criterion).</summary>
    private const double ReorthogonaliseBelow = 0.7071;

    /// <summary>Removes the components along <paramref name="ground"/> and every basis vector (one pass of classical Gram-Schmidt).</summary>
    private static void Orthogonalise(double[] w, double[] ground, List<double[]> basis)
    {
        Subtract(w, ground, Dot(w, ground));
        foreach (var q in basis)
        {
            Subtract(w, q, Dot(w, q));
        }
    }

    /// <summary>Values in [-1, 1) from SplitMix64 with <see cref="Seed"/>: the same on every machine.</summary>
    private static double[] StartVector(int n)
    {
        var v = new double[n];
        var state = Seed;
        for (var i = 0; i < n; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            v[i] = ((z >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
        }

        return v;
    }

    /// <summary>The dot product, four lanes at a time (fixed width, so the sum is the same on every machine).</summary>
    private static double Dot(double[] a, double[] b)
    {
        ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
        ref var rb = ref MemoryMarshal.GetArrayDataReference(b);
        var acc = Vector256<double>.Zero;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            acc += Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
        }

        var sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Scale(double[] a, double factor)
    {
        for (var i = 0; i < a.Length; i++)
        {
            a[i] *= factor;
        }
    }

    /// <summary>w -= c q, four lanes at a time.</summary>
    private static void Subtract(double[] w, double[] q, double c)
    {
        if (c == 0)
        {
            return;
        }

        ref var rw = ref MemoryMarshal.GetArrayDataReference(w);
        ref var rq = ref MemoryMarshal.GetArrayDataReference(q);
        var factor = Vector256.Create(c);
        var i = 0;
        for (; i + 4 <= w.Length; i += 4)
        {
            (Vector256.LoadUnsafe(ref rw, (nuint)i) - (factor * Vector256.LoadUnsafe(ref rq, (nuint)i))).StoreUnsafe(ref rw, (nuint)i);
        }

        for (; i < w.Length; i++)
        {
            w[i] -= c * q[i];
        }
    }

    /// <summary>
    /// The symmetrised generator <c>S</c> in compressed rows, built from energies and base rates (no <c>pi</c>), with
    /// <c>log2 S_ij</c> beside each entry (finite where <c>S_ij</c> underflows) and <c>log2 pi</c>.
    /// </summary>
    internal sealed class Symmetrised(int[] rowStart, int[] columns, double[] values, double[] log2Values, double[] diagonal, double[] log2Pi)
    {
        /// <summary>A bound on <c>||S||_2</c>: the largest absolute row sum.</summary>
        public double Gershgorin { get; } = RowSumBound(rowStart, values, diagonal);

        /// <summary>The diagonal, minus each exit rate.</summary>
        public double[] Diagonal => diagonal;

        /// <summary>The entry <c>S_ij</c> (0 where there is no move), for tests.</summary>
        public double Entry(int i, int j)
        {
            if (i == j)
            {
                return diagonal[i];
            }

            var sum = 0.0;
            for (var e = rowStart[i]; e < rowStart[i + 1]; e++)
            {
                if (columns[e] == j)
                {
                    sum += values[e];
                }
            }

            return sum;
        }

        /// <summary>result = S x.</summary>
        public void Multiply(double[] x, double[] result)
        {
            for (var i = 0; i < diagonal.Length; i++)
            {
                var sum = diagonal[i] * x[i];
                for (var e = rowStart[i]; e < rowStart[i + 1]; e++)
                {
                    sum += values[e] * x[columns[e]];
                }

                result[i] = sum;
            }
        }

        /// <summary><c>sqrt(pi)</c>, the eigenvector of the eigenvalue 0, normalised in the 2-norm (underflowed entries 0).</summary>
        public double[] GroundState()
        {
            var u = new double[log2Pi.Length];
            for (var i = 0; i < u.Length; i++)
            {
                u[i] = double.Exp2(log2Pi[i] / 2);
            }

            Scale(u, 1 / Norm(u));
            return u;
        }

        /// <summary>
        /// The largest bottleneck bound over the sets <c>{i : label_i = a}</c>, <c>log2(pi(A) pi(not A) / flow(A, not A))</c>,
        /// summed in log space, and the label <c>a</c> that gave it; <c>-infinity</c> when every configuration has one label.
        /// <c>pi_i q_ij = S_ij sqrt(pi_i pi_j)</c>.
        /// </summary>
        public (double Log2Bound, int Label) Bottleneck(int[] label, int count)
        {
            var mass = new LogSum[count];
            var flow = new LogSum[count];
            for (var i = 0; i < diagonal.Length; i++)
            {
                var a = label[i];
                mass[a].Add(log2Pi[i]);
                for (var e = rowStart[i]; e < rowStart[i + 1]; e++)
                {
                    var j = columns[e];
                    if (label[j] != a)
                    {
                        flow[a].Add(log2Values[e] + ((log2Pi[i] + log2Pi[j]) / 2));
                    }
                }
            }

            var best = (Log2Bound: double.NegativeInfinity, Label: 0);
            for (var a = 0; a < count; a++)
            {
                var rest = new LogSum();
                for (var b = 0; b < count; b++)
                {
                    if (b != a)
                    {
                        rest.Add(mass[b].Value);
                    }
                }

                if (double.IsNegativeInfinity(mass[a].Value) || double.IsNegativeInfinity(rest.Value))
                {
                    continue;
                }

                // No flow out at all (every rate across underflowed in log space too) would be a reducible chain: infinite.
                var bound = mass[a].Value + rest.Value - flow[a].Value;
                if (bound > best.Log2Bound)
                {
                    best = (bound, a);
                }
            }

            return best;
        }

        /// <summary>Builds <c>S</c> of a chain whose every move has its reverse.</summary>
        public static Symmetrised Build(ConfigurationSpace space)
        {
            var n = space.Count;
            var t = space.Settings.Temperature;
            var rowStart = new int[n + 1];
            var columns = new List<int>(n * 8);
            var values = new List<double>(n * 8);
            var log2Values = new List<double>(n * 8);
            var diagonal = new double[n];
            for (var i = 0; i < n; i++)
            {
                rowStart[i] = columns.Count;
                var from = i;
                space.ForEachNeighbour(i, (j, kind) =>
                {
                    if (kind == MoveKind.Reset)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Configuration {from} has a reset move; the symmetrised generator needs every move to have its reverse."));
                    }

                    // S_ij = rho / (2^(d/2) + 2^(-d/2)) and q_ij = rho / (1 + 2^d), d = (E_j - E_i) / T.
                    var rho = space.BaseRate(from, j, kind);
                    var d = (space.Energy(j) - space.Energy(from)) / t;
                    columns.Add(j);
                    values.Add(rho / (double.Exp2(d / 2) + double.Exp2(-d / 2)));
                    log2Values.Add(Math.Log2(rho) - (Math.Abs(d) / 2) - Math.Log2(1 + double.Exp2(-Math.Abs(d))));
                    diagonal[from] -= rho / (1 + double.Exp2(d));
                });
            }

            rowStart[n] = columns.Count;
            var log2Pi = new double[n];
            for (var i = 0; i < n; i++)
            {
                log2Pi[i] = -space.Energy(i) / t;
            }

            var log2Z = Log2Math.Sum(log2Pi);
            for (var i = 0; i < n; i++)
            {
                log2Pi[i] -= log2Z;
            }

            return new Symmetrised(rowStart, [.. columns], [.. values], [.. log2Values], diagonal, log2Pi);
        }

        private static double RowSumBound(int[] rowStart, double[] values, double[] diagonal)
        {
            var max = 0.0;
            for (var i = 0; i < diagonal.Length; i++)
            {
                var sum = Math.Abs(diagonal[i]);
                for (var e = rowStart[i]; e < rowStart[i + 1]; e++)
                {
                    sum += Math.Abs(values[e]);
                }

                max = Math.Max(max, sum);
            }

            return max;
        }
    }

    /// <summary>A running <c>log2</c> of a sum of powers of 2, rescaled as it grows (starts at <c>-infinity</c>, the empty sum).</summary>
    private struct LogSum
    {
        private double _max;
        private double _scaled;
        private bool _any;

        /// <summary>log2 of the sum so far.</summary>
        public readonly double Value => _any && _scaled > 0 ? _max + Math.Log2(_scaled) : double.NegativeInfinity;

        /// <summary>Adds <c>2^x</c>.</summary>
        public void Add(double x)
        {
            if (double.IsNegativeInfinity(x))
            {
                return;
            }

            if (!_any)
            {
                (_max, _scaled, _any) = (x, 1, true);
            }
            else if (x <= _max)
            {
                _scaled += double.Exp2(x - _max);
            }
            else
            {
                _scaled = (_scaled * double.Exp2(_max - x)) + 1;
                _max = x;
            }
        }
    }
}
