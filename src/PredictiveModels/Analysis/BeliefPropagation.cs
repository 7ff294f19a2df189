using System.Collections.Immutable;
using MathNet.Numerics.Statistics;
using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Analysis;

/// <summary>
/// Carries a scenario's beliefs (<see cref="Scenario.UncertainParameters"/>) through the simplicity posterior by Monte
/// Carlo: each sample draws every belief once, by inverse-CDF sampling from <see cref="CounterStream"/>, sets the
/// parameters, rescores and evaluates the posterior. Sample i's draws depend only on the seed and i, and each sample
/// lands by its index, so the result is the same for any number of threads.
/// </summary>
public static class BeliefPropagation
{
    /// <summary>The largest number of samples one call takes (the per-sample results are kept: 8 bytes per class and parameter each).</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>Samples the posterior under the scenario's beliefs.</summary>
    /// <param name="scenario">A scenario read from a file that states at least one belief.</param>
    /// <param name="samples">Number of samples, 2 to <see cref="MaxSamples"/>.</param>
    /// <param name="seed">The seed; the same seed gives the same result, bit for bit.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use: at least 1, or -1 for one per processor. The result does not depend on it.</param>
    /// <param name="progress">Receives the fraction of samples done (0 to 1), if given; may be called from several threads.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of samples or threads is out of range.</exception>
    /// <exception cref="ModelException">The scenario states no belief, or a belief on a parameter that cannot be varied (the message says why).</exception>
    public static BeliefPropagationResult Posterior(Scenario scenario, int samples, ulong seed, int maxDegreeOfParallelism = -1, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, MaxSamples);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be at least 1, or -1 for one per processor");
        }

        var beliefs = scenario.UncertainParameters;
        if (beliefs.IsEmpty)
        {
            throw new ModelException($"scenario '{scenario.Name}' states no belief as a distribution, so there is nothing to propagate; write one where a number goes, e.g. 'dataSize: 1e3 to 1e5'");
        }

        var parameters = beliefs.Select(b => ScenarioParameter.Parse(b.Path, scenario)).ToArray();
        var classCount = OutcomeDistribution.Classes.Length;
        var inputs = new double[samples * beliefs.Length];
        var classes = new double[samples * classCount];
        var deceptive = new double[samples];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
        Parallel.For(0, samples, options, i =>
        {
            var changed = scenario;
            for (var j = 0; j < beliefs.Length; j++)
            {
                var value = beliefs[j].Distribution.Quantile(CounterStream.Uniform(seed, i, j));
                inputs[(i * beliefs.Length) + j] = value;
                changed = parameters[j].Set(changed, value);
            }

            var posterior = SimplicityPosterior.Compute(changed);
            deceptive[i] = posterior.DeceptiveProbability;
            for (var c = 0; c < classCount; c++)
            {
                classes[(i * classCount) + c] = posterior.Classes[c];
            }

            if (progress is not null)
            {
                progress.Report(Interlocked.Increment(ref done) / (double)samples);
            }
        });

        var correlations = Enumerable.Range(0, beliefs.Length)
            .Select(j => RankCorrelation(Enumerable.Range(0, samples).Select(i => inputs[(i * beliefs.Length) + j]).ToArray(), deceptive))
            .ToImmutableArray();
        var perClass = Enumerable.Range(0, classCount)
            .Select(c => SampleSummary.Of(Enumerable.Range(0, samples).Select(i => classes[(i * classCount) + c]).ToArray()))
            .ToImmutableArray();
        return new BeliefPropagationResult(beliefs, samples, seed, SampleSummary.Of(deceptive), perClass, correlations, [.. deceptive], [.. inputs]);
    }

    /// <summary>Spearman's rank correlation (MathNet), NaN when either sample is constant.</summary>
    private static double RankCorrelation(double[] x, double[] y) =>
        IsConstant(x) || IsConstant(y) ? double.NaN : Correlation.Spearman(x, y);

    private static bool IsConstant(double[] values) => values.All(v => v == values[0]);
}
