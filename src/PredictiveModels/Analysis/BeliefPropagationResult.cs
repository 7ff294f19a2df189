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
public sealed record BeliefPropagationResult(
    ImmutableArray<UncertainParameter> Parameters,
    int Samples,
    ulong Seed,
    SampleSummary DeceptiveProbability,
    ImmutableArray<SampleSummary> Classes,
    ImmutableArray<double> RankCorrelations,
    ImmutableArray<double> DeceptiveSamples);
