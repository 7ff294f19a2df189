using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary><see cref="TrainingDynamics.Continue"/>: training the last phases on from the first gives what training them all at once gives.</summary>
public sealed class TrainingContinuationTests
{
    [Fact]
    public void Training_on_from_the_first_phase_gives_the_numbers_of_training_every_phase_in_one_call()
    {
        var scenario = DynamicsTestScenarios.Tiny().With(phases: [Phase.Create("pre", 5), Phase.Create("rl", 3, conditionalBits: 2)]);
        var whole = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false, relaxation: false);

        var first = TrainingDynamics.Continue(scenario, scenario.Dynamics, TrainingState.Start, scenario.Phases[..1], null, default, absorption: false, relaxation: false);
        var rest = TrainingDynamics.Continue(scenario, scenario.Dynamics, first, scenario.Phases, null, default, absorption: false, relaxation: false);

        first.Phases.Should().ContainSingle();
        first.Carried.Should().HaveCount(first.Space!.Count).And.Subject.Sum().Should().BeApproximately(1, 1e-12);
        rest.Phases.Should().HaveCount(2);
        rest.Phases[0].Should().BeSameAs(first.Phases[0]);
        for (var k = 0; k < 2; k++)
        {
            rest.Phases[k].Transient.Probabilities.Should().Equal(whole.Phases[k].Transient.Probabilities);
            rest.Phases[k].Equilibrium.Probabilities.Should().Equal(whole.Phases[k].Equilibrium.Probabilities);
            rest.Phases[k].ErrorBound.Should().Be(whole.Phases[k].ErrorBound);
        }
    }

    [Fact]
    public void A_state_can_be_trained_on_from_by_several_runs_without_being_changed()
    {
        var scenario = DynamicsTestScenarios.Tiny().With(phases: [Phase.Create("pre", 5), Phase.Create("rl", 3, conditionalBits: 2)]);
        var first = TrainingDynamics.Continue(scenario, scenario.Dynamics, TrainingState.Start, scenario.Phases[..1], null, default, absorption: false, relaxation: false);
        var carried = first.Carried!.ToArray();

        var a = TrainingDynamics.Continue(scenario, scenario.Dynamics, first, scenario.Phases, null, default, absorption: false, relaxation: false);
        var b = TrainingDynamics.Continue(scenario, scenario.Dynamics, first, scenario.Phases, null, default, absorption: false, relaxation: false);

        first.Carried.Should().Equal(carried);
        b.Phases[1].Transient.Probabilities.Should().Equal(a.Phases[1].Transient.Probabilities);
    }
}
