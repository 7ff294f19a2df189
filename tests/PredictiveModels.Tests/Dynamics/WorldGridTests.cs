using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public class WorldGridTests
{
    [Fact]
    public void Without_thresholds_inside_the_world_model_the_grid_has_equal_steps()
    {
        var grid = WorldGrid.Create(4, [0, 1, 0.5]);

        grid.Fractions.Should().Equal(0, 0.25, 0.5, 0.75, 1);
        grid.Steps.Should().Be(4);
        Enumerable.Range(0, 4).Select(grid.Width).Should().AllSatisfy(w => w.Should().Be(0.25));
    }

    [Fact]
    public void The_nearest_equal_point_moves_onto_a_threshold_so_the_threshold_is_not_rounded_up()
    {
        var grid = WorldGrid.Create(10, [0.13, 0.57]);

        grid.Fractions.Should().Equal(0, 0.13, 0.2, 0.3, 0.4, 0.5, 0.57, 0.7, 0.8, 0.9, 1);
        grid.StepAt(0.13).Should().Be(1, "the uniform grid would have unlocked it only at 0.2");
        grid.StepAt(0.57).Should().Be(6);
    }

    [Fact]
    public void A_threshold_whose_nearest_point_is_taken_or_is_an_end_gets_a_point_of_its_own()
    {
        var grid = WorldGrid.Create(4, [0.26, 0.24, 0.05, 0.99]);

        grid.Fractions.Should().Equal(0, 0.05, 0.24, 0.26, 0.5, 0.75, 0.99, 1);
        grid.Steps.Should().Be(7);
        grid.StepAt(0.05).Should().Be(1);
        grid.StepAt(0.26).Should().Be(3);
        grid.StepAt(0.99).Should().Be(6);
    }

    [Fact]
    public void The_points_increase_strictly_whatever_the_thresholds()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var steps = random.Next(1, 30);
            var thresholds = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Math.Round(random.NextDouble(), random.Next(1, 4))).ToArray();

            var grid = WorldGrid.Create(steps, thresholds);

            grid.Fractions[0].Should().Be(0);
            grid.Fractions[^1].Should().Be(1);
            grid.Fractions.Zip(grid.Fractions.Skip(1)).Should().OnlyContain(p => p.First < p.Second, "{0} steps, thresholds {1}", steps, string.Join(", ", thresholds));
            thresholds.Where(t => !grid.Fractions.Contains(t)).Should().BeEmpty("every threshold is a point");
            grid.Steps.Should().BeLessThanOrEqualTo(steps + thresholds.Length);
        }
    }

    [Fact]
    public void A_step_narrower_than_half_an_equal_step_counts_as_half_a_step()
    {
        var grid = WorldGrid.Create(4, [0.24, 0.26]);

        grid.Width(1).Should().BeApproximately(0.125, 1e-15, "0.24 to 0.26 is narrower than 1/8");
        grid.Width(2).Should().BeApproximately(0.24, 1e-15, "0.26 to 0.5");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_the_world_model_is_refused(double threshold)
    {
        var act = () => WorldGrid.Create(4, [threshold]);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_fraction_beyond_the_world_model_is_at_the_last_step()
    {
        var grid = WorldGrid.Create(4, [0.3]);

        grid.StepAt(1).Should().Be(grid.Steps);
        grid.StepAt(1.5).Should().Be(grid.Steps);
        grid.StepAt(0).Should().Be(0);
        grid.StepAt(-1).Should().Be(0);
    }

    [Fact]
    public void Fewer_than_one_equal_step_or_no_thresholds_are_refused()
    {
        var noSteps = () => WorldGrid.Create(0, []);
        var noThresholds = () => WorldGrid.Create(4, null!);
        var noOther = () => WorldGrid.Create(4, []).SamePoints(null!);

        noSteps.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("equalSteps");
        noThresholds.Should().Throw<ArgumentNullException>().WithParameterName("thresholds");
        noOther.Should().Throw<ArgumentNullException>().WithParameterName("other");
    }

    [Fact]
    public void Two_grids_have_the_same_points_only_when_every_fraction_agrees()
    {
        WorldGrid.Create(4, [0.3]).SamePoints(WorldGrid.Create(4, [0.3])).Should().BeTrue();
        WorldGrid.Create(4, [0.3]).SamePoints(WorldGrid.Create(4, [0.2])).Should().BeFalse();
        WorldGrid.Create(4, [0.3]).SamePoints(WorldGrid.Create(5, [0.3])).Should().BeFalse();
    }

    [Fact]
    public void On_the_default_scenario_every_unlock_threshold_is_a_point_of_the_grid()
    {
        var scenario = Scenario.Default;
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics.With(goalResolution: 8));
        var world = scenario.WorldModel;

        foreach (var branch in space.Branches.Where(b => b.GoalUnlockedAt > 0))
        {
            var before = space.World.Fractions[branch.GoalUnlockedAt - 1] * world.TotalBits;
            var at = space.World.Fractions[branch.GoalUnlockedAt] * world.TotalBits;
            var camera = branch.Candidate!.Structure.Camera.Nodes().OfType<PredictiveModels.Expressions.Application>()
                .Select(a => world.FindConcept(a.Name)).OfType<PredictiveModels.WorldModels.Concept>().Max(world.AcquisitionBits);
            at.Should().BeApproximately(camera, 1e-6, "{0}'s camera is acquired at that step", branch.Label);
            before.Should().BeLessThan(camera);
        }

        space.World.Fractions.Should().Contain(scenario.Dynamics.ObjectiveUnderstoodAt);
    }
}
