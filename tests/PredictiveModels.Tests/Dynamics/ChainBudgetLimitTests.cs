using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>The memory estimate of a chain and the refusal of chains that would not fit, on the tiny scenario.</summary>
public sealed class ChainBudgetLimitTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2);

    private static Scenario TwoPhases() =>
        DynamicsTestScenarios.Tiny().With(dynamics: Settings, phases: [Phase.Create("pre", 5), Phase.Create("rl", 5, conditionalBits: 6)]);

    private static string GiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB");

    [Fact]
    public void A_chain_needs_450_bytes_per_configuration_and_an_estimate_that_would_overflow_saturates()
    {
        var largest = long.MaxValue / ConfigurationSpace.BytesPerConfiguration;

        ChainBudget.EstimateBytes(0).Should().Be(0);
        ChainBudget.EstimateBytes(7).Should().Be(3150);
        ChainBudget.EstimateBytes(largest).Should().Be(largest * 450);
        ChainBudget.EstimateBytes(largest + 1).Should().Be(long.MaxValue);
    }

    [Fact]
    public void The_relaxation_time_adds_550_bytes_per_configuration_and_its_estimate_saturates_too()
    {
        var largest = long.MaxValue / 1000;

        ChainBudget.EstimateBytes(7, relaxation: true).Should().Be(7000);
        ChainBudget.EstimateBytes(7, relaxation: false).Should().Be(ChainBudget.EstimateBytes(7));
        ChainBudget.EstimateBytes(largest, relaxation: true).Should().Be(largest * 1000);
        ChainBudget.EstimateBytes(largest + 1, relaxation: true).Should().Be(long.MaxValue);
    }

    [Fact]
    public void A_chain_that_fits_without_the_relaxation_time_but_not_with_it_is_refused_only_with_it()
    {
        var scenario = DynamicsTestScenarios.Tiny().With(dynamics: Settings);
        var count = ConfigurationSpace.CountConfigurations(scenario, Settings);
        var available = ChainBudget.EstimateBytes(count, relaxation: false);

        FluentActions.Invoking(() => ChainBudget.Check(scenario, available, relaxation: false)).Should().NotThrow();
        var d = FluentActions.Invoking(() => ChainBudget.Check(scenario, available, relaxation: true)).Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("(1,000 bytes each with the relaxation time, 450 without)");
    }

    [Fact]
    public void A_chain_that_exactly_fits_the_memory_is_accepted_and_one_byte_less_refuses_it()
    {
        var scenario = DynamicsTestScenarios.Tiny().With(dynamics: Settings);
        var bytes = ChainBudget.EstimateBytes(ConfigurationSpace.CountConfigurations(scenario, Settings));

        FluentActions.Invoking(() => ChainBudget.Check(scenario, bytes)).Should().NotThrow();
        FluentActions.Invoking(() => ChainBudget.Check(scenario, bytes - 1)).Should().Throw<ModelException>();
    }

    [Fact]
    public void The_refusal_names_the_phase_the_size_the_memory_needed_and_available_and_the_settings_to_change()
    {
        var scenario = TwoPhases();
        var pre = ConfigurationSpace.CountConfigurations(scenario, Settings, scenario.Phases[0]);
        var rl = ConfigurationSpace.CountConfigurations(scenario, Settings, scenario.Phases[1]);
        rl.Should().BeGreaterThan(pre, "the conditional lengthens the aligned goals");
        var available = (pre * 450) + 1;

        var d = FluentActions.Invoking(() => ChainBudget.Check(scenario, available)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Path.Should().Be("dynamics.goalResolution");
        d.Location.Should().BeNull("a scenario built in code has no file");
        d.Message.Should().Be(string.Create(CultureInfo.InvariantCulture,
            $"the training chain of phase 'rl' would have {rl:N0} configurations, needing about {GiB(rl * 450)} of memory (450 bytes each), but only {GiB(available)} is available; raise dynamics.goalResolution (now 2 bits per step) or lower dynamics.worldSteps (now 4)"));
    }

    [Fact]
    public void Without_a_phase_the_refusal_speaks_of_the_training_chain()
    {
        var d = FluentActions.Invoking(() => ChainBudget.ThrowIfUnaffordable(10, Settings, 4499)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Message.Should().Be("the training chain would have 10 configurations, needing about 0 GiB of memory (450 bytes each), but only 0 GiB is available; raise dynamics.goalResolution (now 2 bits per step) or lower dynamics.worldSteps (now 4)");
        FluentActions.Invoking(() => ChainBudget.ThrowIfUnaffordable(10, Settings, 4500)).Should().NotThrow();
    }

    [Fact]
    public void The_configured_limit_is_reported_before_the_memory_whatever_the_machine()
    {
        var scenario = TwoPhases().With(dynamics: DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, maxConfigurations: 50));

        var d = FluentActions.Invoking(() => ChainBudget.Check(scenario, 1)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Message.Should().StartWith("the training chain would have").And.Contain("more than the limit of 50");
    }

    [Fact]
    public void A_chain_past_half_the_largest_int_is_refused_for_its_size_even_with_no_limit_and_unbounded_memory()
    {
        var scenario = Scenario.Default.With(dynamics: DynamicsSettings.Create(worldSteps: 10_000, goalResolution: 0.001, maxConfigurations: long.MaxValue));

        var d = FluentActions.Invoking(() => ChainBudget.Check(scenario, long.MaxValue)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Message.Should().StartWith("the training chain would have").And.Contain("more than the limit of");
    }

    [Fact]
    public void A_chain_within_its_limit_and_the_memory_passes_and_bad_arguments_are_refused()
    {
        var scenario = TwoPhases();

        FluentActions.Invoking(() => ChainBudget.Check(scenario, long.MaxValue)).Should().NotThrow();
        FluentActions.Invoking(() => ChainBudget.Check(scenario, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ChainBudget.Check(null!, 1)).Should().Throw<ArgumentNullException>();
        ChainBudget.AvailableBytes().Should().BePositive();
    }

    [Fact]
    public void A_refusal_for_a_scenario_read_from_a_file_is_located_in_the_file()
    {
        var scenario = ScenarioLoader.Parse("schemaVersion: 1\nextends: default\ndynamics:\n  worldSteps: 3\n  goalResolution: 2\n", "budget.yaml");

        var d = FluentActions.Invoking(() => ChainBudget.Check(scenario, 1000)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Location.Should().Be(new SourceLocation("budget.yaml", 5, 3));
        d.Message.Should().Contain("needing about");
    }
}
