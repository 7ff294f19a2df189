namespace PredictiveModels.Uncertainty;

/// <summary>
/// Uniform random numbers addressed by a counter rather than drawn in sequence: the number for (seed, sample, input)
/// depends on those three alone, so a Monte Carlo run gives the same draws on any number of threads, in any order and
/// split into any shards. Each number is three rounds of the SplitMix64 finaliser (a bijection on 64-bit words) applied
/// to the seed, then the sample's index, then the input's index, with its top 53 bits mapped into (0, 1).
/// </summary>
public static class CounterStream
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The uniform number of one input of one sample, strictly between 0 and 1.</summary>
    /// <param name="seed">The run's seed; any value.</param>
    /// <param name="sample">The sample's index, at least 0.</param>
    /// <param name="input">The input's index within the sample, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative index.</exception>
    public static double Uniform(ulong seed, long sample, int input)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        var word = Mix(Mix(Mix(seed) + (ulong)sample) + (ulong)input);
        return ((word >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z += Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
