using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Claims 5 and 6 of MODEL.md section 7 on the default scenario's two phases.</summary>
[Trait("Category", "Slow")]
public sealed class DynamicsClaimsTests
{
    private static TrainingResult Train(Func<Phase, Phase>? changeFineTuning = null)
    {
        var scenario = Scenario.Default;
        var phases = scenario.Phases.Select((p, i) => i == 1 && changeFineTuning is not null ? changeFineTuning(p) : p).ToArray();
        return TrainingDynamics.Train(scenario, scenario.Dynamics, phases);
    }

    [Fact]
    public void Claim_6_fine_tuning_raises_P_deceptive_under_both_regimes_and_less_under_high_path_dependence()
    {
        var result = Train();
        var (pre, rl) = (result.Phases[0], result.Phases[1]);

        var lowRise = rl.Equilibrium.DeceptiveProbability - pre.Equilibrium.DeceptiveProbability;
        var highRise = rl.Transient.DeceptiveProbability - pre.Transient.DeceptiveProbability;

        lowRise.Should().BeGreaterThan(0);
        highRise.Should().BeGreaterThan(0);
        highRise.Should().BeLessThan(lowRise, "the fine-tuning run starts from a predictive model");
    }

    [Fact]
    public void Claim_6_KL_regularisation_and_interspersed_pre_training_shrink_the_high_path_rise()
    {
        var plain = Train().Final.Transient.DeceptiveProbability;

        Train(p => p.With(klWeight: 0.001)).Final.Transient.DeceptiveProbability.Should().BeLessThan(plain);
        Train(p => p.With(pretrainingFraction: 0.001)).Final.Transient.DeceptiveProbability.Should().BeLessThan(plain);
    }

    [Fact]
    public void Claim_5_deception_once_entered_persists()
    {
        var scenario = Scenario.Default;
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics, scenario.Phases[0]);
        var start = new double[space.Count];
        start[space.IndexOf(new Configuration(scenario.Dynamics.WorldSteps, space.DeceptiveBranch, 0, true, true))] = 1;

        var later = KrylovTransient.Compute(space, [scenario.Phases[0].Duration], initial: start);

        ClassDistribution.FromConfigurations(space, later.Distributions[0].AsSpan()).DeceptiveProbability.Should().BeGreaterThan(0.999);
    }

    [Fact]
    public void The_shipped_lever_scenarios_move_P_deceptive_at_the_end_of_training_the_way_the_seed_expects()
    {
        static double High(string sample)
        {
            var scenario = ScenarioLoader.Load(Scenarios.TestScenarios.Sample(sample));
            return TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases).Transient.DeceptiveProbability;
        }

        var fineTuned = High("rl-fine-tuning.yaml");

        High("pretraining-only.yaml").Should().BeLessThan(fineTuned);
        High("kl-regularisation.yaml").Should().BeLessThan(fineTuned);
        High("interspersed-pretraining.yaml").Should().BeLessThan(fineTuned);
        High("oversight.yaml").Should().BeLessThan(fineTuned);
        High("oversight-reset.yaml").Should().BeLessThan(fineTuned);
        High("prompting.yaml").Should().BeLessThan(fineTuned);
        High("simple-camera.yaml").Should().BeLessThan(fineTuned);
    }

    [Fact]
    public void Claim_5_the_more_goal_bits_there_are_to_learn_the_likelier_deception_at_the_end_of_training()
    {
        static double High(double conditionalBits) =>
            Train(p => p.With(conditionalBits: conditionalBits))
                .Final.Transient.DeceptiveProbability;

        var few = High(8);
        var some = High(48);
        var many = High(96);

        some.Should().BeGreaterThan(few);
        many.Should().BeGreaterThan(some);
    }

    [Fact]
    public void Claim_3_under_high_path_dependence_a_complex_camera_raises_P_deceptive_and_a_simple_one_lowers_it()
    {
        static double High(string sample)
        {
            var scenario = ScenarioLoader.Load(Scenarios.TestScenarios.Sample(sample));
            return TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases).Transient.DeceptiveProbability;
        }

        var baseline = High("default.yaml");

        High("complex-camera.yaml").Should().BeGreaterThan(baseline);
        High("simple-camera.yaml").Should().BeLessThan(baseline);
    }
}
