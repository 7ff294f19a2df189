namespace PredictiveModels.Dynamics;

/// <summary>
/// <c>exp(t A)</c> of a small dense matrix (a Krylov projection, a few dozen rows) by scaling and
/// squaring with the degree-13 Padé approximant (Higham 2005, "The scaling and squaring method for
/// the matrix exponential revisited"): <c>t A</c> is halved <c>s</c> times until its 1-norm is at most
/// 5.37, where the approximant is accurate to unit roundoff, and the result is squared <c>s</c> times.
/// Rounding grows about like <c>2^s</c> unit roundoffs, so the large threshold keeps it small.
/// Matrices are row-major arrays of <c>k * k</c> entries.
/// </summary>
internal static class SmallMatrixExponential
{
    private const double Theta13 = 5.371920351148152;

    private static readonly double[] PadeCoefficients =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    /// <summary>Returns <c>exp(t A)</c>.</summary>
    /// <param name="a">The matrix, row-major, <c>k * k</c> entries, finite.</param>
    /// <param name="k">The order of the matrix.</param>
    /// <param name="t">The scale, finite.</param>
    public static double[] Exp(ReadOnlySpan<double> a, int k, double t)
    {
        var squarings = Squarings(a, k, t);
        var scale = t * Math.ScaleB(1.0, -squarings);
        var a1 = new double[k * k];
        for (var i = 0; i < a1.Length; i++)
        {
            a1[i] = a[i] * scale;
        }

        var b = PadeCoefficients;
        var a2 = Multiply(a1, a1, k);
        var a4 = Multiply(a2, a2, k);
        var a6 = Multiply(a4, a2, k);
        var inner = new double[k * k];
        for (var i = 0; i < inner.Length; i++)
        {
            inner[i] = (b[13] * a6[i]) + (b[11] * a4[i]) + (b[9] * a2[i]);
        }

        var odd = Multiply(a6, inner, k);
        for (var i = 0; i < inner.Length; i++)
        {
            odd[i] += (b[7] * a6[i]) + (b[5] * a4[i]) + (b[3] * a2[i]);
            inner[i] = (b[12] * a6[i]) + (b[10] * a4[i]) + (b[8] * a2[i]);
        }

        for (var i = 0; i < k; i++)
        {
            odd[(i * k) + i] += b[1];
        }

        var u = Multiply(a1, odd, k);
        var v = Multiply(a6, inner, k);
        for (var i = 0; i < v.Length; i++)
        {
            v[i] += (b[6] * a6[i]) + (b[4] * a4[i]) + (b[2] * a2[i]);
        }

        for (var i = 0; i < k; i++)
        {
            v[(i * k) + i] += b[0];
        }

        // exp(A) ~ (V - U)^-1 (V + U).
        var denominator = new double[k * k];
        var result = new double[k * k];
        for (var i = 0; i < v.Length; i++)
        {
            denominator[i] = v[i] - u[i];
            result[i] = v[i] + u[i];
        }

        Solve(denominator, result, k);
        for (var s = 0; s < squarings; s++)
        {
            result = Multiply(result, result, k);
        }

        return result;
    }

    /// <summary>The number of squarings <see cref="Exp"/> makes for <c>t A</c>: its rounding grows about like 2 to that power.</summary>
    /// <param name="a">The matrix, row-major, <c>k * k</c> entries, finite.</param>
    /// <param name="k">The order of the matrix.</param>
    /// <param name="t">The scale, finite.</param>
    public static int Squarings(ReadOnlySpan<double> a, int k, double t)
    {
        var norm = Norm1(a, k, t);
        return norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
    }

    /// <summary>The 1-norm (largest column sum of magnitudes) of <c>t A</c>.</summary>
    private static double Norm1(ReadOnlySpan<double> a, int k, double t)
    {
        var norm = 0.0;
        for (var j = 0; j < k; j++)
        {
            var column = 0.0;
            for (var i = 0; i < k; i++)
            {
                column += Math.Abs(a[(i * k) + j] * t);
            }

            norm = Math.Max(norm, column);
        }

        return norm;
    }

