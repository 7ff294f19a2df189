using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Sweeps of the chain's own settings, <c>dynamics.*</c> (issue 8, item 6).</summary>
public sealed class DynamicsSweepTests
{
    /// <summary>Every dynamics path with a value other than its default, and how to read the setting back.</summary>
    public static TheoryData<string, double> Paths => new()
    {
        { "dynamics.temperature", 2.5 },
        { "dynamics.goalResolution", 2 },
        { "dynamics.worldSteps", 7 },
        { "dynamics.rates.world", 3 },
        { "dynamics.rates.goal", 3 },
        { "dynamics.rates.enter", 3 },
        { "dynamics.rates.horizon", 0.7 },
        { "dynamics.rates.awareness", 0.7 },
        { "dynamics.rates.jump", 5 },
        { "dynamics.worldGap", 2 },
        { "dynamics.goalGap", 0.25 },
        { "dynamics.horizonBits", 3 },
        { "dynamics.awarenessBits", 5 },
        { "dynamics.horizonBonus", 2 },
        { "dynamics.awarenessBonus", 2 },
        { "dynamics.objectiveUnderstoodAt", 0.9 },
        { "dynamics.duration", 40 },
        { "dynamics.tolerance", 1e-6 },
    };

    /// <summary>
    /// The tiny scenario with two phases; pre-training takes its duration from <c>dynamics.duration</c>. Fine-tuning
    /// is long enough that <c>P(Deceptive)</c> at the end (about 4e-8) is far above the transient's error bound (about 1e-10).
    /// </summary>
    private static Scenario TwoPhases() => DynamicsTestScenarios.Tiny(dataSize: 10).With(phases:
    [
        Phase.Create("pre-training", DynamicsSettings.Default.Duration, durationFromDynamics: true),
        Phase.Create("fine-tuning", 1000, conditionalBits: 8, horizonBonus: 0.5, awarenessBonus: 0.5),
    ]);

    private static TrainingSweepResult Sweep(Scenario scenario, string path, double from, double to, int steps, SweepScale scale = SweepScale.Linear, IProgress<double>? progress = null) =>
        TrainingSweep.Run(scenario, ScenarioParameter.Parse(path, scenario), from, to, steps, scale, progress);

