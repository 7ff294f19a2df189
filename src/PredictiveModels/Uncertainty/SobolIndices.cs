using System.Collections.Immutable;
using MathNet.Numerics.Statistics;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// Sobol sensitivity indices estimated from the outputs of a Saltelli design (see <see cref="SaltelliDesign"/>), with
/// bootstrap 95% intervals. Pure arithmetic on outputs the caller computed: the model is not called here.
/// </summary>
/// <remarks>
/// <para>
/// The design: A and B are independent N × d sample matrices of the d inputs, and AB^(k) is A with its column k taken
/// from B. For base sample i (0 to N − 1) the model was evaluated at the rows A_i, B_i and AB_i^(k) for k = 0 to d − 1,
/// giving fA_i, fB_i and fAB_ik. The indices assume independent inputs: the variance decomposition they come from
/// holds only then.
/// </para>
/// <para>
/// With V the population variance of the 2N outputs fA ∪ fB and m their mean, the first-order index of input k is
/// Saltelli et al.'s (2010) estimator S_k = mean_i((fB_i − m)(fAB_ik − fA_i)) / V and the total-order index is
/// Jansen's (1999) ST_k = mean_i((fA_i − fAB_ik)²) / (2V). Saltelli's paper writes fB_i where this has fB_i − m;
/// the two have the same expectation, because E[fAB_ik − fA_i] = 0, but subtracting m makes the estimate unchanged when
/// a constant is added to the output and keeps its noise from growing with the output's mean (SALib centres the
/// outputs for the same reason).
/// </para>
/// <para>
/// The bootstrap draws N base-sample indices with replacement, recomputes m, V and every index from those rows, and
/// repeats; the 95% interval is the percentile interval, the 2.5% and 97.5% quantiles of the resampled estimates
/// (MathNet's <c>SortedArrayStatistics.QuantileCustom</c>, type R-8); a resample whose outputs at A and B are all
/// equal gives no estimate and is left out. Index t of resample r is floor(N u), at most N − 1, with u = <c>CounterStream.Uniform(seed ^ 0xD1B54A32D192ED03, r, t)</c>: the seed is mixed with that
/// fixed constant so that the bootstrap's stream differs from the stream <c>CounterStream.Uniform(seed, sample, input)</c>
/// that draws the design from the same seed. The result is identical bit for bit for the same arguments, whatever the
/// number of threads: each resample is computed alone, in a fixed order, into its own slot.
/// </para>
/// </remarks>
public static class SobolIndices
{
    /// <summary>The smallest number of bootstrap resamples accepted (other than 0, for none): fewer make the 2.5% and 97.5% quantiles meaningless.</summary>
    public const int MinBootstrapResamples = 100;

    /// <summary>The constant the seed is XORed with to seed the bootstrap's <see cref="CounterStream"/>, so that it does not repeat the design's draws.</summary>
    private const ulong BootstrapSeedMix = 0xD1B54A32D192ED03UL;

    /// <summary>
    /// Estimates the first- and total-order Sobol index of every input from the outputs of a Saltelli design, with
    /// bootstrap 95% percentile intervals. See the class remarks for the design, the estimators and the bootstrap.
    /// </summary>
    /// <param name="fA">The outputs at the N rows of A, fA[i] = f(A_i); N at least 2; every value finite.</param>
    /// <param name="fB">The outputs at the N rows of B, fB[i] = f(B_i); as long as <paramref name="fA"/>; every value finite.</param>
    /// <param name="fAB">
    /// The outputs at the rows of the AB^(k), row-major N × d: fAB[i * d + k] = f(AB_i^(k)), where AB_i^(k) is A_i with
    /// input k taken from B_i; length N d; every value finite.
    /// </param>
    /// <param name="dimensions">d, the number of inputs; at least 1.</param>
    /// <param name="bootstrapResamples">How many bootstrap resamples give the intervals: 0 for none (the intervals are NaN), otherwise at least <see cref="MinBootstrapResamples"/>; 1000 is usual.</param>
    /// <param name="seed">The seed of the bootstrap's draws; any value. The same seed gives the same intervals.</param>
    /// <param name="maxDegreeOfParallelism">How many threads may compute resamples: at least 1, or -1 for one per processor. It does not change the result.</param>
    /// <returns>The indices of the d inputs, N and V. Every index and interval end is NaN when the 2N outputs at A and B are all equal (V = 0).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="fB"/> or <paramref name="fAB"/> has the wrong length, N is less than 2, an output is NaN or
    /// infinite, or the outputs are so large that their variance overflows (<see cref="ArgumentOutOfRangeException"/>
    /// for <paramref name="dimensions"/>, <paramref name="bootstrapResamples"/> or
    /// <paramref name="maxDegreeOfParallelism"/> out of range).
    /// </exception>
    public static SobolEstimate Estimate(
        ReadOnlySpan<double> fA,
        ReadOnlySpan<double> fB,
        ReadOnlySpan<double> fAB,
        int dimensions,
        int bootstrapResamples,
        ulong seed,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (bootstrapResamples is not 0 and < MinBootstrapResamples)
        {
            throw new ArgumentOutOfRangeException(nameof(bootstrapResamples), bootstrapResamples, $"must be 0 (no bootstrap) or at least {MinBootstrapResamples}");
        }

        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be at least 1, or -1 for one per processor");
        }

        var n = fA.Length;
        if (n < 2)
        {
            throw new ArgumentException($"Sobol indices need at least 2 base samples, but fA holds {n} outputs.", nameof(fA));
        }

