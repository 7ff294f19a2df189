using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class PhaseTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, duration: 20);

    [Fact]
    public void A_fine_tuning_conditional_lengthens_aligned_goals_but_not_the_deceptive_branch()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var pre = ConfigurationSpace.Build(scenario, Settings);
        var fine = ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 10, conditionalBits: 6));
        var prompted = ConfigurationSpace.Build(scenario, Settings, Phase.Create("prompted", 10, conditionalBits: 6, prompting: true));

        for (var b = 1; b < pre.Branches.Length; b++)
        {
            if (pre.Branches[b].IsDeceptive)
            {
                fine.Branches[b].Bits.Should().Be(pre.Branches[b].Bits);
                continue;
            }

            fine.Branches[b].Bits.Should().Be(pre.Branches[b].Bits + 6);
            fine.Branches[b].Steps.Should().Be(pre.Branches[b].Steps + 3);
            prompted.Branches[b].Bits.Should().Be(pre.Branches[b].Bits, "prompting supplies the conditional in the input");
        }
    }

    [Fact]
    public void A_goal_complete_in_pre_training_is_incomplete_under_fine_tuning_after_mapping()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var pre = ConfigurationSpace.Build(scenario, Settings);
        var fine = ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 10, conditionalBits: 6));
        var p = new double[pre.Count];
        var complete = new Configuration(3, 1, pre.Branches[1].Steps, false, false);
        p[pre.IndexOf(complete)] = 1;

        var mapped = fine.MapFrom(pre, p);

        mapped.Sum().Should().Be(1);
        var target = fine[Array.IndexOf(mapped, 1.0)];
        target.Should().Be(complete);
        target.Goal.Should().BeLessThan(fine.Branches[1].Steps);
    }

    [Fact]
    public void Phases_run_in_order_and_each_starts_where_the_previous_ended()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 40);
        var phases = new[] { Phase.Create("pre", 30), Phase.Create("rl", 10, conditionalBits: 4, horizonBonus: 0.1, awarenessBonus: 0.1) };

        var result = TrainingDynamics.Train(scenario, Settings, phases);

        result.Phases.Select(p => p.Name).Should().Equal("pre", "rl");
        foreach (var phase in result.Phases)
        {
            (phase.Transient.Probabilities.Sum() + phase.Transient.Undecided).Should().BeApproximately(1, 1e-9);
            (phase.Equilibrium.Probabilities.Sum() + phase.Equilibrium.Undecided).Should().BeApproximately(1, 1e-12);
        }

        result.Phases[1].PathDependence[0].Index.Should().BeApproximately(
            result.Phases[0].Transient.TotalVariation(result.Phases[1].Equilibrium), 1e-6,
            "at time 0 of the second phase the distribution is the first phase's end");
    }

    [Fact]
    public void Oversight_penalises_the_precursors_of_deception_in_the_equilibrium()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 40);
        var open = Equilibrium.Classes(ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 10)));
        var watched = Equilibrium.Classes(ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 10, oversightPenaltyBits: 10)));

        watched.DeceptiveProbability.Should().BeLessThan(open.DeceptiveProbability);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 0.0, "duration")]
    [InlineData(1.0, -2.0, 0.0, "conditionalBits")]
    [InlineData(1.0, 0.0, 1.5, "pretrainingFraction")]
    public void Invalid_phase_values_are_rejected_with_their_name(double duration, double conditional, double fraction, string field)
    {
        var act = () => Phase.Create("rl", duration, conditionalBits: conditional, pretrainingFraction: fraction);

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().EndWith(field);
    }

    [Fact]
    public void A_scenario_reads_its_dynamics_and_phases_and_reports_bad_values_at_their_location()
    {
        var text = """
            schemaVersion: 1
            extends: default
            dynamics:
              worldSteps: 6
              goalResolution: 16
              rates: { jump: 2 }
              phases:
                - name: pre-training
                  duration: 50
                - name: rl-fine-tuning
                  duration: 5
                  conditionalBits: 24
                  horizonBonus: 1e-8
                  prompting: false
            """;
        var scenario = ScenarioLoader.Parse(text, "d.yaml");

        scenario.Dynamics.WorldSteps.Should().Be(6);
        scenario.Dynamics.Rate(MoveKind.Jump).Should().Be(2);
        scenario.Dynamics.Rate(MoveKind.World).Should().Be(0.1);
        scenario.Phases.Select(p => p.Name).Should().Equal("pre-training", "rl-fine-tuning");
        scenario.Phases[1].ConditionalBits.Should().Be(24);

        var bad = () => ScenarioLoader.Parse(text.Replace("goalResolution: 16", "goalResolution: -1", StringComparison.Ordinal), "d.yaml");
        var d = bad.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().Be("dynamics.goalResolution");
        d.Location.Should().Be(new PredictiveModels.Diagnostics.SourceLocation("d.yaml", 5, 19));
    }

    [Fact]
    public void Krylov_and_uniformization_agree_when_a_phase_starts_from_a_spread_out_distribution()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 40), Settings, Phase.Create("rl", 10, conditionalBits: 4, horizonBonus: 0.1));
        var initial = Enumerable.Range(0, space.Count).Select(i => (double)((i % 7) + 1)).ToArray();
        var total = initial.Sum();
        for (var i = 0; i < initial.Length; i++)
        {
            initial[i] /= total;
        }

        var exact = Transient.Compute(space, [0.5, 5], initial: initial);
        var krylov = KrylovTransient.Compute(space, [0.5, 5], initial: initial);

        for (var t = 0; t < 2; t++)
        {
            Enumerable.Range(0, space.Count).Sum(i => Math.Abs(exact.Distributions[t][i] - krylov.Distributions[t][i])).Should().BeLessThan(1e-9);
        }
    }
}
