using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>A separate camera model with its own speed weight: <c>lambda log2 (T / C) + lambda_c log2 C</c>.</summary>
public sealed class CameraModelTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    /// <summary>The Tiny scenario with an inductor whose 1000 runtime steps are all its camera's, and a speed weight of 0.5.</summary>
    private static Scenario SlowInductor()
    {
        var tiny = DynamicsTestScenarios.Tiny(dataSize: 100);
        return tiny.With(
            structures: tiny.Structures.Select(s => s.Id == "inductor" ? s.With(runtimeSteps: 1000, cameraSteps: 1000) : s),
            analysis: tiny.Analysis.With(speedWeight: 0.5));
    }

    private static int InductorBranch(ConfigurationSpace space) =>
        space.Branches.IndexOf(space.Branches.Single(b => b.Candidate?.Structure.Id == "inductor"));

    [Fact]
    public void The_camera_speed_weight_charges_its_own_weight_for_the_cameras_steps_and_lambda_for_the_rest()
    {
        var scenario = SlowInductor();
        var plain = ConfigurationSpace.Build(scenario, Settings, Phase.Create("p", 10));
        var camera = ConfigurationSpace.Build(scenario, Settings, Phase.Create("p", 10, cameraSpeedWeight: 4));
        var inductor = InductorBranch(plain);

        for (var i = 0; i < plain.Count; i++)
        {
            var expected = plain[i].Branch == inductor ? (4 - 0.5) * Math.Log2(1000) : 0;
            (camera.Energy(i) - plain.Energy(i)).Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(plain.Energy(i))), plain[i].ToString());
        }
    }

    [Fact]
    public void Raising_the_camera_speed_weight_lowers_the_general_inductors_share_in_both_regimes()
    {
        var scenario = SlowInductor();
        (OutcomeDistribution High, OutcomeDistribution Low) Shares(double? cameraWeight)
        {
            var space = ConfigurationSpace.Build(scenario, Settings, Phase.Create("p", 20, cameraSpeedWeight: cameraWeight));
            var end = KrylovTransient.Compute(space, [20]).Distributions[0];
            return (ClassSums.Distribution(space, end.AsSpan()), Equilibrium.Classes(space));
        }

        var without = Shares(null);
        var weak = Shares(1);
        var strong = Shares(4);

        without.Low[OutcomeClass.AnthropicCapture].Should().BeGreaterThan(1e-3, "the check needs an inductor with a share to lose");
        weak.High[OutcomeClass.AnthropicCapture].Should().BeLessThan(without.High[OutcomeClass.AnthropicCapture]);
        strong.High[OutcomeClass.AnthropicCapture].Should().BeLessThan(weak.High[OutcomeClass.AnthropicCapture]);
        weak.Low[OutcomeClass.AnthropicCapture].Should().BeLessThan(without.Low[OutcomeClass.AnthropicCapture]);
        strong.Low[OutcomeClass.AnthropicCapture].Should().BeLessThan(weak.Low[OutcomeClass.AnthropicCapture]);
    }

    [Fact]
    public void A_camera_speed_weight_equal_to_lambda_leaves_the_default_scenarios_energies_unchanged()
    {
        var scenario = Scenario.Default;
        var phase = scenario.Phases[1];
        scenario.FindStructure("general-inductor")!.CameraSteps.Should().Be(1000, "the default catalog gives the general inductor's runtime to its camera");
        scenario.Analysis.SpeedWeight.Should().Be(0);

        var settings = scenario.Dynamics.With(goalResolution: 4); // the energies' rule does not depend on the grid; a coarse one is cheap
        var plain = ConfigurationSpace.Build(scenario, settings, phase);
        var same = ConfigurationSpace.Build(scenario, settings, phase.With(cameraSpeedWeight: 0));
        var raised = ConfigurationSpace.Build(scenario, settings, phase.With(cameraSpeedWeight: 1));

        Enumerable.Range(0, plain.Count).Should().OnlyContain(i => plain.Energy(i) == same.Energy(i));
        Enumerable.Range(0, plain.Count).Count(i => raised.Energy(i) != plain.Energy(i)).Should().BeGreaterThan(0, "a different weight does change the general inductor's energies");
    }

    [Fact]
    public void A_speed_weight_equal_to_lambda_changes_no_energy_when_lambda_is_not_0()
    {
        var scenario = SlowInductor();
        var plain = ConfigurationSpace.Build(scenario, Settings, Phase.Create("p", 10));
        var same = ConfigurationSpace.Build(scenario, Settings, Phase.Create("p", 10, cameraSpeedWeight: 0.5));

        Enumerable.Range(0, plain.Count).Should().OnlyContain(i => plain.Energy(i) == same.Energy(i));
    }
}
