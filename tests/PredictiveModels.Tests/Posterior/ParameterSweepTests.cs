using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Posterior;

public sealed class ParameterSweepTests
{
    [Fact]
    public void A_linear_sweep_visits_evenly_spaced_values_with_both_ends_included() =>
        ParameterSweep.Values(-1, 1, 5, SweepScale.Linear).Should().Equal(-1, -0.5, 0, 0.5, 1);

    [Fact]
    public void A_linear_sweep_may_run_downwards() =>
        ParameterSweep.Values(2, 1, 3, SweepScale.Linear).Should().Equal(2, 1.5, 1);

    [Fact]
    public void A_logarithmic_sweep_over_twelve_decades_in_thirteen_steps_visits_exact_powers_of_ten() =>
        ParameterSweep.Values(1, 1e12, 13, SweepScale.Log).Should().Equal(Enumerable.Range(0, 13).Select(i => Math.Pow(10, i)));

    [Fact]
    public void A_logarithmic_sweep_has_a_constant_ratio_between_neighbours()
    {
        var values = ParameterSweep.Values(1000, 0.001, 7, SweepScale.Log);

        values.Should().HaveCount(7);
        for (var i = 1; i < values.Length; i++)
        {
            (values[i] / values[i - 1]).Should().BeApproximately(0.1, 1e-14);
        }
    }

    [Theory]
    [InlineData(5, 9, SweepScale.Log)]
    [InlineData(0.3, 11, SweepScale.Log)]
    [InlineData(0.1, 0.7, SweepScale.Linear)]
    [InlineData(1e-3, 13, SweepScale.Log)]
    public void Both_ends_are_exactly_the_values_asked_for(double from, double to, SweepScale scale)
    {
        var values = ParameterSweep.Values(from, to, 3, scale);

        values[0].Should().Be(from);
        values[^1].Should().Be(to);
    }

    [Fact]
    public void A_sweep_of_one_step_is_its_first_value_only()
    {
        ParameterSweep.Values(3, 8, 1, SweepScale.Linear).Should().Equal(3);
        ParameterSweep.Values(5, 9, 1, SweepScale.Log).Should().Equal(5);
    }

