using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary><see cref="TrainingDynamics.TryTrain"/>: a solver that cannot meet its tolerance is a result, not an exception.</summary>
public sealed class TrainingDynamicsTryTrainTests
{
    [Fact]
    public void TryTrain_returns_the_solver_failure_that_Train_throws()
    {
        var scenario = DynamicsTestScenarios.NonConverging();

        var ok = TrainingDynamics.TryTrain(scenario, scenario.Dynamics, out var result, out var failure, scenario.Phases, absorption: false, relaxation: false);

        ok.Should().BeFalse();
        result.Should().BeNull();
        failure!.Solver.Should().Be("equilibrium with resets");
        var thrown = FluentActions.Invoking(() => TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false, relaxation: false))
            .Should().Throw<SolverException>().Which;
        failure.Message.Should().Be(thrown.Message);
    }

    [Fact]
    public void TryTrain_returns_the_result_of_Train_when_every_solver_converges()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var ok = TrainingDynamics.TryTrain(scenario, scenario.Dynamics, out var result, out var failure);

        ok.Should().BeTrue();
        failure.Should().BeNull();
        result!.Transient.Probabilities.Should().Equal(TrainingDynamics.Train(scenario, scenario.Dynamics).Transient.Probabilities);
    }
}