    /// <summary>
    /// Returns <c>E = exp(t A)</c> and the Gramian <c>G = integral from 0 to t of exp(u A^T) e_k e_k^T exp(u A) du</c>
    /// (<c>e_k</c> the last unit vector), so that for any <c>x</c>, <c>x^T G x</c> is the integral over
    /// <c>[0, t]</c> of <c>(e_k^T exp(u A) x)^2</c>. <c>t</c> is halved <c>d</c> times, to <c>t0</c> with
    /// <c>||t0 A||_1 &lt;= 1/2</c>; there the row <c>e_k^T exp(u A)</c> is the Taylor series
    /// <c>sum_j (u / t0)^j b_j</c>, <c>b_j = e_k^T (t0 A)^j / j!</c>, and <c>G(t0) = t0 sum_ij b_i^T b_j / (i + j + 1)</c>,
    /// summed to <c>j = k + 24</c>: beyond <c>k - 1</c> every entry's terms shrink by at least a factor 2
    /// per degree and with the factorials, so the tail is below unit roundoff even in the entries that
    /// the first <c>k - 1</c> powers of a Hessenberg matrix leave at 0. Both are then doubled <c>d</c> times
    /// by <c>G(2t) = G(t) + E(t)^T G(t) E(t)</c>, <c>E(2t) = E(t)^2</c>. <c>G</c> is symmetric positive
    /// semi-definite; it is returned symmetrised.
    /// </summary>
    /// <param name="a">The matrix, row-major, <c>k * k</c> entries, finite.</param>
    /// <param name="k">The order of the matrix, at least 1.</param>
    /// <param name="t">The length of the interval, at least 0, finite.</param>
    public static (double[] Exponential, double[] Gramian) ExpWithGramian(ReadOnlySpan<double> a, int k, double t)
    {
        var norm = Norm1(a, k, t);
        var doublings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var t0 = t * Math.ScaleB(1.0, -doublings);
        var e = Exp(a, k, t0);

        // Rows b_j = e_k^T (t0 A)^j / j!, one per row of `rows`.
        var terms = k + 24;
        var rows = new double[terms * k];
        rows[k - 1] = 1;
        for (var j = 1; j < terms; j++)
        {
            var previous = rows.AsSpan((j - 1) * k, k);
            var row = rows.AsSpan(j * k, k);
            var scale = t0 / j;
            for (var l = 0; l < k; l++)
            {
                var p = previous[l] * scale;
                if (p == 0)
                {
                    continue;
                }

                var al = a.Slice(l * k, k);
                for (var c = 0; c < k; c++)
                {
                    row[c] += p * al[c];
                }
            }
        }

        // G(t0) = t0 sum_i b_i^T (sum_j b_j / (i + j + 1)).
        var g = new double[k * k];
        var weighted = new double[k];
        for (var i = 0; i < terms; i++)
        {
            var bi = rows.AsSpan(i * k, k);
            if (!bi.ContainsAnyExcept(0.0))
            {
                continue;
            }

            Array.Clear(weighted);
            for (var j = 0; j < terms; j++)
            {
                var w = 1.0 / (i + j + 1);
                var bj = rows.AsSpan(j * k, k);
                for (var c = 0; c < k; c++)
                {
                    weighted[c] += w * bj[c];
                }
            }

            for (var r = 0; r < k; r++)
            {
                var factor = t0 * bi[r];
                if (factor == 0)
                {
                    continue;
                }

                var gr = g.AsSpan(r * k, k);
                for (var c = 0; c < k; c++)
                {
                    gr[c] += factor * weighted[c];
                }
            }
        }

        for (var d = 0; d < doublings; d++)
        {
            var later = Multiply(Transpose(e, k), Multiply(g, e, k), k);
            for (var i = 0; i < g.Length; i++)
            {
                g[i] += later[i];
            }

            e = Multiply(e, e, k);
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                var mean = 0.5 * (g[(i * k) + j] + g[(j * k) + i]);
                g[(i * k) + j] = mean;
                g[(j * k) + i] = mean;
            }
        }

