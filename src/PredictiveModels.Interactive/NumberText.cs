using System.Globalization;

namespace PredictiveModels.Interactive;

/// <summary>
/// Numbers as the formatters write them, culture-invariant: probabilities with 4 significant digits, and below
/// <see cref="SmallestPlain"/> as a power of two (<c>2^-k</c>) so that tiny probabilities stay readable and comparable;
/// a probability within <see cref="SmallestPlain"/> of 1 (but not 1) is written by its complement (<c>1 - 2^-k</c>), so it
/// never rounds to a "1" that would claim certainty.
/// </summary>
public static class NumberText
{
    /// <summary>The smallest probability written in decimal (1e-4); smaller ones are written as 2^-k.</summary>
    public const double SmallestPlain = 1e-4;

    /// <summary>
    /// A probability (0 to 1) as text: "0", 4 significant digits ("0.2346"), "2^-k" below <see cref="SmallestPlain"/> with
    /// k to 1 decimal ("2^-40.3"), or "1 - 2^-k" when it is within <see cref="SmallestPlain"/> of 1 but not 1
    /// ("1 - 2^-39.0").
    /// </summary>
    /// <param name="probability">The probability; NaN and values outside 0 to 1 are written as they are, in 4 significant digits.</param>
    /// <returns>The text.</returns>
    public static string Probability(double probability)
    {
        if (probability > 0 && probability < SmallestPlain)
        {
            return "2^-" + Exponent(-Math.Log2(probability));
        }

        if (probability < 1 && probability > 1 - SmallestPlain)
        {
            // 1 - p is exact for p in [0.5, 1] (Sterbenz), so the complement keeps every bit the double has.
            return "1 - 2^-" + Exponent(-Math.Log2(1 - probability));
        }

        return Decimal(probability);
    }

    /// <summary>
    /// A probability given by its base-2 logarithm (at most 0): the same text as <see cref="Probability(double)"/>, but a
    /// probability too small for a double (below 2^-1074) keeps its exponent instead of becoming "0".
    /// </summary>
    /// <param name="log2Probability">log2 of the probability; negative infinity means 0.</param>
    /// <returns>The text.</returns>
    public static string ProbabilityFromLog2(double log2Probability)
    {
        if (double.IsNegativeInfinity(log2Probability))
        {
            return "0";
        }

        if (log2Probability < 0 && double.Exp2(log2Probability) > 1 - SmallestPlain)
        {
            // 1 - 2^l = 1 - e^-y with y = -l ln 2 below about 1e-4 here: the series y (1 - y/2 + y^2/6) is exact to a
            // relative 1e-17 and, unlike 1 - 2^l in doubles, keeps the complement however close to 1 the probability is.
            var y = -log2Probability * Math.Log(2);
            return "1 - 2^-" + Exponent(-Math.Log2(y * (1 - (y / 2) + (y * y / 6))));
        }

        return double.Exp2(log2Probability) >= SmallestPlain
            ? Decimal(double.Exp2(log2Probability))
            : "2^-" + Exponent(-log2Probability);
    }

    /// <summary>
    /// The exponent k of a probability written as 2^-k (to 1 decimal), or null when the probability is written in decimal.
    /// The HTML formatter writes it as a superscript.
    /// </summary>
    /// <param name="log2Probability">log2 of the probability.</param>
    /// <returns>"-k" as text, or null.</returns>
    public static string? PowerOfTwoExponent(double log2Probability) =>
        double.IsFinite(log2Probability) && double.Exp2(log2Probability) < SmallestPlain ? "-" + Exponent(-log2Probability) : null;

    /// <summary>A number of bits to 2 decimals ("37.25").</summary>
    /// <param name="bits">Bits.</param>
    /// <returns>The text; infinity as "∞".</returns>
    public static string Bits(double bits) =>
        double.IsPositiveInfinity(bits) ? "∞" : bits.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Any other number in 4 significant digits ("1234", "0.5", "1.5E+09").</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Decimal(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Exponent(double k) => k.ToString("0.0", CultureInfo.InvariantCulture);
}
