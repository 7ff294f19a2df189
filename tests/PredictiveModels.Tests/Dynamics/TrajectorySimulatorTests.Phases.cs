using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

public sealed partial class TrajectorySimulatorTests
{
    /// <summary>The scenario of <see cref="Space"/>.</summary>
    private static readonly Scenario PhasedScenario = DynamicsTestScenarios.Tiny(dataSize: 100);

    /// <summary>Pre-training, then a fine-tuning phase whose 6-bit conditional lengthens the aligned goals (250 then 385 configurations) and whose bonuses for awareness and a long horizon make deception four times likelier (0.04 to 0.18).</summary>
    private static readonly Phase[] TwoPhases =
    [
        Phase.Create("pre", 10),
        Phase.Create("rl", 10, conditionalBits: 6, horizonBonus: 0.3, awarenessBonus: 0.3),
    ];

    private static readonly Lazy<ConfigurationSpace[]> LazyPhaseSpaces = new(() => [.. TwoPhases.Select(p => ConfigurationSpace.Build(PhasedScenario, Space.Settings, p))]);

    private static readonly Lazy<TrajectorySimulator> LazyPhasedSimulator = new(() => new TrajectorySimulator(PhaseSpaces));

    private static ConfigurationSpace[] PhaseSpaces => LazyPhaseSpaces.Value;

    private static TrajectorySimulator PhasedSimulator => LazyPhasedSimulator.Value;

    [Fact]
    public void The_simulated_class_distribution_at_the_end_of_each_phase_agrees_with_the_exact_transient_carried_across_phases()
    {
        var exact = TrainingDynamics.Train(PhasedScenario, Space.Settings, TwoPhases);

        var simulated = PhasedSimulator.SimulateTraining(Trajectories, seed: 20_260_102);

        simulated.Phases.Select(p => p.Phase).Should().Equal("pre", "rl");
        var moved = exact.Phases[1].Transient.DeceptiveProbability - exact.Phases[0].Transient.DeceptiveProbability;
        moved.Should().BeGreaterThan(10 * Tolerance(0.2, Trajectories), "the check of the second phase needs a phase that changes the outcome");
        for (var k = 0; k < TwoPhases.Length; k++)
        {
            var classes = simulated.Phases[k];
            foreach (var c in Enum.GetValues<OutcomeClass>())
            {
                var p = exact.Phases[k].Transient[c];
                classes.Estimate(c).Value.Should().BeApproximately(p, Tolerance(p, Trajectories), $"{c} at the end of phase {k}");
            }

            var undecided = exact.Phases[k].Transient.Undecided;
            classes.UndecidedEstimate.Value.Should().BeApproximately(undecided, Tolerance(undecided, Trajectories), $"undecided at the end of phase {k}");
        }
    }

