namespace PredictiveModels.Complexity;

/// <summary>Arithmetic on base-2 logarithms of non-negative numbers; <c>-infinity</c> stands for 0.</summary>
internal static class Log2Math
{
    /// <summary>log2(2^a + 2^b), exact for far-apart arguments and never overflowing.</summary>
    public static double Add(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        var (hi, lo) = a >= b ? (a, b) : (b, a);
        return hi + Math.Log2(1.0 + double.Exp2(lo - hi));
    }

    /// <summary>log2 of the sum of 2^x over <paramref name="values"/>; -infinity for none.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var total = 0.0;
        foreach (var v in values)
        {
            total += double.Exp2(v - max);
        }

        return max + Math.Log2(total);
    }
}
