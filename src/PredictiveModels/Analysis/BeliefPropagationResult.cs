using System.Collections.Immutable;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Analysis;

/// <summary>
/// The simplicity posterior under a scenario's beliefs: what <see cref="BeliefPropagation.Posterior"/> found over its
/// samples. Immutable.
/// </summary>
/// <param name="Parameters">The beliefs that were sampled, in the scenario's order.</param>
/// <param name="Samples">The number of samples, at least 2.</param>
/// <param name="Seed">The seed every draw came from (with the sample's and the input's index, see <see cref="Uncertainty.CounterStream"/>).</param>
/// <param name="DeceptiveProbability">P(Deceptive) over the samples.</param>
/// <param name="Classes">Every outcome class's probability over the samples, in <see cref="OutcomeDistribution.Classes"/> order.</param>
/// <param name="RankCorrelations">
/// For each parameter, in the order of <paramref name="Parameters"/>, Spearman's rank correlation between its sampled
/// values and P(Deceptive), -1 to 1: how monotonically the belief drives the headline. NaN when either does not vary.
/// </param>
/// <param name="DeceptiveSamples">P(Deceptive) of each sample, by sample index.</param>
/// <param name="InputSamples">The value each sample drew for each parameter, sample by sample (row-major: sample i's values start at <c>i * Parameters.Length</c>); see <see cref="Input"/>.</param>
public sealed record BeliefPropagationResult(
    ImmutableArray<UncertainParameter> Parameters,
    int Samples,
    ulong Seed,
    SampleSummary DeceptiveProbability,
    ImmutableArray<SampleSummary> Classes,
    ImmutableArray<double> RankCorrelations,
    ImmutableArray<double> DeceptiveSamples,
    ImmutableArray<double> InputSamples)
{
    /// <summary>The value sample <paramref name="sample"/> drew for parameter <paramref name="parameter"/>, in the parameter's unit.</summary>
    /// <param name="sample">0 to <see cref="Samples"/> - 1.</param>
    /// <param name="parameter">0 to the number of <see cref="Parameters"/> - 1.</param>
    public double Input(int sample, int parameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Samples);
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, Parameters.Length);
        return InputSamples[(sample * Parameters.Length) + parameter];
    }
}
