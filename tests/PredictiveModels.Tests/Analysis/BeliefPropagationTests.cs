using PredictiveModels.Analysis;
using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Analysis;

/// <summary><see cref="BeliefPropagation"/>: the posterior (and training) under a scenario's beliefs, by Monte Carlo.</summary>
public sealed class BeliefPropagationTests
{
    private static Scenario Uncertain(string analysisLines) =>
        ScenarioLoader.Parse($"schemaVersion: 1\nextends: default\nanalysis:\n{analysisLines}", "uncertain.yaml");

    private static readonly Scenario TwoBeliefs = Uncertain("  dataSize: 1e3 to 1e5\n  speedWeight: uniform(0, 2)\n");

    private static PropagationSettings Rank(int samples, ulong seed) => new(samples, seed, sensitivity: SensitivityMethod.RankCorrelation);

    [Fact]
    public void The_same_seed_gives_the_same_result_bit_for_bit_on_one_thread_or_many()
    {
        var settings = new PropagationSettings(64, 7);
        var one = BeliefPropagation.Run(TwoBeliefs, settings, maxDegreeOfParallelism: 1);
        var many = BeliefPropagation.Run(TwoBeliefs, settings, maxDegreeOfParallelism: 4);

        many.Evaluations.Outputs.Should().Equal(one.Evaluations.Outputs);
        many.Evaluations.Inputs.Should().Equal(one.Evaluations.Inputs);
        many.Posterior.DeceptiveProbability.Should().BeEquivalentTo(one.Posterior.DeceptiveProbability);
        many.Posterior.RankCorrelations.Should().Equal(one.Posterior.RankCorrelations);
    }

