using System.Globalization;

namespace PredictiveModels.Rendering.Report;

/// <summary>
/// How the report writes numbers: as the tool's text output writes them (invariant culture, probabilities to four
/// decimals down to 1e-4 and in E notation below), and every figure also at full precision for machines.
/// </summary>
internal static class ReportNumbers
{
    /// <summary>The value at full precision (round-trip), for a <c>data</c> element's <c>value</c>; non-finite values as <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Exact(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A probability: <c>0</c>, four decimals from 1e-4, E notation below (<c>6.36E-4</c>).</summary>
    public static string Probability(double p) =>
        p == 0 ? "0" : p >= 1e-4 ? p.ToString("0.0000", CultureInfo.InvariantCulture) : p.ToString("0.00E+0", CultureInfo.InvariantCulture);

    /// <summary>A probability given by its log2: as <see cref="Probability"/>, or as a power of 2 (<c>2^-10000021</c>) where it underflows a double.</summary>
    public static string Log2Probability(double log2P) =>
        double.Exp2(log2P) > 0 || double.IsNegativeInfinity(log2P) ? Probability(double.Exp2(log2P)) : "2^" + log2P.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A difference of probabilities with its sign: <c>+0.0123</c>, <c>-3.00E-5</c>; exactly 0 is <c>0</c>.</summary>
    public static string Signed(double x) =>
        x == 0 ? "0"
        : Math.Abs(x) >= 1e-4 ? x.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)
        : x.ToString("+0.00E+0;-0.00E+0", CultureInfo.InvariantCulture);

    /// <summary>Bits to two decimals.</summary>
    public static string Bits(double bits) => bits.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Any other number, to six significant digits.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A positive number given by its log10: as <see cref="Number"/>, or as <c>m.mE+x</c> where it would overflow a double.</summary>
    public static string Magnitude(double log10)
    {
        if (log10 < 300)
        {
            return Number(Math.Pow(10, log10));
        }

        var exponent = Math.Floor(log10);
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Pow(10, log10 - exponent):0.0}E+{exponent:0}");
    }
}
