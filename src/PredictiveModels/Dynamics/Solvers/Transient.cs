using System.Globalization;
using System.Collections.Immutable;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Dynamics;

/// <summary>
/// High path dependence: the distribution over configurations at training times <c>tau</c>,
/// starting from the start configuration, by uniformization: with <c>Lambda</c> at least every
/// exit rate, <c>p(tau) = sum_k Poisson(k; Lambda tau) p0 P^k</c>, <c>P = I + Q / Lambda</c>. The
/// series is cut once the Poisson mass left out is below the tolerance, which bounds the 1-norm
/// error of every returned distribution. One pass serves all requested times.
/// </summary>
public static class Transient
{
    /// <summary>The largest number of matrix-vector products one call may make.</summary>
    public const long MaxProducts = 50_000_000;

    /// <summary>Computes the distributions at the given training times.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="times">Training times, finite, at least 0.</param>
    /// <param name="progress">Receives the fraction of the work done (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the computation between products.</param>
    /// <param name="initial">The distribution at time 0 (sums to 1); null for all mass on <see cref="ConfigurationSpace.Start"/>.</param>
    /// <exception cref="ModelException">A time is invalid or the work would exceed <see cref="MaxProducts"/> products.</exception>
    public static TransientResult Compute(ConfigurationSpace space, IReadOnlyList<double> times, IProgress<double>? progress = null, CancellationToken cancellation = default, double[]? initial = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(times);
        TransientInputs.CheckTimes(times);
        TransientInputs.CheckInitial(space, initial);
        return OnGenerator(space.BuildGenerator(), space.Start, times, space.Settings.Tolerance, progress, cancellation, initial);
    }

    /// <summary>The products uniformization makes to reach <paramref name="maxTime"/> within <paramref name="tolerance"/> on a generator.</summary>
    internal static long ProductsNeeded(Generator generator, double maxTime, double tolerance) =>
        TruncationPoint(Rate(generator) * maxTime, tolerance);

    /// <summary>The method on a generator, from <paramref name="start"/> or from <paramref name="initial"/> when given.</summary>
    internal static TransientResult OnGenerator(Generator generator, int start, IReadOnlyList<double> times, double tolerance, IProgress<double>? progress, CancellationToken cancellation, double[]? initial)
    {
        var lambda = Rate(generator);
        var maxTime = times.Count == 0 ? 0 : times.Max();
        var last = TruncationPoint(lambda * maxTime, tolerance);
        if (last > MaxProducts)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the transient at training time {SpecificationRules.Format(maxTime)} needs about {last:N0} matrix-vector products (time x uniformization rate {SpecificationRules.Format(lambda)}); at most {MaxProducts:N0} are allowed: shorten dynamics.duration"),
                null,
                "dynamics.duration");
        }

        var n = generator.Count;
        var results = times.Select(_ => new double[n]).ToArray();
        var cumulative = new double[times.Count];

        // Terms this small change no probability by more than the tolerance even all together; they are left
        // out of the sums (their mass still counts against the error bound, since cumulative skips them).
        var negligible = tolerance * 1e-6 / Math.Max(1, last + 1);
        var v = initial is null ? new double[n] : (double[])initial.Clone();
        var next = new double[n];
        if (initial is null)
        {
            v[start] = 1;
        }

        for (var k = 0L; k <= last; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var t = 0; t < times.Count; t++)
            {
                var weight = PoissonWeight(k, lambda * times[t]);
                if (weight > negligible)
                {
                    cumulative[t] += weight;
                    var r = results[t];
                    for (var i = 0; i < n; i++)
                    {
                        r[i] += weight * v[i];
                    }
                }
            }

            if (k < last)
            {
                generator.UniformizedStep(v, next, lambda);
                (v, next) = (next, v);
            }

            if (progress is not null && (k & 1023) == 0)
            {
                progress.Report((double)k / Math.Max(1, last));
            }
        }

        progress?.Report(1);
        var distributions = results.Select(r => ImmutableArray.Create(r)).ToImmutableArray();
        var bounds = cumulative.Select(c => Math.Max(0, 1 - c)).ToImmutableArray();
        return new TransientResult([.. times], distributions, bounds, lambda, last, generator.NonZeros);
    }

    private static double Rate(Generator generator) => Math.Max(generator.MaxExitRate, 1e-300) * 1.0001;

    /// <summary>The last Poisson term needed so that the mass left out is below the tolerance.</summary>
    internal static long TruncationPoint(double mean, double tolerance)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var cumulative = 0.0;
        var k = 0L;
        var upper = (long)(mean + (12 * Math.Sqrt(mean)) + 50);
        while (k < upper * 4)
        {
            cumulative += PoissonWeight(k, mean);
            if (k >= mean && 1 - cumulative < tolerance)
            {
                return k;
            }

            k++;
        }

        return k;
    }

    /// <summary>The Poisson probability of <paramref name="k"/> events at mean <paramref name="mean"/>, from its logarithm (no overflow).</summary>
    internal static double PoissonWeight(long k, double mean) =>
        mean <= 0
            ? (k == 0 ? 1 : 0)
            : Math.Exp((k * Math.Log(mean)) - mean - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1.0));
}