    [Fact]
    public void The_largest_number_of_steps_is_accepted_and_one_more_is_not()
    {
        ParameterSweep.Values(0, 1, ParameterSweep.MaxSteps, SweepScale.Linear).Should().HaveCount(ParameterSweep.MaxSteps);

        var act = () => ParameterSweep.Values(0, 1, ParameterSweep.MaxSteps + 1, SweepScale.Linear);
        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic("the number of steps is 100001, but it must be between 1 and 100000", null, SweepRange.StepsPath));
    }

    [Fact]
    public void Every_bad_argument_is_reported_at_once_with_the_option_that_gives_it()
    {
        var act = () => ParameterSweep.Values(double.NaN, double.PositiveInfinity, 0, SweepScale.Log);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().Equal(
            new Diagnostic("the sweep's first value is NaN; it must be a finite number", null, SweepRange.FromPath),
            new Diagnostic("the sweep's last value is Infinity; it must be a finite number", null, SweepRange.ToPath),
            new Diagnostic("the number of steps is 0, but it must be between 1 and 100000", null, SweepRange.StepsPath),
            new Diagnostic("a logarithmic sweep needs both ends greater than 0 (got NaN and Infinity)", null, SweepRange.ScalePath));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 10)]
    public void A_logarithmic_sweep_needs_both_ends_greater_than_0(double from, double to)
    {
        var act = () => ParameterSweep.Values(from, to, 2, SweepScale.Log);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Path.Should().Be(SweepRange.ScalePath);
        ParameterSweep.Values(from, to, 2, SweepScale.Linear).Should().Equal(from, to);
    }

    [Fact]
    public void Sweeping_a_posterior_parameter_gives_at_each_point_the_posterior_of_the_scenario_with_that_value()
    {
        var scenario = TestScenarios.Default;
        var parameter = ScenarioParameter.Parse("analysis.simplicityExponent", scenario);
        var reported = new List<int>();

        var sweep = ParameterSweep.Run(scenario, parameter, 0.5, 1.5, 3, progress: new SynchronousProgress(reported.Add));

        sweep.Parameter.Should().Be("analysis.simplicityExponent");
        sweep.Unit.Should().Be(parameter.Unit);
        sweep.Scale.Should().Be(SweepScale.Linear);
        sweep.Points.Select(p => p.Value).Should().Equal(0.5, 1.0, 1.5);
        reported.Should().Equal(1, 2, 3);
        foreach (var point in sweep.Points)
        {
            var expected = SimplicityPosterior.Compute(parameter.Set(scenario, point.Value));
            point.DeceptiveProbability.Should().Be(expected.DeceptiveProbability);
            point.BitsUnderwater.Should().Be(expected.BitsUnderwater);
            point.Classes.Should().Equal(expected.Classes);
        }
    }

    [Fact]
    public void Sweeping_a_parameter_that_changes_the_scores_rescores_the_scenario_at_each_point()
    {
        var scenario = TestScenarios.Default;
        var parameter = ScenarioParameter.Parse("concepts.training_data.weight", scenario);
        parameter.ChangesScores.Should().BeTrue();

        var sweep = ParameterSweep.Run(scenario, parameter, 10, 1000, 3, SweepScale.Log);

        sweep.Scale.Should().Be(SweepScale.Log);
        sweep.Points.Select(p => p.Value).Should().Equal(10, 100, 1000);
        foreach (var point in sweep.Points)
        {
            point.DeceptiveProbability.Should().Be(SimplicityPosterior.Compute(parameter.Set(scenario, point.Value)).DeceptiveProbability);
        }

        sweep.Points.Select(p => p.DeceptiveProbability).Distinct().Should().HaveCount(3, "the weight of the deceptive structures' stream enters their pointer lengths");
    }

    [Fact]
    public void A_value_invalid_for_the_parameter_at_either_end_fails_before_any_point_is_evaluated()
    {
        var scenario = TestScenarios.Default;
        var parameter = ScenarioParameter.Parse("analysis.dataSize", scenario);
        var reported = new List<int>();

        var act = () => ParameterSweep.Run(scenario, parameter, 10, -10, 3, progress: new SynchronousProgress(reported.Add));

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Path.Should().Be("analysis.dataSize");
        reported.Should().BeEmpty();
    }

    [Fact]
    public void A_cancelled_sweep_stops_before_its_first_point()
    {
        var scenario = TestScenarios.Default;
        var parameter = ScenarioParameter.Parse("analysis.dataSize", scenario);
        var reported = new List<int>();

        var act = () => ParameterSweep.Run(scenario, parameter, 1, 2, 2, progress: new SynchronousProgress(reported.Add), cancellation: new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        reported.Should().BeEmpty();
    }

    [Fact]
    public void A_training_chain_setting_is_refused_with_a_pointer_to_the_training_sweep()
    {
        var scenario = TestScenarios.Default;
        var act = () => ParameterSweep.Run(scenario, ScenarioParameter.Parse("dynamics.temperature", scenario), 1, 2, 2);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "dynamics.temperature is a setting of the training chain: it changes the training chain, not the posterior; sweep it with Dynamics.TrainingSweep",
            null,
            "dynamics.temperature"));
    }

    [Fact]
    public void A_phase_parameter_is_refused_as_a_parameter_of_a_training_phase()
    {
        var scenario = TestScenarios.Default.With(phases: [Phase.Create("fine-tuning", 10)]);
        const string path = "phases.fine-tuning.klWeight";

        var act = () => ParameterSweep.Run(scenario, ScenarioParameter.Parse(path, scenario), 0, 1, 2);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Be($"{path} is a parameter of a training phase: it changes the training chain, not the posterior; sweep it with Dynamics.TrainingSweep");
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
