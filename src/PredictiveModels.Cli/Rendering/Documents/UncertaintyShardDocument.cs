using System.Text.Json.Serialization;
using PredictiveModels.Analysis;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// The document <c>uncertainty --shard I/K</c> writes: the head of the whole run's document, which shard this is, and
/// the raw evaluations of its base samples (no summaries: quantiles and indices need every sample). <c>merge</c> reads
/// K of them and writes the document the unsharded run writes.
/// </summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seed">The seed of every draw.</param>
/// <param name="Samples">The whole run's base samples.</param>
/// <param name="Dynamics">Whether every evaluation trained the chain too.</param>
/// <param name="Sensitivity">The sensitivity method: <c>rankCorrelation</c> or <c>sobol</c>.</param>
/// <param name="BootstrapResamples">The bootstrap resamples of the Sobol indices; absent for rank correlations.</param>
/// <param name="Shard">Which part of the samples this is.</param>
/// <param name="Parameters">The beliefs that were sampled.</param>
/// <param name="Evaluations">The shard's raw evaluations.</param>
internal sealed record UncertaintyShardDocument(
    ScenarioReference? Scenario,
    ulong Seed,
    int Samples,
    bool Dynamics,
    string Sensitivity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BootstrapResamples,
    ShardDocument Shard,
    IReadOnlyList<BeliefDocument> Parameters,
    EvaluationsDocument Evaluations)
    : OutputDocument("uncertainty", Scenario);

/// <summary>Which part of a run's base samples a shard holds.</summary>
/// <param name="Index">The shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">The number of shards of the run.</param>
/// <param name="FirstSample">The shard's first base sample, from 0.</param>
/// <param name="Samples">The shard's number of base samples.</param>
internal sealed record ShardDocument(int Index, int Count, int FirstSample, int Samples);

/// <summary>A shard's raw evaluations (see <see cref="PropagationEvaluations"/>).</summary>
/// <param name="EvaluationsPerSample">1 for rank correlations, d + 2 for Sobol indices.</param>
/// <param name="Measures">The measures, in order.</param>
/// <param name="Classes">The outcome classes, in order.</param>
/// <param name="Inputs">Each base sample's draws, row-major (samples × beliefs).</param>
/// <param name="Outputs">Class probabilities, row-major over (sample, evaluation, measure, class).</param>
internal sealed record EvaluationsDocument(int EvaluationsPerSample, IReadOnlyList<string> Measures, IReadOnlyList<string> Classes, IReadOnlyList<double> Inputs, IReadOnlyList<double> Outputs);
