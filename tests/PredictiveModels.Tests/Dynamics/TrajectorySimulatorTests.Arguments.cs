using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

public sealed partial class TrajectorySimulatorTests
{
    [Theory]
    [InlineData(0, 1.0, -1, "simulation.trajectories")]
    [InlineData(-5, 1.0, -1, "simulation.trajectories")]
    [InlineData(TrajectorySimulator.MaxTrajectories + 1, 1.0, -1, "simulation.trajectories")]
    [InlineData(10, -1.0, -1, "simulation.tau")]
    [InlineData(10, double.NaN, -1, "simulation.tau")]
    [InlineData(10, double.PositiveInfinity, -1, "simulation.tau")]
    [InlineData(10, 0.0, 0, "simulation.maxDegreeOfParallelism")]
    [InlineData(10, 0.0, -2, "simulation.maxDegreeOfParallelism")]
    public void Invalid_arguments_are_rejected_with_a_path_naming_them(int trajectories, double tau, int maxDegreeOfParallelism, string path)
    {
        var simulate = () => Simulator.Simulate(trajectories, tau, seed: 1, maxDegreeOfParallelism);

        simulate.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be(path);
    }

    [Fact]
    public void A_simulation_whose_expected_work_is_too_large_is_rejected_before_it_starts()
    {
        var tau = 2 * TrajectorySimulator.MaxExpectedEvents / Simulator.MaxExitRate / TrajectorySimulator.MaxTrajectories;

        var simulate = () => Simulator.Simulate(TrajectorySimulator.MaxTrajectories, tau, seed: 1);

        simulate.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("simulation.tau");
    }

    [Fact]
    public void A_cancelled_simulation_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var simulate = () => Simulator.Simulate(1_000, 20, seed: 1, cancellation: cancellation.Token);

        simulate.Should().Throw<OperationCanceledException>();
    }
}
