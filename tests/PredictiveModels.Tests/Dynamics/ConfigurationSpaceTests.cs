using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class ConfigurationSpaceTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2);

    [Fact]
    public void Indices_and_configurations_map_one_to_one()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);

        for (var i = 0; i < space.Count; i++)
        {
            space.IndexOf(space[i]).Should().Be(i);
        }

        space[space.Start].Should().Be(new Configuration(0, 0, 0, false, false));
        space.Count.Should().Be((int)ConfigurationSpace.CountConfigurations(DynamicsTestScenarios.Tiny(), Settings));
    }

    [Fact]
    public void Every_move_has_its_reverse_and_the_rates_satisfy_detailed_balance()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);
        var pi = Equilibrium.Distribution(space);

        for (var i = 0; i < space.Count; i++)
        {
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var back = new List<(int, MoveKind)>();
                space.ForEachNeighbour(j, (k, kk) => back.Add((k, kk)));
                back.Should().Contain((i, kind), "the move {0} -> {1} needs its reverse", space[i], space[j]);

                var forward = pi[i] * space.Rate(i, j, kind);
                var backward = pi[j] * space.Rate(j, i, kind);
                forward.Should().BeApproximately(backward, 1e-12 * Math.Max(forward, 1e-300) + 1e-300);
            });
        }
    }

    [Fact]
    public void A_world_step_runs_at_the_world_rate_divided_by_the_fraction_of_the_world_model_it_adds()
    {
        var settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: new Dictionary<MoveKind, double> { [MoveKind.World] = 0.3 });
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings);
        var x = space.World.Fractions;
        for (var w = 0; w < space.World.Steps; w++)
        {
            var from = space.IndexOf(new Configuration(w, 0, 0, false, false));
            var to = space.IndexOf(new Configuration(w + 1, 0, 0, false, false));
            var expected = 0.3 / Math.Max(x[w + 1] - x[w], 0.5 / 4);

            space.BaseRate(from, to, MoveKind.World).Should().BeApproximately(expected, 1e-12, "step {0} adds {1} of the world model", w, x[w + 1] - x[w]);
            space.BaseRate(to, from, MoveKind.World).Should().BeApproximately(expected, 1e-12, "a move and its reverse share their base rate");
        }
    }

    [Fact]
    public void A_world_step_of_the_equal_grid_runs_at_the_world_rate_times_the_number_of_world_steps()
    {
        var settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: new Dictionary<MoveKind, double> { [MoveKind.World] = 0.3 });
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings);
        var last = space.World.Steps;
        space.World.Fractions[last - 1].Should().Be(0.75, "no threshold of the tiny world lies above half of it");
        var from = space.IndexOf(new Configuration(last - 1, 0, 0, false, false));
        var to = space.IndexOf(new Configuration(last, 0, 0, false, false));

        space.BaseRate(from, to, MoveKind.World).Should().BeApproximately(1.2, 1e-15);
        space.BaseRate(to, from, MoveKind.World).Should().BeApproximately(1.2, 1e-15);
    }

    [Fact]
    public void A_goal_step_runs_at_the_goal_rate_divided_by_the_bits_it_learns_and_the_last_fractional_step_at_no_more_than_twice_a_full_one()
    {
        var settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: new Dictionary<MoveKind, double> { [MoveKind.Goal] = 3 });
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings);
        var b = space.Branches.ToList().FindIndex(x => !x.IsDeceptive && x.Candidate is not null && x.Steps >= 2);
        var branch = space.Branches[b];
        int At(int g) => space.IndexOf(new Configuration(4, b, g, false, false));

        space.BaseRate(At(0), At(1), MoveKind.Goal).Should().BeApproximately(1.5, 1e-12, "a full step holds 2 bits");
        space.BaseRate(At(1), At(0), MoveKind.Goal).Should().BeApproximately(1.5, 1e-12, "a move and its reverse share their base rate");
        var last = branch.Bits - ((branch.Steps - 1) * 2);
        space.BaseRate(At(branch.Steps - 1), At(branch.Steps), MoveKind.Goal).Should().BeApproximately(3 / Math.Max(last, 1), 1e-12, "the last step holds {0} bits, floored at half a step", last);
    }

    [Fact]
    public void Moves_off_the_graded_axes_run_at_their_own_base_rate()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);
        var from = space.IndexOf(new Configuration(4, 0, 0, false, false));

        space.ForEachNeighbour(from, (to, kind) =>
        {
            if (kind is not MoveKind.World and not MoveKind.Goal)
            {
                space.BaseRate(from, to, kind).Should().Be(Settings.Rate(kind));
            }
        });
    }

    [Fact]
    public void Every_rate_is_bounded_by_the_base_rate_of_its_move()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 1e9), Settings);

        for (var i = 0; i < space.Count; i++)
        {
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(i, j, kind);
                rate.Should().BeInRange(0, space.BaseRate(i, j, kind));
                double.IsFinite(rate).Should().BeTrue();
            });
        }
    }

    [Fact]
    public void A_complete_configuration_carries_the_candidates_K_on_top_of_the_world_model()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, worldGap: 0, goalGap: 0));
        var report = StructureScorer.Score(scenario);

        for (var b = 1; b < space.Branches.Length; b++)
        {
            var branch = space.Branches[b];
            if (branch.IsDeceptive)
            {
                continue;
            }

            var complete = space.IndexOf(new Configuration(space.World.Steps, b, branch.Steps, false, false));
            var expected = scenario.WorldModel.TotalBits + report.Find(branch.Candidate!.Structure.Id, branch.Candidate.Mechanism)!.Bits;
            space.Energy(complete).Should().BeApproximately(expected, 1e-9, $"{branch.Label} at n * loss = 0");
        }
    }

    [Fact]
    public void A_chain_over_the_limit_is_refused_before_allocation_with_the_parameter_to_change()
    {
        var act = () => ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(goalResolution: 0.01));

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().Be("dynamics.goalResolution");
        d.Message.Should().Contain("configurations").And.Contain("MiB").And.Contain("raise dynamics.goalResolution");
    }

    [Theory]
    [InlineData(0, "dynamics.worldSteps")]
    [InlineData(20000, "dynamics.worldSteps")]
    public void Out_of_range_world_steps_are_rejected(int steps, string path)
    {
        var act = () => DynamicsSettings.Create(worldSteps: steps);

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be(path);
    }

    [Fact]
    public void Bad_rates_temperatures_and_tolerances_are_rejected_with_their_names()
    {
        var rate = () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Jump] = 0 });
        var temperature = () => DynamicsSettings.Create(temperature: double.NaN);
        var tolerance = () => DynamicsSettings.Create(tolerance: 0.5);

        rate.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("dynamics.rates.jump");
        temperature.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("dynamics.temperature");
        tolerance.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("dynamics.tolerance");
    }
}
