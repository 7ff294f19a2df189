using System.Collections.Immutable;
using PredictiveModels.Structures;
using PredictiveModels.Uncertainty;

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
/// <param name="Sobol">
/// The Sobol first- and total-order indices of P(Deceptive), one per belief in the propagation's order, with bootstrap
/// 95% intervals; null when the propagation computed rank correlations only.
/// </param>
public sealed record MeasureSummary(
    PropagationMeasure Measure,
    SampleSummary DeceptiveProbability,
    ImmutableArray<SampleSummary> Classes,
    ImmutableArray<double> RankCorrelations,
    SobolEstimate? Sobol);
