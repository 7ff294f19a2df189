using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>What <see cref="DynamicsSettings.Create"/> and <see cref="DynamicsSettings.With"/> accept, refuse and keep.</summary>
public sealed class DynamicsSettingsCheckTests
{
    private static Diagnostic SingleDiagnostic(Func<DynamicsSettings> create) =>
        create.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which;

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10_001)]
    public void World_steps_outside_1_to_10000_are_refused_with_the_range_in_the_message(int steps)
    {
        var d = SingleDiagnostic(() => DynamicsSettings.Create(worldSteps: steps));

        d.Path.Should().Be("dynamics.worldSteps");
        d.Message.Should().Be($"the number of world steps is {steps}, but it must be between 1 and 10000");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void World_steps_at_either_end_of_the_range_are_accepted(int steps) =>
        DynamicsSettings.Create(worldSteps: steps, maxConfigurations: long.MaxValue).WorldSteps.Should().Be(steps);

    public static TheoryData<string, Func<DynamicsSettings>, string> BadValues => new()
    {
        { "dynamics.goalResolution", () => DynamicsSettings.Create(goalResolution: 0), "the goal resolution must be greater than 0 (got 0)" },
        { "dynamics.temperature", () => DynamicsSettings.Create(temperature: -1), "the temperature must be greater than 0 (got -1)" },
        { "dynamics.worldGap", () => DynamicsSettings.Create(worldGap: -1), "the world gap cannot be negative (got -1)" },
        { "dynamics.goalGap", () => DynamicsSettings.Create(goalGap: -1), "the goal gap cannot be negative (got -1)" },
        { "dynamics.horizonBits", () => DynamicsSettings.Create(horizonBits: -1), "the horizon bits cannot be negative (got -1)" },
        { "dynamics.awarenessBits", () => DynamicsSettings.Create(awarenessBits: -1), "the awareness bits cannot be negative (got -1)" },
        { "dynamics.horizonBonus", () => DynamicsSettings.Create(horizonBonus: -1), "the horizon bonus cannot be negative (got -1)" },
        { "dynamics.awarenessBonus", () => DynamicsSettings.Create(awarenessBonus: -1), "the awareness bonus cannot be negative (got -1)" },
        { "dynamics.duration", () => DynamicsSettings.Create(duration: -1), "the duration cannot be negative (got -1)" },
        { "dynamics.objectiveUnderstoodAt", () => DynamicsSettings.Create(objectiveUnderstoodAt: -0.01), "objectiveUnderstoodAt is -0.01, but it must be between 0 and 1" },
        { "dynamics.objectiveUnderstoodAt", () => DynamicsSettings.Create(objectiveUnderstoodAt: 1.01), "objectiveUnderstoodAt is 1.01, but it must be between 0 and 1" },
        { "dynamics.objectiveUnderstoodAt", () => DynamicsSettings.Create(objectiveUnderstoodAt: double.NaN), "objectiveUnderstoodAt is NaN, but it must be between 0 and 1" },
        { "dynamics.tolerance", () => DynamicsSettings.Create(tolerance: 0.9e-15), "the tolerance is 9E-16, but it must be between 1e-15 and 1e-2" },
        { "dynamics.tolerance", () => DynamicsSettings.Create(tolerance: 0.011), "the tolerance is 0.011, but it must be between 1e-15 and 1e-2" },
        { "dynamics.tolerance", () => DynamicsSettings.Create(tolerance: double.NaN), "the tolerance is NaN, but it must be between 1e-15 and 1e-2" },
        { "dynamics.maxConfigurations", () => DynamicsSettings.Create(maxConfigurations: 0), "maxConfigurations is 0, but it must be at least 1" },
        { "dynamics.rates.reset", () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Reset] = 1 }), "a reset has no base rate: give the phase's oversightDetectionRate instead" },
        { "dynamics.rates.reset", () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Reset] = 0 }), "a reset has no base rate: give the phase's oversightDetectionRate instead" },
        { "dynamics.rates.world", () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.World] = 0 }), "the world rate must be greater than 0 (got 0)" },
        { "dynamics.rates.goal", () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Goal] = -2 }), "the goal rate must be greater than 0 (got -2)" },
        { "dynamics.rates.awareness", () => DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Awareness] = double.PositiveInfinity }), "the awareness rate cannot be infinite; it must be a finite number greater than 0" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_value_out_of_range_is_refused_with_its_path_and_a_message_saying_why(string path, Func<DynamicsSettings> create, string message)
    {
        var d = SingleDiagnostic(create);

        d.Path.Should().Be(path);
        d.Message.Should().Be(message);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once_not_only_the_first()
    {
        var act = () => DynamicsSettings.Create(worldSteps: 0, goalResolution: 0, temperature: 0, worldGap: -1, goalGap: -1, horizonBits: -1, awarenessBits: -1, horizonBonus: -1, awarenessBonus: -1, objectiveUnderstoodAt: 2, duration: -1, tolerance: 1, maxConfigurations: 0, rates: new Dictionary<MoveKind, double> { [MoveKind.Reset] = 1, [MoveKind.Jump] = 0 });

        act.Should().Throw<ModelException>().Which.Diagnostics.Select(d => d.Path).Should().BeEquivalentTo(
            "dynamics.worldSteps", "dynamics.goalResolution", "dynamics.temperature", "dynamics.worldGap", "dynamics.goalGap",
            "dynamics.horizonBits", "dynamics.awarenessBits", "dynamics.horizonBonus", "dynamics.awarenessBonus",
            "dynamics.duration", "dynamics.objectiveUnderstoodAt", "dynamics.tolerance", "dynamics.maxConfigurations",
            "dynamics.rates.reset", "dynamics.rates.jump");
    }

    [Fact]
    public void The_ends_of_every_closed_range_are_accepted()
    {
        var low = DynamicsSettings.Create(objectiveUnderstoodAt: 0, tolerance: 1e-15, maxConfigurations: 1, horizonBits: 0, awarenessBits: 0, worldGap: 0, goalGap: 0, duration: 0);
        var high = DynamicsSettings.Create(objectiveUnderstoodAt: 1, tolerance: 1e-2);

        (low.ObjectiveUnderstoodAt, low.Tolerance, low.MaxConfigurations, low.HorizonBits, low.AwarenessBits).Should().Be((0.0, 1e-15, 1L, (double?)0.0, (double?)0.0));
        (high.ObjectiveUnderstoodAt, high.Tolerance).Should().Be((1.0, 1e-2));
    }

    [Fact]
    public void The_default_rates_are_the_documented_ones_and_a_given_rate_replaces_only_its_own_kind()
    {
        var defaults = DynamicsSettings.Default;
        var changed = DynamicsSettings.Create(rates: new Dictionary<MoveKind, double> { [MoveKind.Horizon] = 7 });

        defaults.Rates.Should().BeEquivalentTo(new Dictionary<MoveKind, double>
        {
            [MoveKind.World] = 0.1, [MoveKind.Goal] = 4, [MoveKind.Enter] = 1, [MoveKind.Horizon] = 0.1, [MoveKind.Awareness] = 0.1, [MoveKind.Jump] = 1,
        });
        changed.Rate(MoveKind.Horizon).Should().Be(7);
        changed.Rates.Where(r => r.Key != MoveKind.Horizon).Should().BeEquivalentTo(defaults.Rates.Where(r => r.Key != MoveKind.Horizon));
    }

    [Fact]
    public void A_reset_has_no_base_rate_to_read()
    {
        var act = () => DynamicsSettings.Default.Rate(MoveKind.Reset);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A reset has no base rate: its rate is the phase's oversight detection rate.*").Which.ParamName.Should().Be("kind");
    }

    private static DynamicsSettings Unusual() => DynamicsSettings.Create(
        worldSteps: 7, goalResolution: 3, temperature: 2, rates: new Dictionary<MoveKind, double> { [MoveKind.Jump] = 5 },
        worldGap: 0.7, goalGap: 0.3, horizonBits: 11, awarenessBits: 13, horizonBonus: 0.2, awarenessBonus: 0.4,
        objectiveUnderstoodAt: 0.6, duration: 50, tolerance: 1e-8, maxConfigurations: 1234);

    private static object Values(DynamicsSettings s) => new
    {
        s.WorldSteps, s.GoalResolution, s.Temperature, Rates = s.Rates.OrderBy(r => r.Key).ToArray(), s.WorldGap, s.GoalGap, s.HorizonBits, s.AwarenessBits,
        s.HorizonBonus, s.AwarenessBonus, s.ObjectiveUnderstoodAt, s.Duration, s.Tolerance, s.MaxConfigurations,
    };

    [Fact]
    public void With_and_no_argument_keeps_every_value()
    {
        var s = Unusual();

        Values(s.With()).Should().BeEquivalentTo(Values(s));
        s.WorldSteps.Should().Be(7);
        s.HorizonBits.Should().Be(11);
        s.MaxConfigurations.Should().Be(1234);
    }

    [Fact]
    public void With_changes_exactly_the_values_given()
    {
        var s = Unusual();
        var t = s.With(worldSteps: 8, goalResolution: 5, temperature: 3, rates: new Dictionary<MoveKind, double> { [MoveKind.World] = 0.5 },
            worldGap: 0.8, goalGap: 0.9, horizonBits: 17, awarenessBits: 19, horizonBonus: 0.25, awarenessBonus: 0.45,
            objectiveUnderstoodAt: 0.65, duration: 60, tolerance: 1e-9);

        (t.WorldSteps, t.GoalResolution, t.Temperature, t.WorldGap, t.GoalGap).Should().Be((8, 5.0, 3.0, 0.8, 0.9));
        (t.HorizonBits, t.AwarenessBits, t.HorizonBonus, t.AwarenessBonus).Should().Be(((double?)17.0, (double?)19.0, 0.25, 0.45));
        (t.ObjectiveUnderstoodAt, t.Duration, t.Tolerance, t.MaxConfigurations).Should().Be((0.65, 60.0, 1e-9, 1234L));
        t.Rate(MoveKind.World).Should().Be(0.5);
        t.Rate(MoveKind.Jump).Should().Be(5, "a rate not given keeps its value");
    }

    [Fact]
    public void With_checks_the_new_values_like_create()
    {
        var d = SingleDiagnostic(() => Unusual().With(temperature: 0));

        d.Path.Should().Be("dynamics.temperature");
    }
}
