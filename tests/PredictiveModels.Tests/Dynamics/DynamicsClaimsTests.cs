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
        return TrainingDynamics.Train(scenario, scenario.Dynamics, phases, absorption: false, relaxation: false);
    }

    /// <summary>P(Deceptive) at the end of training on a shipped sample (high path dependence).</summary>
    private static double High(string sample)
    {
        var scenario = ScenarioLoader.Load(Scenarios.TestScenarios.Sample(sample));
        return TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false, relaxation: false).Transient.DeceptiveProbability;
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
    public void Claim_6_the_ordering_holds_at_every_fine_tuning_duration_from_1_to_10_to_the_4_and_the_high_path_figure_climbs_towards_equilibrium()
    {
        // Five durations from 1 to 10^4 time units (the phase's equilibrium is reached later still: see
        // DefaultChainRelaxationTests).
        var scenario = Scenario.Default;

        var sweep = TrainingSweep.Run(scenario, ScenarioParameter.Parse("phases.rl-fine-tuning.duration", scenario), 1, 1e4, 5, SweepScale.Log);

        sweep.Points.Should().AllSatisfy(p =>
        {
            p.HighPathRise.Should().BeGreaterThan(0);
            p.HighPathRise.Should().BeLessThan(p.LowPathRise);
        });
        for (var i = 1; i < sweep.Points.Length; i++)
        {
            sweep.Points[i].HighPathDeceptive.Should().BeGreaterThan(sweep.Points[i - 1].HighPathDeceptive, "training longer never undoes deception here");
        }

        // Deceptive models shed the proxy bits of a completed goal, so no plateau holds runs back: the distance to the
        // equilibrium's figure keeps shrinking, from nearly 1 after one time unit to 0.10 by 10^4 (measured
        // when rates became per unit of progress).
        var first = sweep.Points[0].LowPathDeceptive - sweep.Points[0].HighPathDeceptive;
        var last = sweep.Points[^1].LowPathDeceptive - sweep.Points[^1].HighPathDeceptive;
        last.Should().BeLessThan(first / 4);
    }

    [Fact]
    public void Claim_6_the_ordering_stops_holding_when_fine_tuning_has_too_little_data_for_deception_to_pay()
    {
        var scenario = Scenario.Default;

        var point = TrainingSweep.Run(scenario, ScenarioParameter.Parse("phases.rl-fine-tuning.dataSize", scenario), 10, 10, 1).Points.Single();

        point.LowPathRise.Should().BeLessThan(0, "at 10 tokens the equilibrium of fine-tuning no longer favours deception");
        point.HighPathRise.Should().BeLessThan(0, "and fine-tuning leads runs that had jumped in pre-training back to their aligned goals");
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
        start[space.IndexOf(new Configuration(space.World.Steps, space.DeceptiveBranch, 0, true, true, Origin: 1))] = 1;

        var later = KrylovTransient.Compute(space, [scenario.Phases[0].Duration], initial: start);

        ClassSums.Distribution(space, later.Distributions[0].AsSpan()).DeceptiveProbability.Should().BeGreaterThan(0.999);
    }

    [Fact]
    public void The_shipped_lever_scenarios_move_P_deceptive_at_the_end_of_training_the_way_the_seed_expects()
    {
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
    public void Claim_5_in_pre_training_more_goal_bits_make_deception_likelier_and_more_world_model_before_awareness_makes_it_rarer()
    {
        // The internal candidates carry the corpus inline, so its bits are goal bits to learn; the
        // self-model is among the concepts awareness needs, so its bits are world model to learn first.
        var scenario = ScenarioLoader.Load(Scenarios.TestScenarios.Sample("pretraining-only.yaml"));

        double[] Sweep(string path) => [.. TrainingSweep.Run(scenario, ScenarioParameter.Parse(path, scenario), 1000, 16000, 2).Points.Select(p => p.HighPathDeceptive)];

        var goal = Sweep("concepts.corpus.bits");
        var beforeAwareness = Sweep("concepts.self_model.bits");

        goal[1].Should().BeGreaterThan(goal[0] * 1.01, "a longer goal leaves more time to become aware and long-term while it is a proxy");
        beforeAwareness[1].Should().BeLessThan(beforeAwareness[0] / 1.01, "a longer road to awareness lets more goals finish first");
    }

    [Fact]
    public void Claim_3_under_high_path_dependence_a_simple_camera_lowers_P_deceptive_but_a_complex_one_does_not_raise_it()
    {
        // Claim 3 holds only in part under high path dependence once the chain's bits are derived from section 4 and deceptive
        // models can shed proxy bits: the simple camera lowers the end-of-training figure by a hair (0.41704 to 0.41701), and
        // the complex camera lowers it too (to 0.4110) instead of raising it.
        var baseline = High("default.yaml");

        High("simple-camera.yaml").Should().BeLessThan(baseline);
        High("complex-camera.yaml").Should().BeLessThan(baseline);
    }
}
