using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

public sealed partial class TrajectorySimulatorTests
{
    [Fact]
    public void The_same_seed_gives_identical_results_for_any_degree_of_parallelism()
    {
        var one = Simulator.Simulate(3_000, 20, seed: 42, maxDegreeOfParallelism: 1, keepTrajectories: true);
        var two = Simulator.Simulate(3_000, 20, seed: 42, maxDegreeOfParallelism: 2, keepTrajectories: true);
        var eight = Simulator.Simulate(3_000, 20, seed: 42, maxDegreeOfParallelism: 8, keepTrajectories: true);
        var unlimited = Simulator.Simulate(3_000, 20, seed: 42, keepTrajectories: true);

        foreach (var other in new[] { two, eight, unlimited })
        {
            other.Should().BeEquivalentTo(one, o => o.ComparingByMembers<SimulationResult>().Excluding(r => r.Trajectories));
            other.Trajectories.Should().Equal(one.Trajectories);
        }
    }

    [Fact]
    public void Different_seeds_give_different_results()
    {
        var a = Simulator.Simulate(3_000, 20, seed: 42, keepTrajectories: true);
        var b = Simulator.Simulate(3_000, 20, seed: 43, keepTrajectories: true);

        b.Events.Should().NotBe(a.Events);
        b.Trajectories.Select(t => t.AwarenessTime).Should().NotEqual(a.Trajectories.Select(t => t.AwarenessTime));
    }

    [Fact]
    public void A_trajectory_depends_on_the_seed_and_its_index_not_on_how_many_are_simulated()
    {
        var few = Simulator.Simulate(100, 20, seed: 9, keepTrajectories: true);
        var many = Simulator.Simulate(1_000, 20, seed: 9, keepTrajectories: true);

        many.Trajectories.Take(100).Should().Equal(few.Trajectories);
    }
}