        if (fB.Length != n)
        {
            throw new ArgumentException($"fB must hold one output per base sample, as fA does ({n}), but it holds {fB.Length}.", nameof(fB));
        }

        if (fAB.Length != (long)n * dimensions)
        {
            throw new ArgumentException($"fAB must hold N × d = {n} × {dimensions} = {(long)n * dimensions} outputs (row-major, fAB[i * d + k]), but it holds {fAB.Length}.", nameof(fAB));
        }

        RequireFinite(fA, nameof(fA));
        RequireFinite(fB, nameof(fB));
        RequireFinite(fAB, nameof(fAB));

        var outputs = new Outputs(fA.ToArray(), fB.ToArray(), fAB.ToArray(), dimensions);
        var identity = new int[n];
        for (var i = 0; i < n; i++)
        {
            identity[i] = i;
        }

        var first = new double[dimensions];
        var total = new double[dimensions];
        var variance = outputs.Compute(identity, first, total);
        if (double.IsInfinity(variance))
        {
            throw new ArgumentException("The outputs are so large that their variance overflows a double; rescale the output.", nameof(fA));
        }

        var firstBounds = new (double Lower, double Upper)[dimensions];
        var totalBounds = new (double Lower, double Upper)[dimensions];
        Array.Fill(firstBounds, (double.NaN, double.NaN));
        Array.Fill(totalBounds, (double.NaN, double.NaN));
        if (bootstrapResamples > 0 && variance > 0)
        {
            Bootstrap(outputs, bootstrapResamples, seed ^ BootstrapSeedMix, maxDegreeOfParallelism, firstBounds, totalBounds);
        }

        var indices = ImmutableArray.CreateBuilder<SobolIndex>(dimensions);
        for (var k = 0; k < dimensions; k++)
        {
            indices.Add(new SobolIndex(first[k], firstBounds[k].Lower, firstBounds[k].Upper, total[k], totalBounds[k].Lower, totalBounds[k].Upper));
        }

        return new SobolEstimate(n, variance, bootstrapResamples, indices.MoveToImmutable());
    }

    private static void Bootstrap(Outputs outputs, int resamples, ulong seed, int maxDegreeOfParallelism, (double, double)[] firstBounds, (double, double)[] totalBounds)
    {
        var n = outputs.N;
        var d = outputs.D;
        var first = new double[resamples * d];
        var total = new double[resamples * d];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(
            0,
            resamples,
            options,
            () => new int[n],
            (r, _, rows) =>
            {
                for (var t = 0; t < n; t++)
                {
                    // u < 1, but n u may round up to n.
                    rows[t] = Math.Min(n - 1, (int)(CounterStream.Uniform(seed, r, t) * n));
                }

                outputs.Compute(rows, first.AsSpan(r * d, d), total.AsSpan(r * d, d));
                return rows;
            },
            _ => { });

        var column = new double[resamples];
        for (var k = 0; k < d; k++)
        {
            firstBounds[k] = PercentileInterval(first, k, d, column);
            totalBounds[k] = PercentileInterval(total, k, d, column);
        }
    }

    /// <summary>The 2.5% and 97.5% quantiles of column k of the resampled estimates, leaving out resamples whose outputs did not vary (NaN); NaN when all did not.</summary>
    private static (double Lower, double Upper) PercentileInterval(double[] estimates, int k, int d, double[] buffer)
    {
        var count = 0;
        for (var r = 0; r < buffer.Length; r++)
        {
            var value = estimates[(r * d) + k];
            if (!double.IsNaN(value))
            {
                buffer[count++] = value;
            }
        }

        if (count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var sorted = buffer[..count];
        Array.Sort(sorted);
        return (SortedArrayStatistics.QuantileCustom(sorted, 0.025, QuantileDefinition.R8), SortedArrayStatistics.QuantileCustom(sorted, 0.975, QuantileDefinition.R8));
    }

    private static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Every model output must be finite, but {name}[{i}] is {values[i]}.", name);
            }
        }
    }

    /// <summary>The design's outputs, held in arrays so that the bootstrap's threads can read them.</summary>
    private sealed class Outputs(double[] fA, double[] fB, double[] fAB, int d)
    {
        public int N => fA.Length;

        public int D => d;

        /// <summary>
        /// Writes the first- and total-order indices computed from the base samples <paramref name="rows"/> (N of
        /// them, repeats allowed) and returns their V; the indices are NaN when V is 0.
        /// </summary>
        public double Compute(int[] rows, Span<double> first, Span<double> total)
        {
            var n = rows.Length;
            var sum = 0.0;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var i in rows)
            {
                sum += fA[i] + fB[i];
                min = Math.Min(min, Math.Min(fA[i], fB[i]));
                max = Math.Max(max, Math.Max(fA[i], fB[i]));
            }

            if (min == max)
            {
                // Every output is equal: V is exactly 0, which a rounded mean would not give.
                first.Fill(double.NaN);
                total.Fill(double.NaN);
                return 0;
            }

            var mean = sum / (2.0 * n);
            var squares = 0.0;
            first.Clear();
            total.Clear();
            foreach (var i in rows)
            {
                var a = fA[i];
                var b = fB[i] - mean;
                squares += ((a - mean) * (a - mean)) + (b * b);
                var ab = fAB.AsSpan(i * d, d);
                for (var k = 0; k < d; k++)
                {
                    var step = ab[k] - a;
                    first[k] += b * step;
                    total[k] += step * step;
                }
            }

            var variance = squares / (2.0 * n);
            for (var k = 0; k < d; k++)
            {
                first[k] = first[k] / n / variance;
                total[k] = total[k] / (2.0 * n) / variance;
            }

            return variance;
        }
    }
}
