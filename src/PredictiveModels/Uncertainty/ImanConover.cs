using MathNet.Numerics.Distributions;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// Imposes rank correlations on independent samples by reordering them (Iman and Conover, 1982, "A distribution-free
/// approach to inducing rank correlation among input variables"). Each input's values are kept, only their pairing
/// across inputs changes, so every input's marginal distribution is untouched; ranks survive any increasing transform,
/// so the reordering may be done on uniforms before their inverse-CDF transform.
/// </summary>
public static class ImanConover
{
    /// <summary>
    /// The constant hashed with the caller's seed into the seed of the score permutations ("IMANCONV" in ASCII), so that
    /// these draws are not the caller's own <c>CounterStream.Uniform(seed, i, j)</c>.
    /// </summary>
    private const ulong StreamSalt = 0x494D414E434F4E56UL;

    /// <summary>
    /// Reorders each column of an N×d sample so that the columns' Spearman rank correlations approach
    /// <paramref name="target"/>, keeping each column's values.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The method: the van der Waerden scores Φ⁻¹(k / (N + 1)), k = 1..N, are put in an independent random order in
    /// each of d columns, giving S (N×d). With E = Q Qᵀ the Cholesky factorisation of the scores' sample correlation
    /// and C* = P Pᵀ, T = S (Q⁻¹)ᵀ Pᵀ has sample correlation exactly C*. Column j of the result holds the input's
    /// column j sorted so that its ranks are those of T's column j (ties in T go to the lower row first).
    /// </para>
    /// <para>
    /// C* is the Pearson correlation of normal scores whose Spearman correlation is the target:
    /// 2 sin(π r / 6) for each target r (Pearson and Spearman correlations of a bivariate normal are related so). When
    /// that adjusted matrix is not positive semi-definite (rare), C* is the target itself, whose Spearman correlations
    /// then fall short of it by at most 0.018.
    /// </para>
    /// <para>
    /// Randomness: step i (from N - 1 down to 1) of the Fisher-Yates shuffle of column j takes
    /// <c>CounterStream.Uniform(s, i, j)</c>, where s is the SplitMix64 finaliser of <paramref name="seed"/> XOR
    /// 0x494D414E434F4E56 (a sub-seed, not <paramref name="seed"/>, so these draws differ from a caller's
    /// <c>CounterStream.Uniform(seed, sample, input)</c>). The result depends only on the arguments: the same bit for bit
    /// on any machine load or thread count. When the scores' correlation is singular (N not greater than d), Q is taken
    /// as the identity. Time O(N d² + d N log N); memory O(N d).
    /// </para>
    /// </remarks>
    /// <param name="values">The sample, row-major: row i (a sample) holds d values, one per input. Any doubles; NaN sorts below every number.</param>
    /// <param name="dimensions">The number of inputs d (columns), at least 1; must divide the length of <paramref name="values"/>.</param>
    /// <param name="target">The target rank correlations, of <paramref name="dimensions"/> inputs.</param>
    /// <param name="seed">Fixes the random order of the scores; any value.</param>
    /// <returns>A new row-major N×d array; each column holds the same multiset of values as the same column of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 rows, a length not divisible by d, or a target of another size.</exception>
    public static double[] Arrange(ReadOnlySpan<double> values, int dimensions, RankCorrelationMatrix target, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (values.Length % dimensions != 0)
        {
            throw new ArgumentException($"the sample's length {values.Length} is not a multiple of its {dimensions} columns", nameof(values));
        }

        var n = values.Length / dimensions;
        if (n < 2)
        {
            throw new ArgumentException($"the sample has {n} rows; reordering needs at least 2", nameof(values));
        }

        if (target.Dimensions != dimensions)
        {
            throw new ArgumentException($"the target correlates {target.Dimensions} inputs, but the sample has {dimensions} columns", nameof(target));
        }

        var d = dimensions;
        var scores = Scores(n, d, seed);
        var mixing = Mixing(scores, n, d, target);
        var t = Multiply(scores, n, d, mixing);

        var result = new double[values.Length];
        var column = new double[n];
        var rowOrder = new int[n];
        var keys = new double[n];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = values[(i * d) + j];
                keys[i] = t[(i * d) + j];
                rowOrder[i] = i;
            }

            Array.Sort(column);

