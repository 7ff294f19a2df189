namespace PredictiveModels.Uncertainty;

/// <summary>
/// The points of a Saltelli design, at which the model is evaluated so that <see cref="SobolIndices.Estimate"/> can
/// compute Sobol indices. A and B are independent N × d sample matrices of the d inputs; for base sample i the model is
/// evaluated at d + 2 points: A_i, B_i, and AB_i^(k) for k = 0 to d − 1, which is A_i with input k taken from B_i.
/// The inputs must be independent (see <see cref="SobolIndices"/>). The draws are pseudo-random, so N need not be a
/// power of two.
/// </summary>
public static class SaltelliDesign
{
    /// <summary>How many model evaluations one base sample needs: d + 2 (A_i, B_i and the d rows AB_i^(k)).</summary>
    /// <param name="dimensions">d, the number of inputs; at least 1.</param>
    /// <returns>The number of points per base sample, at least 3.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="dimensions"/> is less than 1.</exception>
    public static int EvaluationsPerBaseSample(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        return dimensions + 2;
    }

    /// <summary>
    /// Writes point <paramref name="row"/> of one base sample into <paramref name="destination"/>: row 0 is A_i, row 1 is
    /// B_i, and row 2 + k is AB_i^(k), A_i with its input k replaced by B_i's. The output of row 0 goes to fA[i], of
    /// row 1 to fB[i], and of row 2 + k to fAB[i * d + k] in <see cref="SobolIndices.Estimate"/>. The values are only
    /// copied, so they may be uniforms in (0, 1) or values already in each input's unit.
    /// </summary>
    /// <param name="a">The d input values of A_i.</param>
    /// <param name="b">The d input values of B_i; as long as <paramref name="a"/>.</param>
    /// <param name="row">Which point: 0 to d + 1.</param>
    /// <param name="destination">Where the d values of the point go; exactly d long.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="a"/> is empty, or <paramref name="b"/> or <paramref name="destination"/> is not as long as it
    /// (<see cref="ArgumentOutOfRangeException"/> when <paramref name="row"/> is out of range).
    /// </exception>
    public static void WriteRow(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int row, Span<double> destination)
    {
        var d = a.Length;
        if (d < 1)
        {
            throw new ArgumentException("A design needs at least one input, but A_i is empty.", nameof(a));
        }

        if (b.Length != d)
        {
            throw new ArgumentException($"B_i must have as many inputs as A_i ({d}), but it has {b.Length}.", nameof(b));
        }

        if (destination.Length != d)
        {
            throw new ArgumentException($"The destination must hold the {d} inputs of one point, but it is {destination.Length} long.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, d + 1);
        if (row == 1)
        {
            b.CopyTo(destination);
            return;
        }

        a.CopyTo(destination);
        if (row >= 2)
        {
            destination[row - 2] = b[row - 2];
        }
    }
}
