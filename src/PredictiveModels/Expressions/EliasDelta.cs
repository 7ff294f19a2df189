using System.Numerics;
using System.Text;

namespace PredictiveModels.Expressions;

/// <summary>
/// The Elias delta code: a complete prefix-free code for the positive integers whose length for
/// <c>N</c> is <c>floor(log2 N) + 2 floor(log2(floor(log2 N) + 1)) + 1</c> bits. Natural-number
/// literals (which include 0) are coded as <c>value + 1</c>.
/// </summary>
public static class EliasDelta
{
    /// <summary>Code length in bits of the positive integer <paramref name="n"/>.</summary>
    /// <param name="n">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static long Length(BigInteger n)
    {
        if (n < BigInteger.One)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "Elias delta codes positive integers only (n >= 1).");
        }

        var l = (long)n.GetBitLength();          // floor(log2 n) + 1
        var ll = BitLength(l);                    // floor(log2 l) + 1
        return (l - 1) + 2 * (ll - 1) + 1;
    }

    /// <summary>Code length in bits of the natural number <paramref name="value"/>, coded as <c>value + 1</c>.</summary>
    /// <param name="value">At least 0.</param>
    public static long NaturalLength(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Length(value + 1);
    }

    /// <summary>The code word of <paramref name="n"/> as a string of '0' and '1' characters.</summary>
    /// <param name="n">At least 1.</param>
    public static string Encode(BigInteger n)
    {
        if (n < BigInteger.One)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "Elias delta codes positive integers only (n >= 1).");
        }

        var l = (long)n.GetBitLength();
        var ll = BitLength(l);
        var builder = new StringBuilder();
        builder.Append('0', (int)(ll - 1));                    // Elias gamma of l: zeros...
        AppendBinary(builder, new BigInteger(l), ll);         // ...then l in binary
        AppendBinary(builder, n, l, skipLeading: true);        // n without its leading 1
        return builder.ToString();
    }

    private static long BitLength(long value) => 64 - BitOperations.LeadingZeroCount((ulong)value);

    private static void AppendBinary(StringBuilder builder, BigInteger value, long bits, bool skipLeading = false)
    {
        for (var i = bits - (skipLeading ? 2 : 1); i >= 0; i--)
        {
            builder.Append(((value >> (int)i) & BigInteger.One).IsZero ? '0' : '1');
        }
    }
}