            // Rows by increasing T, ties by row index: the row of rank k receives the k-th smallest value.
            Array.Sort(rowOrder, (a, b) =>
            {
                var byKey = keys[a].CompareTo(keys[b]);
                return byKey != 0 ? byKey : a.CompareTo(b);
            });
            for (var k = 0; k < n; k++)
            {
                result[(rowOrder[k] * d) + j] = column[k];
            }
        }

        return result;
    }

    /// <summary>S: the van der Waerden scores in an independent random order in each column, row-major N×d.</summary>
    private static double[] Scores(int n, int d, ulong seed)
    {
        var baseScores = new double[n];
        for (var k = 0; k < n; k++)
        {
            baseScores[k] = Normal.InvCDF(0, 1, (k + 1.0) / (n + 1.0));
        }

        var stream = SubSeed(seed);
        var s = new double[n * d];
        var column = new double[n];
        for (var j = 0; j < d; j++)
        {
            baseScores.CopyTo(column, 0);
            for (var i = n - 1; i >= 1; i--)
            {
                var r = (int)Math.Min(i, Math.Floor(CounterStream.Uniform(stream, i, j) * (i + 1)));
                (column[i], column[r]) = (column[r], column[i]);
            }

            for (var i = 0; i < n; i++)
            {
                s[(i * d) + j] = column[i];
            }
        }

        return s;
    }

    /// <summary>M = (Q⁻¹)ᵀ Pᵀ = (P Q⁻¹)ᵀ, row-major d×d, so that T = S M.</summary>
    private static double[] Mixing(double[] s, int n, int d, RankCorrelationMatrix target)
    {
        var q = Cholesky(Correlation(s, n, d), d) ?? Identity(d);
        var p = AdjustedFactor(target) ?? target.Factor();

        // X = P Q⁻¹ solves X Q = P row by row: Q is lower triangular, so Qᵀ xᵀ = pᵀ by back substitution.
        var m = new double[d * d];
        for (var row = 0; row < d; row++)
        {
            for (var k = d - 1; k >= 0; k--)
            {
                var sum = p[(row * d) + k];
                for (var l = k + 1; l < d; l++)
                {
                    sum -= m[(l * d) + row] * q[(l * d) + k];
                }

                // m holds X transposed: m[k, row] = X[row, k].
                m[(k * d) + row] = sum / q[(k * d) + k];
            }
        }

        return m;
    }

    /// <summary>The factor of the Pearson correlations of normal scores whose Spearman correlations are the target; null when they are not positive semi-definite.</summary>
    private static double[]? AdjustedFactor(RankCorrelationMatrix target)
    {
        var d = target.Dimensions;
        var adjusted = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                adjusted[(i * d) + j] = i == j ? 1 : 2 * Math.Sin(Math.PI * target[i, j] / 6);
            }
        }

        return RankCorrelationMatrix.PsdFactor(adjusted, d);
    }

    private static double[] Correlation(double[] s, int n, int d)
    {
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += s[(i * d) + j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        var cov = new double[d * d];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < d; a++)
            {
                var x = s[(i * d) + a] - mean[a];
                for (var b = 0; b <= a; b++)
                {
                    cov[(a * d) + b] += x * (s[(i * d) + b] - mean[b]);
                }
            }
        }

        var e = new double[d * d];
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var r = cov[(a * d) + b] / Math.Sqrt(cov[(a * d) + a] * cov[(b * d) + b]);
                e[(a * d) + b] = r;
                e[(b * d) + a] = r;
            }
        }

        return e;
    }

    /// <summary>The lower Cholesky factor, row-major; null when the matrix is not positive definite.</summary>
    private static double[]? Cholesky(double[] a, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * d) + k] * l[(j * d) + k];
                }

                if (i == j)
                {
                    if (!(sum > 1e-12))
                    {
                        return null;
                    }

                    l[(i * d) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * d) + j] = sum / l[(j * d) + j];
                }
            }
        }

        return l;
    }

    private static double[] Identity(int d)
    {
        var m = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            m[(i * d) + i] = 1;
        }

        return m;
    }

    private static double[] Multiply(double[] s, int n, int d, double[] m)
    {
        var t = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < d; k++)
                {
                    sum += s[(i * d) + k] * m[(k * d) + j];
                }

                t[(i * d) + j] = sum;
            }
        }

        return t;
    }

    private static ulong SubSeed(ulong seed)
    {
        var z = (seed ^ StreamSalt) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
