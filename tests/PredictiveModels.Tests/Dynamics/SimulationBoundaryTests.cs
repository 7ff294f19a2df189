using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Edges of the simulator's contract that its other small tests leave open: the phases it accepts,
/// the largest exit rate over phases that differ, the list of phases in a refusal, and a passage
/// that exactly two trajectories made.
/// </summary>
public sealed class SimulationBoundaryTests
{
    private static readonly Lazy<ConfigurationSpace[]> LazyPhases = new(() =>
    [
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings(4), Phase.Create("calm", 1)),
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings(4), Phase.Create("hot", 1, horizonBonus: 3, awarenessBonus: 3)),
    ]);

    private static ConfigurationSpace[] Phases => LazyPhases.Value;

    private static DynamicsSettings Settings(int worldSteps) => DynamicsSettings.Create(worldSteps: worldSteps, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(worldSteps, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    [Fact]
    public void A_simulator_without_phases_says_one_is_needed()
    {
        var none = () => new TrajectorySimulator(Array.Empty<ConfigurationSpace>());

        none.Should().Throw<ArgumentException>().WithMessage("At least one phase is needed.*");
    }

    [Fact]
    public void A_phase_of_another_world_resolution_cannot_follow_another()
    {
        var coarse = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings(3));

        var build = () => new TrajectorySimulator([Phases[0], coarse]);

        build.Should().Throw<ArgumentException>().WithParameterName("previous");
    }

    [Fact]
    public void The_largest_exit_rate_and_the_work_bound_take_each_phase_at_its_own_rate()
    {
        var calm = new TrajectorySimulator(Phases[0]).MaxExitRate;
        var hot = new TrajectorySimulator(Phases[1]).MaxExitRate;
        calm.Should().NotBe(hot, "the check needs phases whose largest exit rates differ");

        var both = new TrajectorySimulator(Phases);
        var reversed = new TrajectorySimulator([Phases[1], Phases[0]]);

        both.MaxExitRate.Should().Be(Math.Max(calm, hot));
        reversed.MaxExitRate.Should().Be(Math.Max(calm, hot));
        both.ExpectedEventsBound(10).Should().BeApproximately(10 * (calm + hot), 1e-12 * (calm + hot));
    }

    [Fact]
    public void A_refusal_of_several_phases_lists_them_in_order_separated_by_commas()
    {
        var heavy = new TrajectorySimulator(
        [
            ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings(4), Phase.Create("calm", 1e5)),
            ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings(4), Phase.Create("hot", 1e5, horizonBonus: 3, awarenessBonus: 3)),
        ]);

        var message = ((Action)(() => heavy.SimulateTraining(TrajectorySimulator.MaxTrajectories, seed: 1))).Should().Throw<ModelException>().Which.Diagnostics.Single().Message;

        message.Should().MatchRegex(@"^10,000,000 trajectories through 2 phase\(s\) \('calm' duration [^ ]+ x largest exit rate [^ ,]+, 'hot' duration [^ ]+ x largest exit rate [^ ,]+\) could take up to ");
    }

    [Fact]
    public void Two_passages_have_a_mean_an_interval_and_a_median_between_them()
    {
        var passage = FirstPassage.FromTimes([2, double.PositiveInfinity, 4], tau: 10);

        passage.MeanTime.Should().Be(3);
        passage.MedianTime.Should().Be(3);
        passage.MeanTimeStandardError.Should().BeApproximately(1, 1e-12, "the sample standard deviation is sqrt(2), over sqrt(2)");
        passage.MeanTimeLower.Should().BeApproximately(3 - ProportionEstimate.Z95, 1e-12);
        passage.MeanTimeUpper.Should().BeApproximately(3 + ProportionEstimate.Z95, 1e-12);
    }
}
