using System.Globalization;
using MathNet.Numerics.Distributions;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// A researcher's belief about one number, stated as a probability distribution over it (in the unit of the number it
/// describes). Made by <see cref="BeliefNotation.Parse"/> from Squiggle's notation, e.g. <c>5 to 10</c> or
/// <c>truncate(normal(1, 2), 0, 10)</c>. Every distribution is continuous except <see cref="BeliefKind.PointMass"/>
/// (and truncations of one), whose cumulative distribution is a step. Immutable; the parameters were checked when it
/// was made.
/// </summary>
public sealed class BeliefDistribution
{
    private readonly double[] _parameters;

    private BeliefDistribution(BeliefKind kind, double[] parameters, BeliefDistribution? baseDistribution)
    {
        Kind = kind;
        _parameters = (double[])parameters.Clone();
        Parameters = Array.AsReadOnly(_parameters);
        Base = baseDistribution;
    }

    /// <summary>The family of the distribution; it fixes what <see cref="Parameters"/> holds (see <see cref="BeliefKind"/>).</summary>
    public BeliefKind Kind { get; }

    /// <summary>
    /// The parameters, in the order of the notation: e.g. <c>[mean, sd]</c> for <see cref="BeliefKind.Normal"/>,
    /// <c>[lo, hi]</c> for <see cref="BeliefKind.Truncated"/>. All finite. A <c>A to B</c> interval is held as the
    /// normal or lognormal it stands for, with its computed parameters.
    /// </summary>
    public IReadOnlyList<double> Parameters { get; }

    /// <summary>The distribution that a <see cref="BeliefKind.Truncated"/> one restricts; null for every other kind.</summary>
    public BeliefDistribution? Base { get; }

    /// <summary>The 50% quantile, in the unit of the belief: <c>Quantile(0.5)</c>.</summary>
    public double Median => QuantileCore(0.5);

