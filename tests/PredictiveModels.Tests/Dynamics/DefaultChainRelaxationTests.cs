using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Claim 7 of MODEL.md section 7 (the transient converges to the equilibrium) on the default chain. Its relaxation
/// time is far beyond any computable duration (bottleneck bounds of about 10^121349 and 10^1773 time units), so no
/// duration derived from it can be run: the test states what holds instead.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DefaultChainRelaxationTests
{
    [Fact]
    public void Claim_7_is_out_of_reach_on_the_default_chain_its_relaxation_time_exceeds_10_to_the_1000_and_the_index_stays_above_the_threshold_at_10_to_the_6_durations()
    {
        var scenario = Scenario.Default;

        var result = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false);

        foreach (var phase in result.Phases)
        {
            var relaxation = phase.Relaxation!;
            relaxation.IsLowerBound.Should().BeTrue(phase.Name);
            relaxation.Log10Lower!.Value.Should().BeGreaterThan(1000, $"{phase.Name}: no training time a double can hold crosses the barrier");
            var reach = phase.Reachability!;
            reach.Problem.Should().StartWith("not reached within 10^6 x the phase's duration", phase.Name);
            reach.SearchedUntil.Should().BeApproximately(phase.Duration * Reachability.HorizonFactor, phase.Duration * 1e-6);
            reach.IndexThere.Should().BeGreaterThan(0.25, $"{phase.Name}: far from equilibrium, not just above {Reachability.Threshold}");
            reach.ErrorBound.Should().BeLessThan(1e-6);
        }
    }
}
