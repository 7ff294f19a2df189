using System.Collections.Immutable;
using MathNet.Numerics.Statistics;

namespace PredictiveModels.Analysis;

/// <summary>
/// What a Monte Carlo sample of one probability says: its mean with the Monte Carlo standard error and a 95% interval
/// for the mean, five quantiles of the sample, and a histogram in fixed bins (no smoothing). Immutable.
/// </summary>
/// <param name="Mean">The sample mean, 0 to 1.</param>
/// <param name="StandardError">The Monte Carlo standard error of the mean: the sample standard deviation over the square root of the sample size; at least 0.</param>
/// <param name="MeanLower95">Mean minus 1.96 standard errors: the lower end of the normal-approximation 95% interval for the mean (not clipped to 0).</param>
/// <param name="MeanUpper95">Mean plus 1.96 standard errors.</param>
/// <param name="Quantiles">The sample's quantiles at <see cref="QuantileLevels"/>, in that order (the empirical inverse of the sample's distribution, MathNet's <c>Statistics.Quantile</c>, type R-8).</param>
/// <param name="HistogramCounts">How many samples fall in each of <see cref="HistogramBins"/> equal bins over [0, 1] (a value of exactly 1 counts in the last).</param>
public sealed record SampleSummary(double Mean, double StandardError, double MeanLower95, double MeanUpper95, ImmutableArray<double> Quantiles, ImmutableArray<int> HistogramCounts)
{
    /// <summary>The levels of <see cref="Quantiles"/>: 5, 25, 50, 75 and 95%.</summary>
    public static ImmutableArray<double> QuantileLevels { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>The number of histogram bins over [0, 1]: 20, each 0.05 wide.</summary>
    public const int HistogramBins = 20;

    /// <summary>Summarises a sample of probabilities.</summary>
    /// <param name="values">At least two values, each from 0 to 1.</param>
    /// <exception cref="ArgumentException">Fewer than two values, or one outside [0, 1] (NaN included).</exception>
    public static SampleSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException("A sample needs at least two values.", nameof(values));
        }

        var counts = new int[HistogramBins];
        foreach (var v in values)
        {
            if (!(v >= 0 && v <= 1))
            {
                throw new ArgumentException($"{v} is no probability.", nameof(values));
            }

            counts[Math.Min(HistogramBins - 1, (int)(v * HistogramBins))]++;
        }

        var (mean, variance) = values.MeanVariance();
        var error = Math.Sqrt(variance / values.Count);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var quantiles = QuantileLevels.Select(p => SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R8)).ToImmutableArray();
        return new SampleSummary(mean, error, mean - (1.96 * error), mean + (1.96 * error), quantiles, [.. counts]);
    }
}