    [Fact]
    public void Shards_evaluated_apart_and_joined_are_the_whole_run_to_the_bit()
    {
        var settings = new PropagationSettings(23, 5);
        var whole = BeliefPropagation.Run(TwoBeliefs, settings);

        var parts = Enumerable.Range(1, 4).Select(i =>
        {
            var (first, count) = BeliefPropagation.Shard(23, i, 4);
            return BeliefPropagation.Evaluate(TwoBeliefs, settings, first, count, maxDegreeOfParallelism: i % 2 + 1);
        }).ToList();
        var joined = BeliefPropagation.Summarise(TwoBeliefs.UncertainParameters, settings, PropagationEvaluations.Concatenate(parts));

        joined.Evaluations.Outputs.Should().Equal(whole.Evaluations.Outputs);
        joined.Evaluations.Inputs.Should().Equal(whole.Evaluations.Inputs);
        joined.Posterior.Should().BeEquivalentTo(whole.Posterior);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 3)]
    [InlineData(10, 10)]
    [InlineData(1_000_000, 7)]
    public void The_shards_cover_every_sample_once_in_order(int samples, int shards)
    {
        var next = 0;
        for (var i = 1; i <= shards; i++)
        {
            var (first, count) = BeliefPropagation.Shard(samples, i, shards);
            first.Should().Be(next);
            count.Should().BeGreaterThan(0);
            next = first + count;
        }

        next.Should().Be(samples);
    }

    [Fact]
    public void Joining_shards_with_a_gap_or_an_overlap_is_refused()
    {
        var settings = Rank(10, 1);
        var a = BeliefPropagation.Evaluate(TwoBeliefs, settings, 0, 4);
        var b = BeliefPropagation.Evaluate(TwoBeliefs, settings, 5, 5);
        var c = BeliefPropagation.Evaluate(TwoBeliefs, settings, 3, 7);

        FluentActions.Invoking(() => PropagationEvaluations.Concatenate([a, b])).Should().Throw<ArgumentException>().WithMessage("*samples 4 to 4 are missing*");
        FluentActions.Invoking(() => PropagationEvaluations.Concatenate([a, c])).Should().Throw<ArgumentException>().WithMessage("*samples 3 to 3 are there twice*");
    }

    [Fact]
    public void Another_seed_draws_other_samples()
    {
        var a = BeliefPropagation.Run(TwoBeliefs, Rank(16, 1));
        var b = BeliefPropagation.Run(TwoBeliefs, Rank(16, 2));

        b.DeceptiveSamples().Should().NotEqual(a.DeceptiveSamples());
    }

    [Fact]
    public void Each_sample_is_the_posterior_of_the_scenario_with_that_samples_draws_and_the_saltelli_rows_swap_one_belief_each()
    {
        var result = BeliefPropagation.Run(TwoBeliefs, new PropagationSettings(8, 3));
        var beliefs = TwoBeliefs.UncertainParameters.Select(u => u.Path).ToList();
        var d = beliefs.IndexOf("analysis.dataSize");
        var s = beliefs.IndexOf("analysis.speedWeight");
        double Draw(int belief, int sample, int input) => TwoBeliefs.UncertainParameters[belief].Distribution.Quantile(CounterStream.Uniform(3, sample, input));
        double Posterior(double dataSize, double speedWeight) =>
            SimplicityPosterior.Compute(TwoBeliefs.With(analysis: TwoBeliefs.Analysis.With(dataSize: dataSize, speedWeight: speedWeight))).DeceptiveProbability;

        result.Evaluations.EvaluationsPerSample.Should().Be(4);
        for (var i = 0; i < 8; i++)
        {
            var (dataA, speedA) = (Draw(d, i, d), Draw(s, i, s));
            var (dataB, speedB) = (Draw(d, i, 2 + d), Draw(s, i, 2 + s));
            result.Input(i, d).Should().Be(dataA);
            result.Input(i, s).Should().Be(speedA);
            result.Evaluations.Output(i, 0, PropagationMeasure.Posterior, OutcomeClass.Deceptive).Should().Be(Posterior(dataA, speedA));
            result.Evaluations.Output(i, 1, PropagationMeasure.Posterior, OutcomeClass.Deceptive).Should().Be(Posterior(dataB, speedB));
            result.Evaluations.Output(i, 2 + d, PropagationMeasure.Posterior, OutcomeClass.Deceptive).Should().Be(Posterior(dataB, speedA));
            result.Evaluations.Output(i, 2 + s, PropagationMeasure.Posterior, OutcomeClass.Deceptive).Should().Be(Posterior(dataA, speedB));
        }
    }

    [Fact]
    public void The_base_draws_are_the_same_whichever_sensitivity_method_so_the_summaries_agree()
    {
        var rank = BeliefPropagation.Run(TwoBeliefs, Rank(32, 9));
        var sobol = BeliefPropagation.Run(TwoBeliefs, new PropagationSettings(32, 9));

        sobol.Evaluations.Inputs.Should().Equal(rank.Evaluations.Inputs);
        sobol.DeceptiveSamples().Should().Equal(rank.DeceptiveSamples());
        sobol.Posterior.DeceptiveProbability.Should().BeEquivalentTo(rank.Posterior.DeceptiveProbability);
    }

    [Fact]
    public void Sobol_indices_come_from_the_saltelli_rows_and_rank_correlations_alone_leave_them_out()
    {
        var sobol = BeliefPropagation.Run(TwoBeliefs, new PropagationSettings(256, 2));
        var rank = BeliefPropagation.Run(TwoBeliefs, Rank(256, 2));
        var d = TwoBeliefs.UncertainParameters.Select(u => u.Path).ToList().IndexOf("analysis.dataSize");
        var n = sobol.Evaluations.Count;
        double Deceptive(int i, int evaluation) => sobol.Evaluations.Output(i, evaluation, PropagationMeasure.Posterior, OutcomeClass.Deceptive);

        var expected = SobolIndices.Estimate(
            [.. Enumerable.Range(0, n).Select(i => Deceptive(i, 0))],
            [.. Enumerable.Range(0, n).Select(i => Deceptive(i, 1))],
            [.. Enumerable.Range(0, n).SelectMany(i => new[] { Deceptive(i, 2), Deceptive(i, 3) })],
            2,
            PropagationSettings.DefaultBootstrapResamples,
            2);
        sobol.Posterior.Sobol.Should().BeEquivalentTo(expected);
        sobol.Posterior.Sobol!.Indices[1 - d].TotalOrder.Should().BeGreaterThan(sobol.Posterior.Sobol.Indices[d].TotalOrder, "the speed weight drives the default's posterior more than the data size");
        rank.Posterior.Sobol.Should().BeNull();
    }

    private static readonly Scenario Correlated = ScenarioLoader.Parse(
        "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: uniform(0, 2)\nuncertainty:\n  correlations:\n    - between: [analysis.dataSize, analysis.speedWeight]\n      rank: 0.7\n",
        "correlated.yaml");

    [Fact]
    public void Correlated_beliefs_are_drawn_with_the_stated_rank_correlation_and_their_own_distributions()
    {
        var result = BeliefPropagation.Run(Correlated, Rank(2000, 3));
        var independent = BeliefPropagation.Run(TwoBeliefs, Rank(2000, 3));
        var columns = Enumerable.Range(0, 2).Select(j => Enumerable.Range(0, 2000).Select(i => result.Input(i, j)).ToArray()).ToArray();

        MathNet.Numerics.Statistics.Correlation.Spearman(columns[0], columns[1]).Should().BeApproximately(0.7, 0.03);
        for (var j = 0; j < 2; j++)
        {
            columns[j].Order().Should().Equal(Enumerable.Range(0, 2000).Select(i => independent.Input(i, j)).Order(), "Iman-Conover only pairs the draws differently");
        }
    }

    [Fact]
    public void Correlated_beliefs_shard_like_independent_ones_and_refuse_sobol_indices()
    {
        var settings = Rank(30, 8);
        var whole = BeliefPropagation.Run(Correlated, settings);
        var parts = Enumerable.Range(1, 3).Select(i =>
        {
            var (first, count) = BeliefPropagation.Shard(30, i, 3);
            return BeliefPropagation.Evaluate(Correlated, settings, first, count);
        }).ToList();

        PropagationEvaluations.Concatenate(parts).Outputs.Should().Equal(whole.Evaluations.Outputs);
        FluentActions.Invoking(() => BeliefPropagation.Run(Correlated, new PropagationSettings(30, 8)))
            .Should().Throw<ModelException>().WithMessage("*Sobol indices assume independent beliefs*take rank correlations instead*");
    }

    [Fact]
    public void Cancelling_during_a_run_stops_it_with_an_operation_cancelled_exception()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new Cancelling(cancellation, after: 0.1);

        FluentActions.Invoking(() => BeliefPropagation.Run(TwoBeliefs, new PropagationSettings(200_000, 1), progress: progress, cancellation: cancellation.Token))
            .Should().Throw<OperationCanceledException>();
        progress.Last.Should().BeLessThan(1, "the run stopped before its end");
    }

    private sealed class Cancelling(CancellationTokenSource source, double after) : IProgress<double>
    {
        public double Last { get; private set; }

        public void Report(double value)
        {
            Last = value;
            if (value >= after)
            {
                source.Cancel();
            }
        }
    }

    [Fact]
    public void A_belief_that_is_certain_gives_the_point_posterior_with_no_spread()
    {
        var scenario = Uncertain("  dataSize: pointMass(5000)\n");

        var result = BeliefPropagation.Run(scenario, Rank(10, 1));

        var point = SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(dataSize: 5000))).DeceptiveProbability;
        result.Posterior.DeceptiveProbability.Mean.Should().BeApproximately(point, 1e-15);
        result.Posterior.DeceptiveProbability.StandardError.Should().BeLessThan(1e-15, "every sample is the same up to rounding in the variance");
        result.Posterior.RankCorrelations.Single().Should().Be(double.NaN, "an input that does not vary has no rank correlation");
    }

    [Fact]
    public void The_summary_is_consistent_with_the_samples_and_the_classes_sum_to_one()
    {
        var result = BeliefPropagation.Run(TwoBeliefs, Rank(200, 11));
        var posterior = result.Posterior;

        posterior.DeceptiveProbability.HistogramCounts.Sum().Should().Be(200);
        posterior.DeceptiveProbability.Quantiles.Should().BeInAscendingOrder();
        posterior.DeceptiveProbability.Mean.Should().BeApproximately(result.DeceptiveSamples().Average(), 1e-12);
        posterior.DeceptiveProbability.MeanLower95.Should().BeLessThanOrEqualTo(posterior.DeceptiveProbability.Mean);
        posterior.Classes.Sum(c => c.Mean).Should().BeApproximately(1, 1e-12);
        posterior.RankCorrelations.Should().AllSatisfy(r => r.Should().BeInRange(-1, 1));
    }

    [Fact]
    public void With_dynamics_every_sample_also_trains_and_reports_the_end_of_training_and_the_equilibrium()
    {
        var scenario = ScenarioLoader.Parse(
            "schemaVersion: 1\nextends: default\nanalysis:\n  speedWeight: uniform(0, 2)\ndynamics:\n  goalResolution: 16\n  worldSteps: 2\n",
            "uncertain.yaml");

        var result = BeliefPropagation.Run(scenario, new PropagationSettings(3, 1, dynamics: true, sensitivity: SensitivityMethod.RankCorrelation));

        result.Measures.Select(m => m.Measure).Should().Equal(PropagationMeasure.Posterior, PropagationMeasure.EndOfTraining, PropagationMeasure.Equilibrium);
        var trained = ScenarioParameter.Parse("analysis.speedWeight", scenario).Set(scenario, result.Input(1, 0));
        var expected = PredictiveModels.Dynamics.TrainingDynamics.Train(trained, trained.Dynamics, trained.Phases, absorption: false, relaxation: false);
        result.Evaluations.Output(1, 0, PropagationMeasure.EndOfTraining, OutcomeClass.Deceptive).Should().BeApproximately(expected.Transient.DeceptiveProbability, 1e-15);
        result.Evaluations.Output(1, 0, PropagationMeasure.Equilibrium, OutcomeClass.Deceptive).Should().BeApproximately(expected.Equilibrium.DeceptiveProbability, 1e-15);
    }

    [Fact]
    public void The_draws_follow_the_belief_the_sample_means_of_a_uniform_input_is_its_mean_within_four_standard_errors()
    {
        var belief = BeliefNotation.Parse("uniform(0, 2)");
        var draws = Enumerable.Range(0, 20_000).Select(i => belief.Quantile(CounterStream.Uniform(5, i, 1))).ToArray();

        var standardError = Math.Sqrt(4.0 / 12 / draws.Length);
        draws.Average().Should().BeApproximately(1, 4 * standardError);
        draws.Should().OnlyContain(x => x > 0 && x < 2);
    }

    [Fact]
    public void A_scenario_without_beliefs_or_bad_settings_are_refused()
    {
        FluentActions.Invoking(() => BeliefPropagation.Run(Scenario.Default, Rank(10, 1))).Should().Throw<ModelException>().WithMessage("*states no belief*");
        FluentActions.Invoking(() => new PropagationSettings(1, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new PropagationSettings(PropagationSettings.MaxSamples + 1, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new PropagationSettings(10, 1, bootstrapResamples: 10)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BeliefPropagation.Run(TwoBeliefs, Rank(10, 1), maxDegreeOfParallelism: 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BeliefPropagation.Evaluate(TwoBeliefs, Rank(10, 1), 5, 6)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
