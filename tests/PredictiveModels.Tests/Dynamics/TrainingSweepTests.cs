using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class TrainingSweepTests
{
    private static Scenario TwoPhases() => DynamicsTestScenarios.Tiny(dataSize: 10).With(phases:
    [
        Phase.Create("pre-training", 20),
        Phase.Create("fine-tuning", 10, conditionalBits: 8, horizonBonus: 0.5, awarenessBonus: 0.5),
    ]);

    private static TrainingSweepResult Sweep(Scenario scenario, string path, double from, double to, int steps, IProgress<double>? progress = null) =>
        TrainingSweep.Run(scenario, ScenarioParameter.Parse(path, scenario), from, to, steps, SweepScale.Linear, progress);

    [Fact]
    public void Every_point_is_the_training_run_of_the_scenario_with_the_parameter_set_to_its_value()
    {
        var scenario = TwoPhases();

        var sweep = Sweep(scenario, "phases.fine-tuning.duration", 0, 30, 4);

        sweep.Points.Select(p => p.Value).Should().Equal(0, 10, 20, 30);
        foreach (var point in sweep.Points)
        {
            var changed = scenario.With(phases: [scenario.Phases[0], scenario.Phases[1].With(duration: point.Value)]);
            var direct = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases);
            point.HighPathDeceptive.Should().Be(direct.Transient.DeceptiveProbability);
            point.LowPathDeceptive.Should().Be(direct.Equilibrium.DeceptiveProbability);
        }
    }

    [Fact]
    public void A_last_phase_of_length_0_has_no_high_path_rise_but_keeps_its_low_path_rise()
    {
        var sweep = Sweep(TwoPhases(), "phases.fine-tuning.duration", 0, 10, 2);

        var (zero, ten) = (sweep.Points[0], sweep.Points[1]);
        zero.HighPathRise.Should().Be(0);
        zero.LowPathRise.Should().Be(ten.LowPathRise, "the equilibrium of a phase does not depend on its length");
        ten.HighPathRise.Should().BeGreaterThan(0, "fine-tuning rewards awareness and a long horizon, the precursors of deception");
    }

    [Fact]
    public void The_rises_of_a_single_phase_are_measured_from_the_start_of_training()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var point = Sweep(scenario, "phases.pre-training.duration", 15, 15, 1).Points.Single();

        point.HighPathRise.Should().Be(point.HighPathDeceptive);
        point.LowPathRise.Should().Be(point.LowPathDeceptive);
    }

    [Fact]
    public void Progress_reaches_1_and_never_goes_back()
    {
        var seen = new List<double>();

        Sweep(TwoPhases(), "phases.fine-tuning.duration", 0, 10, 3, new Recorder(seen));

        seen.Should().NotBeEmpty();
        seen.Should().BeInAscendingOrder();
        seen[^1].Should().Be(1);
    }

    [Fact]
    public void A_far_end_whose_chain_is_too_large_fails_before_any_training()
    {
        var seen = new List<double>();

        var act = () => Sweep(TwoPhases(), "phases.fine-tuning.conditionalBits", 0, 1e7, 3, new Recorder(seen));

        var error = act.Should().Throw<ModelException>().Which.Diagnostics[0];
        error.Path.Should().Be("phases.fine-tuning.conditionalBits", "the swept value made the chain too large");
        error.Message.Should().Contain("phases.fine-tuning.conditionalBits = 10000000").And.Contain("raise dynamics.goalResolution");
        seen.Should().BeEmpty("nothing was trained");
    }

    [Fact]
    public void More_points_than_the_limit_are_refused()
    {
        var act = () => Sweep(TwoPhases(), "phases.fine-tuning.duration", 0, 1, TrainingSweep.MaxSteps + 1);

        act.Should().Throw<ModelException>().WithMessage($"*{TrainingSweep.MaxSteps + 1} points*at most {TrainingSweep.MaxSteps}*");
    }

    [Fact]
    public void The_posterior_sweep_refuses_a_phase_parameter_and_points_to_the_training_sweep()
    {
        var scenario = TwoPhases();

        var act = () => ParameterSweep.Run(scenario, ScenarioParameter.Parse("phases.fine-tuning.klWeight", scenario), 0, 1, 2);

        act.Should().Throw<ModelException>().WithMessage("*training phase*TrainingSweep*");
    }

    private sealed class Recorder(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
