using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>What <see cref="Phase.Create"/> and <see cref="Phase.With"/> accept, refuse and keep.</summary>
public sealed class PhaseCheckTests
{
    private static Diagnostic SingleDiagnostic(Func<Phase> create) =>
        create.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which;

    public static TheoryData<string, Func<Phase>, string> BadValues => new()
    {
        { "dynamics.phases", () => Phase.Create(" ", 1), "a phase needs a name" },
        { "dynamics.phases[rl].duration", () => Phase.Create("rl", -1), "the phase's duration cannot be negative (got -1)" },
        { "dynamics.phases[rl].dataSize", () => Phase.Create("rl", 1, dataSize: -1), "the phase's data size must be at least 0 (got -1)" },
        { "dynamics.phases[rl].dataSize", () => Phase.Create("rl", 1, dataSize: AnalysisSettings.MaxDataSize * 2), $"the phase's data size is {SpecificationRules.Format(AnalysisSettings.MaxDataSize * 2)}, more than the largest accepted, {SpecificationRules.Format(AnalysisSettings.MaxDataSize)}" },
        { "dynamics.phases[rl].conditionalBits", () => Phase.Create("rl", 1, conditionalBits: -1), "the conditional's bits cannot be negative (got -1)" },
        { "dynamics.phases[rl].horizonBonus", () => Phase.Create("rl", 1, horizonBonus: 2e6), "the horizon bonus is 2000000, more than the largest accepted, 1000000" },
        { "dynamics.phases[rl].awarenessBonus", () => Phase.Create("rl", 1, awarenessBonus: -1), "the awareness bonus must be at least 0 (got -1)" },
        { "dynamics.phases[rl].klWeight", () => Phase.Create("rl", 1, klWeight: 2e6), "the KL weight is 2000000, more than the largest accepted, 1000000" },
        { "dynamics.phases[rl].pretrainingFraction", () => Phase.Create("rl", 1, pretrainingFraction: 1.5), "the pre-training fraction is 1.5, more than the largest accepted, 1" },
        { "dynamics.phases[rl].oversightPenaltyBits", () => Phase.Create("rl", 1, oversightPenaltyBits: -1), "the oversight penalty cannot be negative (got -1)" },
        { "dynamics.phases[rl].oversightDetectionRate", () => Phase.Create("rl", 1, oversightDetectionRate: 2e6), "the oversight detection rate is 2000000, more than the largest accepted, 1000000" },
        { "dynamics.phases[rl].cameraSpeedWeight", () => Phase.Create("rl", 1, cameraSpeedWeight: -1), "the camera speed weight must be at least 0 (got -1)" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_value_out_of_range_is_refused_with_the_phase_named_in_its_path(string path, Func<Phase> create, string message)
    {
        var d = SingleDiagnostic(create);

        d.Path.Should().Be(path);
        d.Message.Should().Be(message);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once()
    {
        var act = () => Phase.Create("", -1, dataSize: -1, conditionalBits: -1, horizonBonus: -1, awarenessBonus: -1, klWeight: -1, pretrainingFraction: -1, oversightPenaltyBits: -1, oversightDetectionRate: -1, cameraSpeedWeight: -1);

        act.Should().Throw<ModelException>().Which.Diagnostics.Select(d => d.Path).Should().Equal(
            "dynamics.phases", "dynamics.phases[].duration", "dynamics.phases[].dataSize", "dynamics.phases[].conditionalBits",
            "dynamics.phases[].horizonBonus", "dynamics.phases[].awarenessBonus", "dynamics.phases[].klWeight",
            "dynamics.phases[].pretrainingFraction", "dynamics.phases[].oversightPenaltyBits", "dynamics.phases[].oversightDetectionRate",
            "dynamics.phases[].cameraSpeedWeight");
    }

    [Fact]
    public void Pre_training_is_a_phase_named_pre_training_with_nothing_changed()
    {
        var p = Phase.Pretraining(42);

        p.Name.Should().Be("pre-training");
        p.Duration.Should().Be(42);
        (p.DataSize, p.HorizonBonus, p.AwarenessBonus, p.CameraSpeedWeight).Should().Be(((double?)null, (double?)null, (double?)null, (double?)null));
        (p.ConditionalBits, p.Prompting, p.KlWeight, p.PretrainingFraction, p.OversightPenaltyBits, p.OversightDetectionRate, p.DurationFromDynamics)
            .Should().Be((0.0, false, 0.0, 0.0, 0.0, 0.0, false));
    }

    private static Phase Unusual() => Phase.Create("rl", 5, dataSize: 7, conditionalBits: 3, prompting: true, horizonBonus: 0.1, awarenessBonus: 0.2,
        klWeight: 0.3, pretrainingFraction: 0.4, oversightPenaltyBits: 6, oversightDetectionRate: 0.5, cameraSpeedWeight: 2, durationFromDynamics: true);

    private static object Values(Phase p) => new
    {
        p.Name, p.Duration, p.DataSize, p.ConditionalBits, p.Prompting, p.HorizonBonus, p.AwarenessBonus, p.KlWeight,
        p.PretrainingFraction, p.OversightPenaltyBits, p.OversightDetectionRate, p.CameraSpeedWeight, p.DurationFromDynamics,
    };

    [Fact]
    public void Create_keeps_every_value_given()
    {
        Values(Unusual()).Should().BeEquivalentTo(new
        {
            Name = "rl", Duration = 5.0, DataSize = (double?)7, ConditionalBits = 3.0, Prompting = true, HorizonBonus = (double?)0.1,
            AwarenessBonus = (double?)0.2, KlWeight = 0.3, PretrainingFraction = 0.4, OversightPenaltyBits = 6.0,
            OversightDetectionRate = 0.5, CameraSpeedWeight = (double?)2, DurationFromDynamics = true,
        });
    }

    [Fact]
    public void With_and_no_argument_keeps_every_value()
    {
        var p = Unusual();

        Values(p.With()).Should().BeEquivalentTo(Values(p));
    }

    [Fact]
    public void With_changes_exactly_the_values_given()
    {
        var p = Unusual().With(duration: 8, dataSize: 9, prompting: false, horizonBonus: 0.11, awarenessBonus: 0.21, conditionalBits: 4,
            klWeight: 0.31, pretrainingFraction: 0.41, oversightPenaltyBits: 7, oversightDetectionRate: 0.6, cameraSpeedWeight: 3, durationFromDynamics: false);

        Values(p).Should().BeEquivalentTo(new
        {
            Name = "rl", Duration = 8.0, DataSize = (double?)9, ConditionalBits = 4.0, Prompting = false, HorizonBonus = (double?)0.11,
            AwarenessBonus = (double?)0.21, KlWeight = 0.31, PretrainingFraction = 0.41, OversightPenaltyBits = 7.0,
            OversightDetectionRate = 0.6, CameraSpeedWeight = (double?)3, DurationFromDynamics = false,
        });
    }

    [Fact]
    public void The_largest_detection_rate_is_accepted_and_anything_above_it_refused()
    {
        Phase.Create("rl", 1, oversightDetectionRate: Phase.MaxDetectionRate).OversightDetectionRate.Should().Be(1e6);
        SingleDiagnostic(() => Phase.Create("rl", 1, oversightDetectionRate: Math.BitIncrement(Phase.MaxDetectionRate))).Path.Should().Be("dynamics.phases[rl].oversightDetectionRate");
    }
}
