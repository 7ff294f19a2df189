using PredictiveModels.Analysis;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Dynamics;

namespace PredictiveModels.Tests.Analysis;

/// <summary><see cref="ScenarioAnalysis.TryRun"/>: a solver that cannot meet its tolerance is a result, not an exception.</summary>
public sealed class ScenarioAnalysisTryRunTests
{
    [Fact]
    public void TryRun_returns_a_failing_solver_as_its_outcome_and_still_throws_on_invalid_input()
    {
        var ok = ScenarioAnalysis.TryRun(DynamicsTestScenarios.NonConverging(), out var result, out var failure, levers: [], relaxation: false);

        ok.Should().BeFalse();
        result.Should().BeNull();
        failure!.Path.Should().Contain("oversightDetectionRate");

        var tooLarge = DynamicsTestScenarios.Tiny().With(dynamics: DynamicsSettings.Create(maxConfigurations: 10));
        FluentActions.Invoking(() => ScenarioAnalysis.TryRun(tooLarge, out _, out _)).Should().Throw<ModelException>();
    }

    [Fact]
    public void TryRun_gives_the_result_of_Run_when_every_solver_converges()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var ok = ScenarioAnalysis.TryRun(scenario, out var result, out var failure, levers: [Lever.Standard[2]]);

        ok.Should().BeTrue();
        failure.Should().BeNull();
        result!.HighPathDependence.Should().Be(ScenarioAnalysis.Run(scenario, [Lever.Standard[2]]).HighPathDependence);
    }
}
