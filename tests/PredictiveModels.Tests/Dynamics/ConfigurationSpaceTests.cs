using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

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
    public void Every_rate_is_bounded_by_the_base_rate_of_its_kind()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 1e9), Settings);

        for (var i = 0; i < space.Count; i++)
        {
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(i, j, kind);
                rate.Should().BeInRange(0, Settings.Rate(kind));
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

            var complete = space.IndexOf(new Configuration(4, b, branch.Steps, false, false));
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
