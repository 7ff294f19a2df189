using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Low path dependence in the chain: where training ends up if it runs for ever, the stationary
/// distribution <c>pi</c> with <c>pi Q = 0</c>.
/// <para>
/// Without oversight resets the rates satisfy detailed balance and <c>pi(c) ~ 2^(-E(c)/T)</c> exactly,
/// computed in log space without running the chain. A phase with a positive
/// <see cref="Scenarios.Phase.OversightDetectionRate"/> adds resets that have no reverse; <c>pi</c> is then no
/// Gibbs distribution and is computed by Gauss-Seidel sweeps on <c>pi Q = 0</c> started from the Gibbs
/// weights: each configuration in index order takes the value that balances its inflow,
/// <c>pi_j = sum_i pi_i q_ij / exit_j</c> (one that nothing leaves collects its inflow as a uniformized
/// step would), and the result is normalised after each sweep. The sweeps stop once
/// <c>||pi Q||_1 &lt;= tolerance x max exit rate</c>, with the chain's <see cref="Scenarios.DynamicsSettings.Tolerance"/>
/// (the start is mixed with a thousandth of the tolerance spread evenly, so that no configuration is left out):
/// one step of the uniformized chain then moves <c>pi</c> by at most the tolerance in 1-norm. That is
/// a residual, not a distance to the exact <c>pi</c>. Gauss-Seidel is slow on parts of a chain that
/// exchange probability slowly (metastable goals): started from a uniform distribution on a small
/// reversible chain, a residual of 1e-8 was measured 1.9 apart in 1-norm from the exact Gibbs weights.
/// The Gibbs start is what makes the result usable: it is already exactly stationary for every move
/// but the resets, and the resets return probability to a few configurations from which it spreads
/// quickly. On a small chain with resets the result agrees with the exact transient after long
/// training to 1e-6 (a test); on the default chain it is not checked against an independent solve.
/// </para>
/// <para>
/// Rates below the smallest double (<c>2^-1074</c>, an energy barrier of more than about 1074 T bits)
/// are 0 in the generator, so the sweeps find the stationary distribution of the chain as it is
/// represented; where such barriers separate parts that the resets do not connect, the Gibbs start
/// decides how probability is shared between them.
/// </para>
/// </summary>
public static class Equilibrium
{
    /// <summary>The largest number of Gauss-Seidel sweeps one stationary distribution may take.</summary>
    public const int MaxSweeps = 20_000;

    /// <summary>The largest number of generator entries read over all sweeps (about a minute of work on one core).</summary>
    public const long MaxWork = 20_000_000_000;

    private const int SweepsPerCheck = 4;

    /// <summary>The stationary distribution over configurations (sums to 1).</summary>
    /// <param name="space">The chain.</param>
    /// <param name="cancellation">Stops the sweeps of a chain with resets.</param>
    /// <exception cref="SolverException">A chain with resets did not reach its residual within <see cref="MaxSweeps"/> sweeps or <see cref="MaxWork"/>.</exception>
    public static double[] Distribution(ConfigurationSpace space, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Stationary(space, () => space.BuildGenerator(cancellation), cancellation);
    }

    /// <summary>The stationary distribution summed into classes.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="cancellation">Stops the sweeps of a chain with resets.</param>
    /// <exception cref="SolverException">As for <see cref="Distribution"/>.</exception>
    public static OutcomeDistribution Classes(ConfigurationSpace space, CancellationToken cancellation = default) =>
        ClassSums.Distribution(space, Distribution(space, cancellation));

    /// <summary><see cref="Classes(ConfigurationSpace, CancellationToken)"/> with the space's generator already built, so that a chain with resets does not build it again.</summary>
    internal static OutcomeDistribution Classes(ConfigurationSpace space, Generator generator, CancellationToken cancellation) =>
        ClassSums.Distribution(space, Stationary(space, () => generator, cancellation));

    /// <summary>The Gibbs weights, or with resets the stationary solve on the generator (asked for only then).</summary>
    private static double[] Stationary(ConfigurationSpace space, Func<Generator> generator, CancellationToken cancellation)
    {
        var gibbs = Gibbs(space);
        return space.Phase.OversightDetectionRate > 0
            ? Stationary(generator(), gibbs, space.Settings.Tolerance, space.Phase.Name, cancellation)
            : gibbs;
    }

