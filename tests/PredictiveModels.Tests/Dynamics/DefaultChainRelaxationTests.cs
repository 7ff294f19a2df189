using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Claim 7 of MODEL.md section 7 (the transient converges to the equilibrium) on the default chain. Fine-tuning's
/// transient, run on under its energy, gets within the threshold of its equilibrium a few hundred durations after the
/// phase's start; pre-training's does not within the search's work limit, and its relaxation time is at least 10^4
/// durations (a bottleneck bound; it was 10^6 while world and goal rates were per move, before a finer shipped grid made
/// the walk faster), so no duration derived from it can be run: for that phase the test states what holds.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DefaultChainRelaxationTests
{
    [Fact]
    public void Claim_7_holds_for_fine_tuning_on_the_default_chain_while_pre_training_stays_far_from_its_equilibrium_with_a_relaxation_time_beyond_10_to_the_4_durations()
    {
        var scenario = Scenario.Default;

        var result = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false);

        var pre = result.Phases[0];
        pre.Relaxation!.IsLowerBound.Should().BeTrue();
        pre.Relaxation.Log10Lower!.Value.Should().BeGreaterThan(Math.Log10(pre.Duration * 1e4), "pre-training relaxes no sooner than 10^4 durations");
        pre.Reachability!.ReachedAt.Should().BeNull();
        pre.Reachability.IndexThere.Should().BeGreaterThan(0.25, "far from equilibrium, not just above the threshold");

        var fine = result.Phases[1];
        fine.PathDependenceIndex.Should().BeGreaterThan(Reachability.Threshold, "at the end of the phase fine-tuning is still path dependent");
        var reached = fine.Reachability!.ReachedAt;
        reached.Should().NotBeNull(fine.Reachability.Problem);
        reached!.Value.Should().BeGreaterThan(fine.Duration);

        // Claim 7 itself: train fine-tuning for the time the search found, from the same start, and the index is below the threshold.
        var longer = scenario.Phases.Select(p => p.Name == fine.Name ? p.With(duration: reached.Value) : p).ToArray();
        var rerun = TrainingDynamics.Train(scenario, scenario.Dynamics, longer, absorption: false, relaxation: false).Phases[1];
        rerun.PathDependenceIndex.Should().BeLessThan(Reachability.Threshold);
        rerun.ErrorBound.Should().BeLessThan(1e-6);
    }
}
