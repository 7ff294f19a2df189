using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>What each standard lever changes in a scenario of two phases, and that it changes nothing else.</summary>
public sealed class StandardLeverTests
{
    private static Scenario TwoPhases() => DynamicsTestScenarios.Tiny().With(phases: [Phase.Create("pre", 5), Phase.Create("rl", 3, conditionalBits: 2)]);

    private static Lever Named(string name) => Lever.Standard.Single(l => l.Name == name);

    private static object Values(Phase p) => new
    {
        p.Name, p.Duration, p.DataSize, p.ConditionalBits, p.Prompting, p.HorizonBonus, p.AwarenessBonus, p.KlWeight,
        p.PretrainingFraction, p.OversightPenaltyBits, p.OversightDetectionRate, p.CameraSpeedWeight,
    };

    [Fact]
    public void The_standard_levers_are_the_eight_documented_ones_each_described()
    {
        Lever.Standard.Select(l => l.Name).Should().Equal(
            "no-fine-tuning", "prompting", "kl-regularisation", "interspersed-pre-training", "oversight", "oversight-reset", "speed-prior", "camera-model");
        Lever.Standard.Select(l => l.Description).Should().Equal(
            "stop after the first phase",
            "supply the last phase's conditional in the prompt (no conditional bits)",
            "KL weight 0.001 towards the pre-training energy in the last phase",
            "mix 0.1% pre-training into the last phase's energy",
            "a 30-bit penalty on long-term, aware configurations in the last phase",
            "detect long-term, aware configurations at rate 1 in the last phase and reset them",
            "speed weight lambda = 1 bit per doubling of runtime",
            "a camera model with 8 bits per doubling of camera steps, every phase");
    }

    [Fact]
    public void No_fine_tuning_keeps_the_first_phase_only_and_leaves_a_single_phase_alone()
    {
        var two = TwoPhases();
        var one = DynamicsTestScenarios.Tiny().With(phases: [Phase.Create("only", 5)]);

        Named("no-fine-tuning").Apply(two).Phases.Select(p => p.Name).Should().Equal("pre");
        Named("no-fine-tuning").Apply(one).Should().BeSameAs(one);
    }

    public static TheoryData<string, Func<Phase, Phase>> LastPhaseLevers => new()
    {
        { "prompting", p => p.With(prompting: true) },
        { "kl-regularisation", p => p.With(klWeight: 0.001) },
        { "interspersed-pre-training", p => p.With(pretrainingFraction: 0.001) },
        { "oversight", p => p.With(oversightPenaltyBits: 30) },
        { "oversight-reset", p => p.With(oversightDetectionRate: 1) },
    };

    [Theory]
    [MemberData(nameof(LastPhaseLevers))]
    public void A_last_phase_lever_changes_the_last_phase_only(string name, Func<Phase, Phase> expected)
    {
        var before = TwoPhases();

        var after = Named(name).Apply(before);

        Values(after.Phases[0]).Should().BeEquivalentTo(Values(before.Phases[0]));
        Values(after.Phases[1]).Should().BeEquivalentTo(Values(expected(before.Phases[1])));
        Values(after.Phases[1]).Should().NotBeEquivalentTo(Values(before.Phases[1]));
        after.Analysis.Should().Be(before.Analysis);
    }

    [Fact]
    public void The_speed_prior_sets_lambda_to_1_and_the_camera_model_weighs_the_camera_in_every_phase()
    {
        var before = TwoPhases();

        Named("speed-prior").Apply(before).Analysis.SpeedWeight.Should().Be(1);
        Named("speed-prior").Apply(before).Phases.Select(Values).Should().BeEquivalentTo(before.Phases.Select(Values));
        Named("camera-model").Apply(before).Phases.Select(p => p.CameraSpeedWeight).Should().Equal(8.0, 8.0);
    }
}