    /// <summary>The setting as the scenario states it; the horizon and awareness bits are null without an override (the chain derives them).</summary>
    private static double? Setting(Scenario s, string path) => path switch
    {
        "dynamics.temperature" => s.Dynamics.Temperature,
        "dynamics.goalResolution" => s.Dynamics.GoalResolution,
        "dynamics.worldSteps" => s.Dynamics.WorldSteps,
        "dynamics.worldGap" => s.Dynamics.WorldGap,
        "dynamics.goalGap" => s.Dynamics.GoalGap,
        "dynamics.horizonBits" => s.Dynamics.HorizonBits,
        "dynamics.awarenessBits" => s.Dynamics.AwarenessBits,
        "dynamics.horizonBonus" => s.Dynamics.HorizonBonus,
        "dynamics.awarenessBonus" => s.Dynamics.AwarenessBonus,
        "dynamics.objectiveUnderstoodAt" => s.Dynamics.ObjectiveUnderstoodAt,
        "dynamics.duration" => s.Dynamics.Duration,
        "dynamics.tolerance" => s.Dynamics.Tolerance,
        _ when path.StartsWith("dynamics.rates.", StringComparison.Ordinal) => s.Dynamics.Rate(Enum.Parse<MoveKind>(path["dynamics.rates.".Length..], ignoreCase: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a dynamics path"),
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Setting_a_dynamics_path_changes_that_setting_and_no_other(string path, double value)
    {
        var scenario = TwoPhases();
        var parameter = ScenarioParameter.Parse(path, scenario);

        var changed = parameter.Set(scenario, value);

        parameter.Get(scenario).Should().Be(Setting(scenario, path));
        parameter.Get(changed).Should().Be(value);
        Setting(changed, path).Should().Be(value);
        foreach (var (other, _) in Paths.Select(row => ((string)row[0], (double)row[1])).Where(row => row.Item1 != path))
        {
            Setting(changed, other).Should().Be(Setting(scenario, other), $"setting {path} leaves {other} alone");
        }

        parameter.ChangesOnlyTraining.Should().BeTrue();
        parameter.ChangesScores.Should().BeFalse();
        changed.Analysis.Should().BeSameAs(scenario.Analysis);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_sweep_point_of_a_dynamics_path_is_the_training_run_with_that_setting(string path, double value)
    {
        var scenario = TwoPhases();
        var changed = ScenarioParameter.Parse(path, scenario).Set(scenario, value);

        var point = Sweep(scenario, path, value, value, 1).Points.Single();

        var direct = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases, absorption: false);
        point.Value.Should().Be(value);
        point.HighPathDeceptive.Should().Be(direct.Transient.DeceptiveProbability);
        point.LowPathDeceptive.Should().Be(direct.Equilibrium.DeceptiveProbability);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_dynamics_path_except_the_tolerance_moves_the_result(string path, double value)
    {
        var scenario = TwoPhases();
        var atDefault = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false);

        var moved = Sweep(scenario, path, value, value, 1).Points.Single().Training;

        var change = Enum.GetValues<OutcomeClass>().Max(c => Math.Abs(moved.Transient[c] - atDefault.Transient[c]));
        var errorBounds = moved.Phases.Sum(p => p.ErrorBound) + atDefault.Phases.Sum(p => p.ErrorBound);
        if (path == "dynamics.tolerance")
        {
            change.Should().BeLessThanOrEqualTo(errorBounds, "a looser tolerance moves the result by at most the error bounds");
        }
        else
        {
            change.Should().BeGreaterThan(errorBounds, $"{path} is part of the chain, so it moves the result by more than the error bounds");
        }
    }

    [Fact]
    public void A_faster_jump_makes_more_runs_deceptive_by_the_end_of_training()
    {
        var points = Sweep(TwoPhases(), "dynamics.rates.jump", 0.1, 10, 3, SweepScale.Log).Points;

        points.Select(p => p.HighPathDeceptive).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("dynamics.rates.horizon")]
    [InlineData("dynamics.rates.awareness")]
    public void Faster_precursors_make_more_runs_deceptive_by_the_end_of_training(string path)
    {
        var points = Sweep(TwoPhases(), path, 0.01, 1, 3, SweepScale.Log).Points;

        points.Select(p => p.HighPathDeceptive).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Understanding_the_objective_later_leaves_fewer_runs_deceptive_by_the_end_of_training()
    {
        var points = Sweep(TwoPhases(), "dynamics.objectiveUnderstoodAt", 0, 1, 3).Points;

        points.Select(p => p.HighPathDeceptive).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_default_duration_reaches_the_phases_without_their_own_and_no_other()
    {
        var scenario = TwoPhases();

        var changed = ScenarioParameter.Parse("dynamics.duration", scenario).Set(scenario, 3);

        changed.Dynamics.Duration.Should().Be(3);
        changed.Phases[0].Duration.Should().Be(3);
        changed.Phases[1].Should().BeSameAs(scenario.Phases[1]);
    }

    [Fact]
    public void A_scenario_without_phases_trains_for_the_default_duration_and_a_sweep_of_it_starts_at_no_deception()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var points = Sweep(scenario, "dynamics.duration", 0, 40, 3).Points;

        points[0].HighPathDeceptive.Should().Be(0, "no time, no training");
        points.Select(p => p.HighPathDeceptive).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_default_duration_is_refused_when_every_phase_has_its_own()
    {
        var scenario = TwoPhases().With(phases: [Phase.Create("pre-training", 20), Phase.Create("fine-tuning", 10)]);

        var act = () => ScenarioParameter.Parse("dynamics.duration", scenario);

        act.Should().Throw<ModelException>().WithMessage("*every phase*own duration*changes nothing*phases.NAME.duration*")
            .Which.Diagnostics[0].Path.Should().Be("dynamics.duration");
    }

    [Fact]
    public void A_phase_read_without_a_duration_takes_the_default_one_and_says_so()
    {
        var scenario = ScenarioLoader.Parse(
            """
            schemaVersion: 1
            name: t
            worldModel:
              concepts:
                - {name: corpus, type: Stream, bits: 6}
            structures:
              - {id: p, camera: corpus, procedure: most_likely_next, class: Desired, mechanisms: [corrigible]}
            dynamics:
              duration: 30
              phases:
                - name: a
                - name: b
                  duration: 5
            """,
            "t.yaml");

        scenario.Phases.Select(p => (p.Duration, p.DurationFromDynamics)).Should().Equal((30, true), (5, false));
        ScenarioParameter.Parse("dynamics.duration", scenario).Set(scenario, 7).Phases.Select(p => p.Duration).Should().Equal(7, 5);
    }

    [Fact]
    public void Finer_goal_steps_and_more_world_steps_make_a_larger_chain()
    {
        var scenario = TwoPhases();
        long Size(string path, double value)
        {
            var changed = ScenarioParameter.Parse(path, scenario).Set(scenario, value);
            return ConfigurationSpace.CountConfigurations(changed, changed.Dynamics, changed.Phases[0]);
        }

        Size("dynamics.goalResolution", 1).Should().BeGreaterThan(Size("dynamics.goalResolution", 4));
        Size("dynamics.worldSteps", 20).Should().BeGreaterThan(Size("dynamics.worldSteps", 10));
    }

    [Fact]
    public void World_steps_take_whole_numbers_only()
    {
        var scenario = TwoPhases();
        var parameter = ScenarioParameter.Parse("dynamics.worldSteps", scenario);

        var act = () => parameter.Set(scenario, 2.5);

        parameter.IsInteger.Should().BeTrue();
        act.Should().Throw<ModelException>().WithMessage("*dynamics.worldSteps = 2.5*whole numbers*").Which.Diagnostics[0].Path.Should().Be("dynamics.worldSteps");
    }

    [Fact]
    public void A_world_steps_sweep_rounds_the_points_between_its_ends_and_drops_repeats()
    {
        var parameter = ScenarioParameter.Parse("dynamics.worldSteps", TwoPhases());

        var values = TrainingSweep.Values(parameter, 1, 4, 7, SweepScale.Linear);

        values.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void A_world_steps_sweep_with_an_end_that_is_not_whole_is_refused_naming_the_end()
    {
        var parameter = ScenarioParameter.Parse("dynamics.worldSteps", TwoPhases());

        var act = () => TrainingSweep.Values(parameter, 2, 9.5, 3, SweepScale.Linear);

        act.Should().Throw<ModelException>().WithMessage("*9.5*dynamics.worldSteps*whole numbers*").Which.Diagnostics[0].Path.Should().Be(SweepRange.ToPath);
    }

    [Fact]
    public void A_goal_resolution_too_fine_at_one_end_fails_before_any_training_naming_the_path_and_the_end()
    {
        var seen = new List<double>();

        var act = () => Sweep(TwoPhases(), "dynamics.goalResolution", 4, 1e-6, 3, SweepScale.Log, new Recorder(seen));

        var error = act.Should().Throw<ModelException>().Which.Diagnostics[0];
        error.Path.Should().Be("dynamics.goalResolution");
        error.Message.Should().Contain("dynamics.goalResolution = 1E-06").And.Contain("an end of the sweep").And.Contain("configurations");
        seen.Should().BeEmpty("nothing was trained");
    }

    [Fact]
    public void Too_many_world_steps_at_one_end_fail_before_any_training()
    {
        var seen = new List<double>();
        var scenario = TwoPhases().With(dynamics: DynamicsSettings.Create(maxConfigurations: 5_000));

        var act = () => Sweep(scenario, "dynamics.worldSteps", 1, 10_000, 2, SweepScale.Linear, new Recorder(seen));

        act.Should().Throw<ModelException>().Which.Diagnostics[0].Message.Should().Contain("dynamics.worldSteps = 10000");
        seen.Should().BeEmpty();
    }

    [Theory]
    [InlineData("dynamics.temperature", 0, "temperature")]
    [InlineData("dynamics.goalResolution", -1, "goal resolution")]
    [InlineData("dynamics.worldSteps", 20_000, "world steps")]
    [InlineData("dynamics.rates.jump", 0, "jump rate")]
    [InlineData("dynamics.worldGap", -1, "world gap")]
    [InlineData("dynamics.objectiveUnderstoodAt", 1.5, "objectiveUnderstoodAt")]
    [InlineData("dynamics.tolerance", 0.5, "tolerance")]
    [InlineData("dynamics.horizonBits", double.NaN, "horizon bits")]
    public void A_value_out_of_range_is_an_error_naming_the_path_and_the_value(string path, double value, string what)
    {
        var scenario = TwoPhases();
        var parameter = ScenarioParameter.Parse(path, scenario);

        var act = () => parameter.Set(scenario, value);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics[0];
        error.Path.Should().Be(path);
        error.Message.Should().StartWith($"{path} = ").And.Contain(what);
    }

    [Theory]
    [InlineData("dynamics.maxConfigurations", "*limit*not a parameter*")]
    [InlineData("dynamics.rates.reset", "*reset has no base rate*phases.NAME.oversightDetectionRate*")]
    [InlineData("dynamics.rates.jmp", "*'jmp'*did you mean 'jump'*")]
    [InlineData("dynamics.rates", "*dynamics.rates.KIND*")]
    [InlineData("dynamics.temprature", "*'temprature'*did you mean 'temperature'*")]
    public void A_path_that_is_no_sweepable_setting_is_refused_with_the_reason(string path, string message)
    {
        var act = () => ScenarioParameter.Parse(path, TwoPhases());

        act.Should().Throw<ModelException>().WithMessage(message).Which.Diagnostics[0].Path.Should().Be(path);
    }

    [Fact]
    public void The_posterior_sweep_refuses_a_dynamics_path_and_points_to_the_training_sweep()
    {
        var scenario = TwoPhases();

        var act = () => ParameterSweep.Run(scenario, ScenarioParameter.Parse("dynamics.temperature", scenario), 1, 2, 2);

        act.Should().Throw<ModelException>().WithMessage("*setting of the training chain*not the posterior*TrainingSweep*");
    }

    [Fact]
    public void Every_dynamics_path_form_is_listed_with_its_unit_and_range_and_changes_only_training()
    {
        foreach (var path in Paths.Select(row => (string)row[0]))
        {
            var form = path.StartsWith("dynamics.rates.", StringComparison.Ordinal) ? "dynamics.rates.KIND" : path;
            ScenarioParameter.PathForms.Should().Contain(form);
            ScenarioParameter.PathDescriptions.Should().ContainSingle(d => d.StartsWith(form + ":", StringComparison.Ordinal))
                .Which.Should().EndWith("; training chain only");
            ScenarioParameter.Forms.Single(d => d.Form == form).ChangesOnlyTraining.Should().BeTrue();
        }
    }

    private sealed class Recorder(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
