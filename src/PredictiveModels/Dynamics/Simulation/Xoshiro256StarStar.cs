using System.Numerics;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The xoshiro256** generator of Blackman and Vigna, seeded through SplitMix64. Written out here,
/// rather than taken from <see cref="Random"/>, so that a seed gives the same stream on every .NET
/// version and platform. A mutable struct: pass it by reference.
/// </summary>
internal struct Xoshiro256StarStar
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private const double Unit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>
    /// The generator of stream <paramref name="stream"/> under <paramref name="seed"/>: a function of
    /// the pair alone, so trajectory <c>i</c> draws the same numbers whichever thread runs it.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream)
    {
        // Mix the seed and the stream separately before combining them, so that nearby seeds and
        // nearby streams land far apart; then expand with SplitMix64, as the authors recommend.
        var state = Mix(Mix(seed + Golden) ^ Mix((stream + 1) * Golden));
        var g = default(Xoshiro256StarStar);
        g._s0 = SplitMix(ref state);
        g._s1 = SplitMix(ref state);
        g._s2 = SplitMix(ref state);
        g._s3 = SplitMix(ref state);
        if ((g._s0 | g._s1 | g._s2 | g._s3) == 0)
        {
            g._s0 = Golden;
        }

        return g;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1), a multiple of 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Unit;

    /// <summary>
    /// A uniform double in the open interval (0, 1): an odd multiple of 2^-53, never 0 nor 1, so its
    /// logarithm is finite and negative. (52 bits plus a half stay exact in a double; 53 would round
    /// the largest value up to 1.)
    /// </summary>
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (2 * Unit);

    /// <summary>The SplitMix64 finaliser: a bijection of 64-bit words that scatters nearby inputs.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }
}
