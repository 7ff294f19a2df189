using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Analysis;

/// <summary>
/// What a belief propagation's base samples say about one measure: P(Deceptive) and every outcome class over the
/// samples, and how much each belief drives P(Deceptive). Immutable.
/// </summary>
/// <param name="Measure">The measure.</param>
/// <param name="DeceptiveProbability">P(Deceptive) over the base samples.</param>
/// <param name="Classes">Every outcome class's probability over the base samples, in <see cref="OutcomeDistribution.Classes"/> order. At the end of training the classes may sum to less than 1 (the rest has no goal yet).</param>
/// <param name="RankCorrelations">
/// For each belief, in the order of the propagation's parameters, Spearman's rank correlation between its draws and
/// P(Deceptive), -1 to 1: how monotonically the belief drives the headline. NaN when either does not vary.
/// </param>
public sealed record MeasureSummary(
    PropagationMeasure Measure,
    SampleSummary DeceptiveProbability,
    ImmutableArray<SampleSummary> Classes,
    ImmutableArray<double> RankCorrelations);