    /// <summary>
    /// The Gibbs weights <c>2^(-E/T)</c>, normalised: the stationary distribution when every move has its reverse.
    /// Each weight is taken relative to the largest, <c>2^(w_i - w_max)</c> (at most 1, so nothing overflows), and
    /// divided by their sum. Subtracting <c>log2 Z = w_max + log2(sum)</c> instead would round <c>log2 Z</c> to
    /// the precision of <c>w_max</c>, which is hundreds to thousands of bits: the probabilities would then sum to 1
    /// only within about <c>|w_max| 2^-52</c> (4E-13 was seen, and a class probability of 1.0000000000004).
    /// </summary>
    private static double[] Gibbs(ConfigurationSpace space)
    {
        var energies = space.Energies;
        var temperature = space.Settings.Temperature;
        var max = double.NegativeInfinity;
        for (var i = 0; i < energies.Length; i++)
        {
            max = Math.Max(max, -energies[i] / temperature);
        }

        // Each weight is computed alone, so the entries are split among the cores; the total is added in index order.
        var p = new double[energies.Length];
        ForEachRange(p.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                p[i] = double.Exp2((-energies[i] / temperature) - max);
            }
        });

        var total = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            total += p[i];
        }

        ForEachRange(p.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                p[i] /= total;
            }
        });

        return p;
    }

    /// <summary>Gauss-Seidel on <c>pi Q = 0</c> from <paramref name="start"/>, as described in the class remarks.</summary>
    internal static double[] Stationary(Generator generator, double[] start, double tolerance, string phase, CancellationToken cancellation)
    {
        var n = generator.Count;

        // A start that is 0 almost everywhere (Gibbs weights underflow) could lose all its mass in a sweep when its
        // few configurations are balanced before anything flows into them; a share of 1/1000 of the tolerance spread
        // evenly keeps every configuration in play and changes the result by at most that share.
        var floor = tolerance * 1e-3;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = ((1 - floor) * start[i]) + (floor / n);
        }

        var rowStart = generator.RowStart;
        var sources = generator.Sources;
        var rates = generator.Rates;
        var exit = generator.Exit;
        var lambda = Math.Max(generator.MaxExitRate, double.Epsilon);
        var target = tolerance * lambda;
        var sweepsAllowed = (int)Math.Min(MaxSweeps, MaxWork / Math.Max(1, (long)generator.NonZeros + n));
        var residual = double.PositiveInfinity;
        for (var sweep = 1; sweep <= sweepsAllowed; sweep++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var j = 0; j < n; j++)
            {
                var inflow = 0.0;
                for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                {
                    inflow += x[sources[e]] * rates[e];
                }

                x[j] = exit[j] > 0 ? inflow / exit[j] : x[j] + (inflow / lambda);
            }

            Normalise(x);
            if (sweep % SweepsPerCheck == 0 || sweep == sweepsAllowed)
            {
                residual = Residual(generator, x);
                if (residual <= target)
                {
                    return x;
                }
            }
        }

        throw new SolverException(
            "equilibrium with resets",
            string.Create(CultureInfo.InvariantCulture, $"the stationary distribution of phase '{phase}' with oversight resets did not converge: after {sweepsAllowed:N0} Gauss-Seidel sweeps ||pi Q||_1 is {residual:G3}, above the target {target:G3} (dynamics.tolerance {SpecificationRules.Format(tolerance)} x the largest exit rate)"),
            [new("sweeps", sweepsAllowed), new("residual", residual), new("target", target), new("tolerance", tolerance)],
            "raise dynamics.tolerance or dynamics.goalResolution, or lower the detection rate",
            $"dynamics.phases[{phase}].oversightDetectionRate");
    }

    /// <summary>The 1-norm of <c>p Q</c>, per unit of training time: 0 exactly when <paramref name="p"/> is stationary.</summary>
    internal static double Residual(Generator generator, ReadOnlySpan<double> p)
    {
        var rowStart = generator.RowStart;
        var sources = generator.Sources;
        var rates = generator.Rates;
        var exit = generator.Exit;
        var sum = 0.0;
        for (var j = 0; j < generator.Count; j++)
        {
            var inflow = 0.0;
            for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
            {
                inflow += p[sources[e]] * rates[e];
            }

            sum += Math.Abs(inflow - (p[j] * exit[j]));
        }

        return sum;
    }

    /// <summary>Entries per unit of parallel work in the Gibbs weights.</summary>
    private const int ParallelEntries = 1 << 16;

    /// <summary>Runs <paramref name="body"/> over ranges of at most <see cref="ParallelEntries"/> entries, on several cores when there are many.</summary>
    private static void ForEachRange(int count, Action<int, int> body)
    {
        if (count <= ParallelEntries)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, (count + ParallelEntries - 1) / ParallelEntries, k => body(k * ParallelEntries, Math.Min(count, (k + 1) * ParallelEntries)));
    }

    private static void Normalise(double[] x)
    {
        var total = 0.0;
        foreach (var v in x)
        {
            total += v;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new InvalidOperationException("The stationary iteration lost all probability; the generator has no inflow anywhere.");
        }

        for (var i = 0; i < x.Length; i++)
        {
            x[i] /= total;
        }
    }
}
