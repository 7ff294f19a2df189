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

        return norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
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
            for (var l = 0; l < k; l++)
            {
                var xil = x[(i * k) + l];
                if (xil == 0)
                {
                    continue;
                }

                for (var j = 0; j < k; j++)
                {
                    result[(i * k) + j] += xil * y[(l * k) + j];
                }
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
