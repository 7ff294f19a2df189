using PredictiveModels.Analysis;
using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Analysis;

/// <summary><see cref="BeliefPropagation"/>: the simplicity posterior under a scenario's beliefs, by Monte Carlo.</summary>
public sealed class BeliefPropagationTests
{
    private static Scenario Uncertain(string analysisLines) =>
        ScenarioLoader.Parse($"schemaVersion: 1\nextends: default\nanalysis:\n{analysisLines}", "uncertain.yaml");

    private static readonly Scenario TwoBeliefs = Uncertain("  dataSize: 1e3 to 1e5\n  speedWeight: uniform(0, 2)\n");

    [Fact]
    public void The_same_seed_gives_the_same_result_bit_for_bit_on_one_thread_or_many()
    {
        var one = BeliefPropagation.Posterior(TwoBeliefs, 64, seed: 7, maxDegreeOfParallelism: 1);
        var many = BeliefPropagation.Posterior(TwoBeliefs, 64, seed: 7, maxDegreeOfParallelism: 4);

        many.DeceptiveSamples.Should().Equal(one.DeceptiveSamples);
        many.DeceptiveProbability.Should().BeEquivalentTo(one.DeceptiveProbability);
        many.RankCorrelations.Should().Equal(one.RankCorrelations);
    }

    [Fact]
    public void Another_seed_draws_other_samples()
    {
        var a = BeliefPropagation.Posterior(TwoBeliefs, 16, seed: 1);
        var b = BeliefPropagation.Posterior(TwoBeliefs, 16, seed: 2);

        b.DeceptiveSamples.Should().NotEqual(a.DeceptiveSamples);
    }

    [Fact]
    public void Each_sample_is_the_posterior_of_the_scenario_with_that_samples_draws()
    {
        var result = BeliefPropagation.Posterior(TwoBeliefs, 8, seed: 3);
        var beliefs = TwoBeliefs.UncertainParameters.Select(u => u.Path).ToList();
        var d = beliefs.IndexOf("analysis.dataSize");
        var s = beliefs.IndexOf("analysis.speedWeight");

        for (var i = 0; i < 8; i++)
        {
            var dataSize = TwoBeliefs.UncertainParameters[d].Distribution.Quantile(CounterStream.Uniform(3, i, d));
            var speedWeight = TwoBeliefs.UncertainParameters[s].Distribution.Quantile(CounterStream.Uniform(3, i, s));
            var changed = TwoBeliefs.With(analysis: TwoBeliefs.Analysis.With(dataSize: dataSize, speedWeight: speedWeight));
            result.DeceptiveSamples[i].Should().Be(SimplicityPosterior.Compute(changed).DeceptiveProbability);
            result.Input(i, d).Should().Be(dataSize);
            result.Input(i, s).Should().Be(speedWeight);
        }
    }

    [Fact]
    public void A_belief_that_is_certain_gives_the_point_posterior_with_no_spread()
    {
        var scenario = Uncertain("  dataSize: pointMass(5000)\n");

        var result = BeliefPropagation.Posterior(scenario, 10, seed: 1);

        var point = SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(dataSize: 5000))).DeceptiveProbability;
        result.DeceptiveProbability.Mean.Should().BeApproximately(point, 1e-15);
        result.DeceptiveProbability.StandardError.Should().BeLessThan(1e-15, "every sample is the same up to rounding in the variance");
        result.RankCorrelations.Single().Should().Be(double.NaN, "an input that does not vary has no rank correlation");
    }

    [Fact]
    public void The_summary_is_consistent_with_the_samples_and_the_classes_sum_to_one()
    {
        var result = BeliefPropagation.Posterior(TwoBeliefs, 200, seed: 11);

        result.DeceptiveProbability.HistogramCounts.Sum().Should().Be(200);
        result.DeceptiveProbability.Quantiles.Should().BeInAscendingOrder();
        result.DeceptiveProbability.Mean.Should().BeApproximately(result.DeceptiveSamples.Average(), 1e-12);
        result.DeceptiveProbability.MeanLower95.Should().BeLessThanOrEqualTo(result.DeceptiveProbability.Mean);
        result.Classes.Sum(c => c.Mean).Should().BeApproximately(1, 1e-12);
        result.RankCorrelations.Should().AllSatisfy(r => r.Should().BeInRange(-1, 1));
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
    public void A_scenario_without_beliefs_or_with_too_few_samples_is_refused()
    {
        FluentActions.Invoking(() => BeliefPropagation.Posterior(Scenario.Default, 10, 1)).Should().Throw<ModelException>().WithMessage("*states no belief*");
        FluentActions.Invoking(() => BeliefPropagation.Posterior(TwoBeliefs, 1, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BeliefPropagation.Posterior(TwoBeliefs, BeliefPropagation.MaxSamples + 1, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BeliefPropagation.Posterior(TwoBeliefs, 10, 1, maxDegreeOfParallelism: 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