    [Theory]
    [InlineData("awareness")]
    [InlineData("long horizon")]
    [InlineData("deception")]
    public void First_passages_since_the_start_of_training_and_within_each_phase_agree_with_the_exact_absorbing_chain_carried_across_phases(string passage)
    {
        const int steps = 400;
        Func<Configuration, bool> target = passage switch
        {
            "awareness" => c => c.Aware,
            "long horizon" => c => c.LongTerm,
            _ => c => c.Branch == Space.DeceptiveBranch,
        };
        var durations = TwoPhases.Select(p => p.Duration).ToArray();
        var reachedBy = FirstPassageReference.ReachedAcrossPhases(PhaseSpaces, target, durations, steps);

        var result = PhasedSimulator.SimulateTraining(Trajectories, seed: 13);

        for (var k = 0; k < TwoPhases.Length; k++)
        {
            var phase = result.Phases[k];
            var (sinceStart, inPhase) = passage switch
            {
                "awareness" => (phase.Awareness, phase.AwarenessInPhase),
                "long horizon" => (phase.LongTerm, phase.LongTermInPhase),
                _ => (phase.Deception, phase.DeceptionInPhase),
            };

            // New in this phase: F(start + s) - F(start), a first-passage distribution of its own over [0, d_k].
            var fresh = reachedBy[k].Select(f => f - reachedBy[k][0]).ToArray();
            fresh[^1].Should().BeInRange(0.02, 0.98, "the check needs a passage that happens in some runs and not in others");
            inPhase.Reached.Value.Should().BeApproximately(fresh[^1], Tolerance(fresh[^1], Trajectories), $"new in phase {k}");
            inPhase.MeanTime.Should().BeApproximately(FirstPassageReference.ConditionalMeanTime(fresh, durations[k]), (4.5 * inPhase.MeanTimeStandardError) + (1e-3 * durations[k]), $"mean time into phase {k}");

            var total = reachedBy[k][^1];
            sinceStart.Reached.Value.Should().BeApproximately(total, Tolerance(total, Trajectories), $"reached by the end of phase {k}");
            sinceStart.MeanTime.Should().BeApproximately(MeanSinceStart(reachedBy, durations, k), (4.5 * sinceStart.MeanTimeStandardError) + (1e-3 * phase.End), $"mean time since the start by the end of phase {k}");
        }

        // E[T | T <= end] = (end F(end) - integral of F over [0, end]) / F(end), the integral phase by phase by the trapezoidal rule.
        static double MeanSinceStart(double[][] reachedBy, double[] durations, int last)
        {
            var integral = 0.0;
            var end = 0.0;
            for (var k = 0; k <= last; k++)
            {
                var f = reachedBy[k];
                for (var s = 0; s < steps; s++)
                {
                    integral += 0.5 * (f[s] + f[s + 1]) * durations[k] / steps;
                }

                end += durations[k];
            }

            return ((end * reachedBy[last][^1]) - integral) / reachedBy[last][^1];
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_results_across_phases_for_any_degree_of_parallelism()
    {
        var one = PhasedSimulator.SimulateTraining(3_000, seed: 42, maxDegreeOfParallelism: 1, keepTrajectories: true);
        var two = PhasedSimulator.SimulateTraining(3_000, seed: 42, maxDegreeOfParallelism: 2, keepTrajectories: true);
        var eight = PhasedSimulator.SimulateTraining(3_000, seed: 42, maxDegreeOfParallelism: 8, keepTrajectories: true);
        var unlimited = PhasedSimulator.SimulateTraining(3_000, seed: 42, keepTrajectories: true);

        one.Phases.Should().HaveCount(2);
        one.Phases[1].Events.Should().BePositive("the second phase must move for the comparison to mean anything");
        foreach (var other in new[] { two, eight, unlimited })
        {
            for (var k = 0; k < one.Phases.Length; k++)
            {
                other.Phases[k].Should().BeEquivalentTo(one.Phases[k], o => o.ComparingByMembers<SimulationResult>().Excluding(r => r.Trajectories));
                other.Phases[k].Trajectories.Should().Equal(one.Phases[k].Trajectories);
            }
        }
    }

    [Fact]
    public void A_trajectory_depends_on_the_seed_and_its_index_in_every_phase_not_on_how_many_are_simulated()
    {
        var few = PhasedSimulator.SimulateTraining(100, seed: 9, keepTrajectories: true);
        var many = PhasedSimulator.SimulateTraining(1_000, seed: 9, keepTrajectories: true);

        for (var k = 0; k < few.Phases.Length; k++)
        {
            many.Phases[k].Trajectories.Take(100).Should().Equal(few.Phases[k].Trajectories);
        }
    }

    [Fact]
    public void A_one_phase_training_simulation_draws_exactly_what_the_one_phase_simulator_draws()
    {
        // The figures this test pinned (from commit bb59194) belonged to the chain before deceptive configurations
        // remembered their origin; what stays is that crossing phases changes nothing within one phase.
        var before = Simulator.Simulate(2_000, 20, seed: 77, keepTrajectories: true);
        var training = new TrajectorySimulator(ConfigurationSpace.Build(PhasedScenario, Space.Settings, Phase.Create("only", 20))).SimulateTraining(2_000, seed: 77, keepTrajectories: true);

        before.Events.Should().BeGreaterThan(0);
        before.Deception.Reached.Count.Should().BeGreaterThan(0);
        training.Phases.Single().Should().BeEquivalentTo(before, o => o.ComparingByMembers<SimulationResult>().Excluding(r => r.Phase).Excluding(r => r.Trajectories));
        training.Phases.Single().Trajectories.Should().Equal(before.Trajectories);
    }

    [Fact]
    public void The_first_phase_of_a_training_simulation_is_the_simulation_of_that_phase_alone()
    {
        var training = PhasedSimulator.SimulateTraining(2_000, seed: 5, keepTrajectories: true);
        var alone = new TrajectorySimulator(PhaseSpaces[0]).Simulate(2_000, TwoPhases[0].Duration, seed: 5, keepTrajectories: true);

        training.Phases[0].Trajectories.Should().Equal(alone.Trajectories);
        training.Phases[0].Classes.Should().BeEquivalentTo(alone.Classes);
    }

    [Fact]
    public void Each_phase_starts_where_the_trajectory_ended_the_previous_one_carried_by_absolute_progress()
    {
        var result = PhasedSimulator.SimulateTraining(2_000, seed: 21, keepTrajectories: true);
        var (pre, rl) = (result.Phases[0], result.Phases[1]);

        rl.Start.Should().Be(TwoPhases[0].Duration);
        rl.End.Should().Be(TwoPhases[0].Duration + TwoPhases[1].Duration);
        var still = rl.Trajectories.Where(t => t.Events == 0).ToArray();
        still.Should().NotBeEmpty("some runs make no move in the second phase");
        still.Should().OnlyContain(t => t.FinalIndex == PhaseSpaces[1].MapIndexFrom(PhaseSpaces[0], pre.Trajectories[t.Index].FinalIndex));

        // A goal complete in pre-training is incomplete under the conditional.
        var complete = pre.Trajectories.Where(t => t.Final.Branch > 0 && t.Final.Branch != Space.DeceptiveBranch && t.Final.Goal == PhaseSpaces[0].Branches[t.Final.Branch].Steps).ToArray();
        complete.Should().NotBeEmpty();
        complete.Select(t => PhaseSpaces[1][PhaseSpaces[1].MapIndexFrom(PhaseSpaces[0], t.FinalIndex)])
            .Should().OnlyContain(c => c.Goal < PhaseSpaces[1].Branches[c.Branch].Steps);
    }

    [Fact]
    public void First_passages_within_the_phases_add_up_to_those_since_the_start_of_training()
    {
        var result = PhasedSimulator.SimulateTraining(5_000, seed: 8, keepTrajectories: true);

        foreach (var pick in new Func<SimulationResult, (FirstPassage SinceStart, FirstPassage InPhase)>[] { r => (r.Awareness, r.AwarenessInPhase), r => (r.LongTerm, r.LongTermInPhase), r => (r.Deception, r.DeceptionInPhase) })
        {
            var phases = result.Phases.Select(pick).ToArray();
            phases[0].SinceStart.Should().BeEquivalentTo(phases[0].InPhase, "in the first phase both count from the start of training");
            phases[1].SinceStart.Reached.Count.Should().Be(phases[0].InPhase.Reached.Count + phases[1].InPhase.Reached.Count);
            phases[1].SinceStart.Reached.Count.Should().BeGreaterThanOrEqualTo(phases[0].SinceStart.Reached.Count);
        }

        // Records carry times since the start of training, within the phase's end; what phase 1 saw, phase 2 keeps.
        var (pre, rl) = (result.Phases[0], result.Phases[1]);
        rl.Trajectories.Where(t => !new[] { t.AwarenessTime, t.LongTermTime, t.DeceptionTime }.All(time => time == null || (time >= 0 && time <= rl.End))).Should().BeEmpty();
        rl.Trajectories.Where(t => pre.Trajectories[t.Index].DeceptionTime is { } first && t.DeceptionTime != first).Should().BeEmpty();
        rl.Trajectories.Count(t => t.DeceptionTime > rl.Start).Should().Be(rl.DeceptionInPhase.Reached.Count);
        result.Events.Should().Be(pre.Events + rl.Events);
    }

    [Fact]
    public void A_training_simulation_whose_work_over_all_phases_is_too_large_is_rejected_before_it_starts()
    {
        // Each phase alone is within the limit; together they are not.
        const int trajectories = TrajectorySimulator.MaxTrajectories;
        var scenario = PhasedScenario;
        var rates = TwoPhases.Select(p => new TrajectorySimulator(ConfigurationSpace.Build(scenario, Space.Settings, p)).MaxExitRate).ToArray();
        var heavy = new TrajectorySimulator(
        [
            ConfigurationSpace.Build(scenario, Space.Settings, Phase.Create("pre", 0.6 * TrajectorySimulator.MaxExpectedEvents / trajectories / rates[0])),
            ConfigurationSpace.Build(scenario, Space.Settings, Phase.Create("rl", 0.6 * TrajectorySimulator.MaxExpectedEvents / trajectories / rates[1], conditionalBits: 6, horizonBonus: 0.3, awarenessBonus: 0.3)),
        ]);

        var simulate = () => heavy.SimulateTraining(trajectories, seed: 1);

        heavy.ExpectedEventsBound(trajectories).Should().BeApproximately(1.2 * TrajectorySimulator.MaxExpectedEvents, 1e-6 * TrajectorySimulator.MaxExpectedEvents);
        var diagnostic = simulate.Should().Throw<ModelException>().Which.Diagnostics.Single();
        diagnostic.Path.Should().Be("simulation.trajectories");
        diagnostic.Message.Should().Contain("'pre'").And.Contain("'rl'").And.Contain("at most 8,333,333 trajectories");
    }

    [Fact]
    public void Phases_of_different_world_resolutions_cannot_be_simulated_together()
    {
        var coarse = ConfigurationSpace.Build(PhasedScenario, DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(3, 2)), TwoPhases[1]);

        var build = () => new TrajectorySimulator([PhaseSpaces[0], coarse]);

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_cancelled_training_simulation_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var simulate = () => PhasedSimulator.SimulateTraining(1_000, seed: 1, cancellation: cancellation.Token);

        simulate.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_training_simulation_cancelled_while_it_runs_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var progress = new SynchronousProgress(_ =>
        {
            reports++;
            cancellation.Cancel();
        });

        var simulate = () => PhasedSimulator.SimulateTraining(10_000, seed: 1, maxDegreeOfParallelism: 1, progress: progress, cancellation: cancellation.Token);

        simulate.Should().Throw<OperationCanceledException>();
        reports.Should().Be(1, "the signal stops the run at the next trajectory, before a second chunk of 64 ends");
    }

    [Fact]
    public void Progress_reaches_one_when_every_trajectory_is_done()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(v =>
        {
            lock (reports)
            {
                reports.Add(v);
            }
        });

        PhasedSimulator.SimulateTraining(1_000, seed: 1, progress: progress);

        reports.Should().NotBeEmpty().And.OnlyContain(v => v > 0 && v <= 1);
        reports.Max().Should().Be(1);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
