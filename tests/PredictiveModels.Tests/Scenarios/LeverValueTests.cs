using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>The camera model's and oversight reset's values: read from a scenario, and rejected where they are wrong.</summary>
public sealed class LeverValueTests
{
    private const string Phases = """
        schemaVersion: 1
        extends: default
        dynamics:
          phases:
            - name: pre-training
              duration: 50
            - name: rl-fine-tuning
              duration: 5
              oversightDetectionRate: 0.5
              cameraSpeedWeight: 8
        """;

    [Fact]
    public void A_phase_reads_its_detection_rate_and_camera_speed_weight_and_leaves_them_off_by_default()
    {
        var scenario = ScenarioLoader.Parse(Phases, "levers.yaml");

        scenario.Phases[1].OversightDetectionRate.Should().Be(0.5);
        scenario.Phases[1].CameraSpeedWeight.Should().Be(8);
        scenario.Phases[0].OversightDetectionRate.Should().Be(0);
        scenario.Phases[0].CameraSpeedWeight.Should().BeNull();
    }

    [Theory]
    [InlineData("oversightDetectionRate: 0.5", "oversightDetectionRate: -1", "oversightDetectionRate", 9, 31)]
    [InlineData("oversightDetectionRate: 0.5", "oversightDetectionRate: .nan", "oversightDetectionRate", 9, 31)]
    [InlineData("cameraSpeedWeight: 8", "cameraSpeedWeight: -2", "cameraSpeedWeight", 10, 26)]
    public void A_bad_phase_value_is_reported_at_its_line_and_column(string good, string bad, string key, int line, int column)
    {
        var act = () => ScenarioLoader.Parse(Phases.Replace(good, bad, StringComparison.Ordinal), "levers.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().Be($"dynamics.phases[1].{key}");
        d.Location.Should().Be(new SourceLocation("levers.yaml", line, column));
    }

    [Theory]
    [InlineData(-1.0, null)]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    [InlineData(0.0, -1.0)]
    [InlineData(0.0, double.NaN)]
    public void Phase_rejects_a_negative_or_non_finite_detection_rate_or_camera_speed_weight(double rate, double? cameraWeight)
    {
        var act = () => Phase.Create("rl", 1, oversightDetectionRate: rate, cameraSpeedWeight: cameraWeight);

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path
            .Should().EndWith(cameraWeight is null ? "oversightDetectionRate" : "cameraSpeedWeight");
    }

    [Fact]
    public void Camera_steps_above_the_runtime_steps_are_reported_at_the_camera_steps()
    {
        const string text = """
            schemaVersion: 1
            extends: default
            structures:
              - id: general-inductor
                camera: any_stream
                procedure: bayes_mixture
                class: AnthropicCapture
                mechanisms: [internal, corrigible]
                runtimeSteps: 1000
                cameraSteps: 2000
            """;

        var act = () => ScenarioLoader.Parse(text, "camera.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().EndWith(".cameraSteps");
        d.Location.Should().Be(new SourceLocation("camera.yaml", 10, 18));
        d.Message.Should().Contain("more than its runtime steps (1000)");
    }

    [Fact]
    public void Camera_steps_above_a_runtime_from_the_procedures_formula_are_rejected_with_the_structure()
    {
        // bayes_mixture's formula gives T = 1 when runtimeSteps is absent.
        const string text = """
            schemaVersion: 1
            extends: default
            structures:
              - id: general-inductor
                camera: any_stream
                procedure: bayes_mixture
                class: AnthropicCapture
                mechanisms: [internal, corrigible]
                cameraSteps: 5
            """;

        var act = () => ScenarioLoader.Parse(text, "camera.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().EndWith(".cameraSteps");
        d.Location!.Line.Should().Be(4);
    }

    [Fact]
    public void Camera_steps_below_1_are_rejected_and_a_reset_rate_among_the_base_rates_is_an_unknown_key()
    {
        var camera = () => ScenarioLoader.Parse(
            """
            schemaVersion: 1
            extends: default
            structures:
              - id: general-inductor
                camera: any_stream
                procedure: bayes_mixture
                class: AnthropicCapture
                mechanisms: [internal, corrigible]
                runtimeSteps: 1000
                cameraSteps: 0.5
            """,
            "camera.yaml");
        var reset = () => ScenarioLoader.Parse("schemaVersion: 1\nextends: default\ndynamics:\n  rates: { reset: 2 }\n", "rates.yaml");

        camera.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().EndWith(".cameraSteps");
        reset.Should().Throw<ModelException>().Which.Diagnostics.Single().Message.Should().Contain("unknown key 'reset'");
    }

    [Fact]
    public void Sweeping_the_runtime_below_the_camera_steps_lowers_the_camera_steps_with_it()
    {
        var parameter = ScenarioParameter.Parse("structures.general-inductor.runtimeSteps", Scenario.Default);

        var swept = parameter.Set(Scenario.Default, 10);

        swept.FindStructure("general-inductor")!.CameraSteps.Should().Be(10);
    }
}