    /// <summary>
    /// The value below which the fraction <paramref name="p"/> of the mass lies (the inverse of the cumulative
    /// distribution), in the unit of the belief. For a point mass it is the point for every p.
    /// </summary>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="p"/> is not strictly between 0 and 1 (NaN included).</exception>
    public double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability must be strictly between 0 and 1.");
        }

        return QuantileCore(p);
    }

    /// <summary>The probability that the number is at most <paramref name="x"/>: P(X &lt;= x), from 0 to 1.</summary>
    /// <param name="x">Any number in the unit of the belief, infinities included; not NaN.</param>
    /// <exception cref="ArgumentException">When <paramref name="x"/> is NaN.</exception>
    public double CumulativeDistribution(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException("The value must not be NaN.", nameof(x));
        }

        return Clamp01(Cdf(x, inclusive: true));
    }

    /// <summary>
    /// One draw from the distribution, by inverse-CDF sampling: one call of <see cref="System.Random.NextDouble"/> gives
    /// u in [0, 1) (0 is replaced by the smallest positive double), and the draw is <c>Quantile(u)</c>. A caller that
    /// seeds <paramref name="random"/> therefore fixes every draw.
    /// </summary>
    /// <param name="random">The source of the uniform draw; the caller seeds it.</param>
    /// <returns>A value in the unit of the belief.</returns>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        return QuantileCore(u > 0 ? u : double.Epsilon);
    }

    /// <summary>
    /// The probability that the number falls outside the interval from <paramref name="minimum"/> to
    /// <paramref name="maximum"/>, from 0 to 1: the mass below the minimum plus the mass above the maximum. An exclusive
    /// bound counts the mass exactly on it as outside; an inclusive one counts it as inside (this matters only for a
    /// point mass). <c>Scenarios.ParameterRange.ProbabilityOutside</c> asks it for a parameter's valid range.
    /// </summary>
    /// <param name="minimum">The lower bound, in the unit of the belief; negative infinity for none.</param>
    /// <param name="minimumExclusive">True when the minimum itself is outside.</param>
    /// <param name="maximum">The upper bound; positive infinity for none.</param>
    /// <param name="maximumExclusive">True when the maximum itself is outside.</param>
    /// <exception cref="ArgumentException">A bound is NaN, or the minimum is above the maximum.</exception>
    public double ProbabilityOutside(double minimum, bool minimumExclusive, double maximum, bool maximumExclusive)
    {
        if (double.IsNaN(minimum) || double.IsNaN(maximum) || minimum > maximum)
        {
            throw new ArgumentException($"The interval from {minimum} to {maximum} is no interval.", nameof(minimum));
        }

        var below = Cdf(minimum, inclusive: minimumExclusive);
        var above = double.IsPositiveInfinity(maximum) ? 0 : 1 - Cdf(maximum, inclusive: !maximumExclusive);
        return Clamp01(Clamp01(below) + Clamp01(above));
    }

    /// <summary>
    /// The canonical notation: the function form with every parameter written so that it reads back as the same
    /// double, e.g. <c>normal(1, 0.5)</c>; <see cref="BeliefNotation.Parse"/> of it gives the same distribution. An
    /// interval <c>A to B</c> is written as the normal or lognormal it stands for.
    /// </summary>
    public override string ToString() => Kind switch
    {
        BeliefKind.Truncated => $"truncate({Base}, {Format(_parameters[0])}, {Format(_parameters[1])})",
        _ => $"{BeliefNotation.NameOf(Kind)}({string.Join(", ", _parameters.Select(Format))})",
    };

    internal static BeliefDistribution Create(BeliefKind kind, double[] parameters) =>
        kind == BeliefKind.Truncated
            ? throw new ArgumentException("A truncation needs its base distribution.", nameof(kind))
            : new BeliefDistribution(kind, parameters, null);

    internal static BeliefDistribution Truncate(BeliefDistribution baseDistribution, double lo, double hi) =>
        new(BeliefKind.Truncated, [lo, hi], baseDistribution);

    /// <summary>P(X &lt;= x) when <paramref name="inclusive"/>, else P(X &lt; x); may stray from [0, 1] by rounding.</summary>
    internal double Cdf(double x, bool inclusive)
    {
        if (double.IsNegativeInfinity(x))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        var p = _parameters;
        switch (Kind)
        {
            case BeliefKind.PointMass:
                return (inclusive ? x >= p[0] : x > p[0]) ? 1 : 0;
            case BeliefKind.Normal:
                return Normal.CDF(p[0], p[1], x);
            case BeliefKind.LogNormal:
                return x <= 0 ? 0 : LogNormal.CDF(p[0], p[1], x);
            case BeliefKind.Uniform:
                return x <= p[0] ? 0 : x >= p[1] ? 1 : ContinuousUniform.CDF(p[0], p[1], x);
            case BeliefKind.LogUniform:
                return x <= p[0] ? 0 : x >= p[1] ? 1 : ContinuousUniform.CDF(Math.Log(p[0]), Math.Log(p[1]), Math.Log(x));
            case BeliefKind.Beta:
                return x <= 0 ? 0 : x >= 1 ? 1 : Beta.CDF(p[0], p[1], x);
            case BeliefKind.Triangular:
                return x <= p[0] ? 0 : x >= p[2] ? 1 : Triangular.CDF(lower: p[0], upper: p[2], mode: p[1], x: x);
            default:
                // Truncated: the base's mass in (lo, hi], renormalised.
                var (lo, hi) = (p[0], p[1]);
                if (x <= lo)
                {
                    return 0;
                }

                if (x > hi || (x == hi && inclusive))
                {
                    return 1;
                }

                var atLo = Base!.Cdf(lo, inclusive: true);
                return (Base.Cdf(x, inclusive) - atLo) / TruncatedMass(Base, lo, hi);
        }
    }

    /// <summary>The base's mass in (lo, hi], which a truncation divides by; 0 or less means nothing is left to keep.</summary>
    internal static double TruncatedMass(BeliefDistribution baseDistribution, double lo, double hi) =>
        baseDistribution.Cdf(hi, inclusive: true) - baseDistribution.Cdf(lo, inclusive: true);

    private double QuantileCore(double q)
    {
        var p = _parameters;
        switch (Kind)
        {
            case BeliefKind.PointMass:
                return p[0];
            case BeliefKind.Normal:
                return Normal.InvCDF(p[0], p[1], q);
            case BeliefKind.LogNormal:
                return LogNormal.InvCDF(p[0], p[1], q);
            case BeliefKind.Uniform:
                return ContinuousUniform.InvCDF(p[0], p[1], q);
            case BeliefKind.LogUniform:
                return Math.Clamp(Math.Exp(ContinuousUniform.InvCDF(Math.Log(p[0]), Math.Log(p[1]), q)), p[0], p[1]);
            case BeliefKind.Beta:
                return Beta.InvCDF(p[0], p[1], q);
            case BeliefKind.Triangular:
                return Triangular.InvCDF(lower: p[0], upper: p[2], mode: p[1], p: q);
            default:
                // Truncated: quantile q of the truncation is the base's quantile at F(lo) + q (F(hi) - F(lo)).
                var (lo, hi) = (p[0], p[1]);
                var atLo = Base!.Cdf(lo, inclusive: true);
                var baseQ = atLo + (q * TruncatedMass(Base, lo, hi));
                var inner = baseQ > 0 && baseQ < 1 ? Base.QuantileCore(baseQ) : baseQ <= 0 ? lo : hi;
                return Math.Clamp(inner, lo, hi);
        }
    }

    private static double Clamp01(double value) => Math.Clamp(value, 0, 1);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
