using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The points of a training sweep (rounding of whole-number parameters, the checks at both ends before any training)
/// and what a sweep hands back (the result's labels, the runs it makes, its progress), on the tiny two-phase chain.
/// </summary>
public sealed class TrainingSweepRangeTests
{
    private static Scenario TwoPhases() => DynamicsTestScenarios.Tiny(dataSize: 10).With(phases:
    [
        Phase.Create("pre-training", 20),
        Phase.Create("fine-tuning", 10, conditionalBits: 8, horizonBonus: 0.5, awarenessBonus: 0.5),
    ]);

    private static ScenarioParameter Parameter(Scenario scenario, string path) => ScenarioParameter.Parse(path, scenario);

    [Fact]
    public void A_whole_number_parameter_is_swept_at_its_rounded_points_with_repeats_dropped()
    {
        var scenario = TwoPhases();

        // Linear points 2, 2.5, 3, 3.5, 4 round (to even) to 2, 2, 3, 4, 4.
        var values = TrainingSweep.Values(Parameter(scenario, "dynamics.worldSteps"), 2, 4, 5, SweepScale.Linear);

        values.Should().Equal(2, 3, 4);
    }

    [Fact]
    public void A_real_parameter_keeps_the_points_of_the_posterior_sweep_unrounded()
    {
        var scenario = TwoPhases();

        var values = TrainingSweep.Values(Parameter(scenario, "phases.fine-tuning.duration"), 1, 2, 5, SweepScale.Linear);

        values.Should().Equal(ParameterSweep.Values(1, 2, 5, SweepScale.Linear));
        values.Should().Contain(1.25);
    }

    [Theory]
    [InlineData(2.5, 4, SweepRange.FromPath, "first")]
    [InlineData(2, 3.5, SweepRange.ToPath, "last")]
    public void A_fractional_end_of_a_whole_number_parameter_is_refused_naming_that_end(double from, double to, string end, string which)
    {
        var scenario = TwoPhases();

        var act = () => TrainingSweep.Values(Parameter(scenario, "dynamics.worldSteps"), from, to, 3, SweepScale.Linear);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Path.Should().Be(end);
        error.Message.Should().StartWith($"the sweep's {which} value is ").And.Contain("dynamics.worldSteps takes whole numbers only");
    }

    [Fact]
    public void Exactly_the_largest_number_of_points_is_accepted()
    {
        var scenario = TwoPhases();

        var values = TrainingSweep.Check(scenario, Parameter(scenario, "phases.fine-tuning.duration"), 0, 1, TrainingSweep.MaxSteps, SweepScale.Linear);

        values.Should().HaveCount(TrainingSweep.MaxSteps);
        values[0].Should().Be(0);
        values[^1].Should().Be(1);
    }

    [Fact]
    public void One_point_more_than_the_limit_is_refused_naming_the_steps_option()
    {
        var scenario = TwoPhases();

        var act = () => TrainingSweep.Check(scenario, Parameter(scenario, "phases.fine-tuning.duration"), 0, 1, TrainingSweep.MaxSteps + 1, SweepScale.Linear);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Path.Should().Be(SweepRange.StepsPath);
        error.Message.Should().Be($"a training sweep has {TrainingSweep.MaxSteps + 1} points; each trains the whole chain, so at most {TrainingSweep.MaxSteps} are allowed");
    }

    [Fact]
    public void A_chain_too_large_at_the_first_end_is_refused_naming_that_end_and_the_phase()
    {
        var scenario = TwoPhases();

        var act = () => TrainingSweep.Check(scenario, Parameter(scenario, "phases.fine-tuning.conditionalBits"), 1e7, 0, 3, SweepScale.Linear);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics[0];
        error.Path.Should().Be("phases.fine-tuning.conditionalBits");
        error.Message.Should().StartWith("at phases.fine-tuning.conditionalBits = 10000000 (an end of the sweep), phase 'fine-tuning': ");
    }

    [Fact]
    public void Missing_arguments_are_argument_errors()
    {
        var scenario = TwoPhases();
        var parameter = Parameter(scenario, "phases.fine-tuning.duration");

        ((Action)(() => TrainingSweep.Check(null!, parameter, 0, 1, 2, SweepScale.Linear))).Should().Throw<ArgumentNullException>();
        ((Action)(() => TrainingSweep.Check(scenario, null!, 0, 1, 2, SweepScale.Linear))).Should().Throw<ArgumentNullException>();
        ((Action)(() => TrainingSweep.Values(null!, 0, 1, 2, SweepScale.Linear))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_sweep_is_labelled_with_the_parameters_path_unit_and_scale_and_trains_without_absorption_or_relaxation()
    {
        var scenario = TwoPhases();
        var parameter = Parameter(scenario, "phases.fine-tuning.duration");

        var sweep = TrainingSweep.Run(scenario, parameter, 1, 4, 2, SweepScale.Log);

        sweep.Parameter.Should().Be("phases.fine-tuning.duration");
        sweep.Unit.Should().Be(parameter.Unit);
        sweep.Scale.Should().Be(SweepScale.Log);
        sweep.Points.Select(p => p.Value).Should().Equal(1, 4);
        foreach (var phase in sweep.Points.SelectMany(p => p.Training.Phases))
        {
            phase.Absorption.Should().BeNull();
            phase.AbsorptionProblem.Should().BeNull();
            phase.Relaxation.Should().BeNull();
            phase.Reachability.Should().BeNull();
        }

        sweep.Points[1].Training.Phases[1].Duration.Should().Be(4);
    }

    [Fact]
    public void Each_point_reports_progress_within_its_own_share_of_the_sweep()
    {
        var seen = new List<double>();

        TrainingSweep.Run(TwoPhases(), Parameter(TwoPhases(), "phases.fine-tuning.duration"), 1, 2, 2, SweepScale.Linear, new Recorder(seen));

        seen.Should().OnlyContain(f => f >= 0 && f <= 1);
        seen.Should().BeInAscendingOrder();
        seen.Should().Contain(0.5, "the first of two points ends half way");
        seen.Should().Contain(f => f > 0.5 && f < 1, "the second point reports from half way on");
        seen[^1].Should().Be(1);
    }

    [Fact]
    public void A_cancelled_sweep_stops_before_training()
    {
        var seen = new List<double>();
        var scenario = TwoPhases();

        var act = () => TrainingSweep.Run(scenario, Parameter(scenario, "phases.fine-tuning.duration"), 1, 2, 2, SweepScale.Linear, new Recorder(seen), new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        seen.Should().BeEmpty();
    }

    private sealed class Recorder(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