        return (e, g);
    }

    /// <summary><c>x^T G x</c> for a row-major <c>k * k</c> matrix.</summary>
    public static double QuadraticForm(ReadOnlySpan<double> g, ReadOnlySpan<double> x, int k)
    {
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            var row = 0.0;
            var gi = g.Slice(i * k, k);
            for (var j = 0; j < k; j++)
            {
                row += gi[j] * x[j];
            }

            sum += x[i] * row;
        }

        return sum;
    }

    /// <summary>Returns the first column of <c>exp(t A)</c>, that is <c>exp(t A) e_1</c>.</summary>
    /// <param name="a">The matrix, row-major, <c>k * k</c> entries, finite.</param>
    /// <param name="k">The order of the matrix.</param>
    /// <param name="t">The scale, finite.</param>
    public static double[] ExpFirstColumn(ReadOnlySpan<double> a, int k, double t)
    {
        var e = Exp(a, k, t);
        var column = new double[k];
        for (var i = 0; i < k; i++)
        {
            column[i] = e[i * k];
        }

        return column;
    }

    /// <summary>result = m x, for a row-major <c>k * k</c> matrix.</summary>
    public static void MultiplyVector(ReadOnlySpan<double> m, ReadOnlySpan<double> x, Span<double> result, int k)
    {
        for (var i = 0; i < k; i++)
        {
            var sum = 0.0;
            var row = m.Slice(i * k, k);
            for (var j = 0; j < k; j++)
            {
                sum += row[j] * x[j];
            }

            result[i] = sum;
        }
    }

    private static double[] Multiply(double[] x, double[] y, int k)
    {
        var result = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            var row = result.AsSpan(i * k, k);
            var xi = x.AsSpan(i * k, k);
            for (var l = 0; l < k; l++)
            {
                var xil = xi[l];
                if (xil == 0)
                {
                    continue;
                }

                var yl = y.AsSpan(l * k, k);
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] += xil * yl[j];
                }
            }
        }

        return result;
    }

    private static double[] Transpose(double[] x, int k)
    {
        var result = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                result[(j * k) + i] = x[(i * k) + j];
            }
        }

        return result;
    }

    /// <summary>Overwrites <paramref name="rhs"/> with <c>m^-1 rhs</c> by Gaussian elimination with partial pivoting; <paramref name="m"/> is destroyed.</summary>
    private static void Solve(double[] m, double[] rhs, int k)
    {
        for (var c = 0; c < k; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < k; r++)
            {
                if (Math.Abs(m[(r * k) + c]) > Math.Abs(m[(pivot * k) + c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (var j = 0; j < k; j++)
                {
                    (m[(c * k) + j], m[(pivot * k) + j]) = (m[(pivot * k) + j], m[(c * k) + j]);
                    (rhs[(c * k) + j], rhs[(pivot * k) + j]) = (rhs[(pivot * k) + j], rhs[(c * k) + j]);
                }
            }

            var diagonal = m[(c * k) + c];
            for (var r = c + 1; r < k; r++)
            {
                var factor = m[(r * k) + c] / diagonal;
                if (factor == 0)
                {
                    continue;
                }

                for (var j = c; j < k; j++)
                {
                    m[(r * k) + j] -= factor * m[(c * k) + j];
                }

                for (var j = 0; j < k; j++)
                {
                    rhs[(r * k) + j] -= factor * rhs[(c * k) + j];
                }
            }
        }

        for (var c = k - 1; c >= 0; c--)
        {
            var diagonal = m[(c * k) + c];
            for (var j = 0; j < k; j++)
            {
                var sum = rhs[(c * k) + j];
                for (var l = c + 1; l < k; l++)
                {
                    sum -= m[(c * k) + l] * rhs[(l * k) + j];
                }

                rhs[(c * k) + j] = sum / diagonal;
            }
        }
    }
}
