using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

public sealed class ScenarioParameterTests
{
    private static readonly Scenario TwoPhases = Scenario.Default;

    [Theory]
    [InlineData("duration", 20)]
    [InlineData("conditionalBits", 24)]
    [InlineData("dataSize", 1e6)]
    [InlineData("klWeight", 0)]
    [InlineData("pretrainingFraction", 0)]
    [InlineData("oversightPenaltyBits", 0)]
    [InlineData("horizonBonus", 1e-5)]
    [InlineData("awarenessBonus", 1e-5)]
    [InlineData("oversightDetectionRate", 0)]
    public void A_phase_parameter_reads_the_value_of_the_phase_it_names(string key, double expected)
    {
        ScenarioParameter.Parse($"phases.rl-fine-tuning.{key}", TwoPhases).Get(TwoPhases).Should().Be(expected);
    }

    [Fact]
    public void A_phase_without_its_own_data_size_reads_the_scenarios()
    {
        var parameter = ScenarioParameter.Parse("phases.pre-training.dataSize", TwoPhases);

        parameter.Get(TwoPhases).Should().Be(TwoPhases.Analysis.DataSize);
    }

    [Fact]
    public void A_phase_without_its_own_bonuses_reads_the_chains()
    {
        ScenarioParameter.Parse("phases.pre-training.horizonBonus", TwoPhases).Get(TwoPhases).Should().Be(TwoPhases.Dynamics.HorizonBonus);
        ScenarioParameter.Parse("phases.pre-training.awarenessBonus", TwoPhases).Get(TwoPhases).Should().Be(TwoPhases.Dynamics.AwarenessBonus);
    }

    [Fact]
    public void Setting_a_phase_parameter_changes_that_phase_only()
    {
        var parameter = ScenarioParameter.Parse("phases.rl-fine-tuning.duration", TwoPhases);

        var changed = parameter.Set(TwoPhases, 400);

        changed.Phases[1].Duration.Should().Be(400);
        changed.Phases[1].ConditionalBits.Should().Be(TwoPhases.Phases[1].ConditionalBits);
        changed.Phases[0].Should().BeSameAs(TwoPhases.Phases[0]);
        parameter.IsPhaseParameter.Should().BeTrue();
        parameter.ChangesScores.Should().BeFalse();
    }

    [Fact]
    public void An_unknown_phase_is_named_with_a_suggestion()
    {
        var act = () => ScenarioParameter.Parse("phases.rl-finetuning.duration", TwoPhases);

        act.Should().Throw<ModelException>().WithMessage("*no phase 'rl-finetuning'*did you mean 'rl-fine-tuning'*");
    }

    [Fact]
    public void An_invalid_value_names_the_path()
    {
        var parameter = ScenarioParameter.Parse("phases.rl-fine-tuning.pretrainingFraction", TwoPhases);

        var act = () => parameter.Set(TwoPhases, 1.5);

        act.Should().Throw<ModelException>().Which.Diagnostics[0].Path.Should().Be("phases.rl-fine-tuning.pretrainingFraction");
    }

    [Fact]
    public void Scenario_level_parameters_are_not_phase_parameters()
    {
        ScenarioParameter.Parse("n", TwoPhases).IsPhaseParameter.Should().BeFalse();
        ScenarioParameter.Parse("structures.general-inductor.runtimeSteps", TwoPhases).IsPhaseParameter.Should().BeFalse();
    }
}
