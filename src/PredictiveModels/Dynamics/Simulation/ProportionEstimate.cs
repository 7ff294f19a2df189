using System.Globalization;

namespace PredictiveModels.Dynamics;

/// <summary>
/// A proportion estimated from independent trials: <see cref="Count"/> successes out of
/// <see cref="Total"/>, with its 95% Wilson score interval. Unlike the normal interval, the Wilson
/// interval stays inside [0, 1] and has sensible width when the count is 0 or all trials.
/// </summary>
public sealed record ProportionEstimate
{
    /// <summary>The normal quantile of a two-sided 95% interval, <c>Phi^-1(0.975)</c>.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Creates the estimate and its interval.</summary>
    /// <param name="count">Successes, 0 to <paramref name="total"/>.</param>
    /// <param name="total">Trials, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are out of range.</exception>
    public ProportionEstimate(int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        Count = count;
        Total = total;
        (Lower, Upper) = Wilson(count, total, Z95);
    }

    /// <summary>Successes, 0 to <see cref="Total"/>.</summary>
    public int Count { get; }

    /// <summary>Trials, at least 1.</summary>
    public int Total { get; }

    /// <summary>The point estimate <c>Count / Total</c>, 0 to 1.</summary>
    public double Value => (double)Count / Total;

    /// <summary>The lower end of the 95% Wilson score interval, 0 to <see cref="Value"/>.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the 95% Wilson score interval, <see cref="Value"/> to 1.</summary>
    public double Upper { get; }

    /// <summary>The standard error of the point estimate, <c>sqrt(p (1 - p) / Total)</c> (0 when the count is 0 or all trials).</summary>
    public double StandardError => Math.Sqrt(Value * (1 - Value) / Total);

    /// <summary>True when <paramref name="probability"/> lies in the 95% interval, ends included.</summary>
    /// <param name="probability">A probability, 0 to 1.</param>
    public bool Contains(double probability) => probability >= Lower && probability <= Upper;

    /// <summary>The estimate and its interval, e.g. <c>0.2513 [0.2453, 0.2574] (5026/20000)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:G4} [{Lower:G4}, {Upper:G4}] ({Count}/{Total})");

    /// <summary>The Wilson score interval of <paramref name="count"/> successes in <paramref name="total"/> trials at normal quantile <paramref name="z"/>.</summary>
    internal static (double Lower, double Upper) Wilson(int count, int total, double z)
    {
        double n = total;
        var p = count / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // The interval always contains p; at the ends it touches 0 or 1 exactly.
        var lower = count == 0 ? 0 : Math.Min(p, Math.Max(0, centre - half));
        var upper = count == total ? 1 : Math.Max(p, Math.Min(1, centre + half));
        return (lower, upper);
    }
}
