using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// What the simulator promises besides its trajectories: argument checks and their messages, the
/// work bound, progress and cancellation, its random streams, and the small summary types.
/// Every simulation here is of at most a few hundred trajectories on the Tiny chain.
/// </summary>
public sealed class SimulationContractTests
{
    private static readonly Lazy<ConfigurationSpace> LazySpace = new(() => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings));

    private static readonly Lazy<TrajectorySimulator> LazySimulator = new(() => new TrajectorySimulator(Space));

    private static DynamicsSettings Settings => DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(4, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    private static ConfigurationSpace Space => LazySpace.Value;

    private static TrajectorySimulator Simulator => LazySimulator.Value;

    [Theory]
    [InlineData(0, "the number of trajectories is 0, but it must be between 1 and 10,000,000")]
    [InlineData(-5, "the number of trajectories is -5, but it must be between 1 and 10,000,000")]
    [InlineData(TrajectorySimulator.MaxTrajectories + 1, "the number of trajectories is 10000001, but it must be between 1 and 10,000,000")]
    public void A_number_of_trajectories_outside_1_to_the_maximum_is_rejected_with_a_message_saying_so(int trajectories, string message)
    {
        var diagnostic = Rejection(() => Simulator.Simulate(trajectories, 1, seed: 1)).Single();
        diagnostic.Path.Should().Be("simulation.trajectories");
        diagnostic.Message.Should().Be(message);

        Rejection(() => Simulator.SimulateTraining(trajectories, seed: 1)).Single().Message.Should().Be(message);
    }

    [Fact]
    public void The_largest_number_of_trajectories_is_accepted()
    {
        // With an invalid degree of parallelism nothing runs; the number alone must not be a complaint.
        var diagnostics = Rejection(() => Simulator.Simulate(TrajectorySimulator.MaxTrajectories, 0, seed: 1, maxDegreeOfParallelism: 0));

        diagnostics.Select(d => d.Path).Should().Equal("simulation.maxDegreeOfParallelism");
        diagnostics[0].Message.Should().Be("maxDegreeOfParallelism is 0, but it must be -1 (no limit) or at least 1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_degree_of_parallelism_other_than_minus_one_or_a_positive_one_is_rejected(int maxDegreeOfParallelism)
    {
        var diagnostic = Rejection(() => Simulator.SimulateTraining(10, seed: 1, maxDegreeOfParallelism: maxDegreeOfParallelism)).Single();

        diagnostic.Path.Should().Be("simulation.maxDegreeOfParallelism");
        diagnostic.Message.Should().Contain($"is {maxDegreeOfParallelism}, but");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(2)]
    public void Minus_one_and_any_positive_degree_of_parallelism_give_the_same_result(int maxDegreeOfParallelism)
    {
        var result = Simulator.Simulate(150, 10, seed: 9, maxDegreeOfParallelism: maxDegreeOfParallelism, keepTrajectories: true);
        var serial = Simulator.Simulate(150, 10, seed: 9, maxDegreeOfParallelism: 1, keepTrajectories: true);

        result.Trajectories.Should().Equal(serial.Trajectories);
        result.Classes.Should().BeEquivalentTo(serial.Classes);
    }

    [Fact]
    public void Invalid_trajectories_and_tau_are_both_reported_at_once()
    {
        var diagnostics = Rejection(() => Simulator.Simulate(0, -1, seed: 1, maxDegreeOfParallelism: -3));

        diagnostics.Select(d => d.Path).Should().BeEquivalentTo("simulation.trajectories", "simulation.tau", "simulation.maxDegreeOfParallelism");
        diagnostics.Single(d => d.Path == "simulation.tau").Message.Should().Contain("the training time tau");
    }

    [Fact]
    public void One_trajectory_too_long_to_simulate_is_rejected_with_the_work_it_would_take()
    {
        var tau = 2 * TrajectorySimulator.MaxExpectedEvents / Simulator.MaxExitRate;

        var diagnostic = Rejection(() => Simulator.Simulate(1, tau, seed: 1)).Single();

        diagnostic.Path.Should().Be("simulation.tau");
        diagnostic.Message.Should().StartWith("1 trajectories to training time ").And.Contain("could take up to 2E+11 moves").And.EndWith("at most 1E+11 are allowed: shorten tau or simulate fewer trajectories");
    }

    [Fact]
    public void A_training_simulation_too_long_for_one_trajectory_is_rejected_naming_each_phase()
    {
        var rate = Simulator.MaxExitRate;
        var phases = new[] { Phase.Create("early", 0.5 * TrajectorySimulator.MaxExpectedEvents / rate), Phase.Create("late", TrajectorySimulator.MaxExpectedEvents / rate) };
        var spaces = phases.Select(p => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings, p)).ToArray();
        var simulator = new TrajectorySimulator(spaces);
        var bound = (phases[0].Duration * new TrajectorySimulator(spaces[0]).MaxExitRate) + (phases[1].Duration * new TrajectorySimulator(spaces[1]).MaxExitRate);

        simulator.ExpectedEventsBound(3).Should().BeApproximately(3 * bound, 1e-12 * bound);
        var diagnostic = Rejection(() => simulator.SimulateTraining(1, seed: 1)).Single();

        diagnostic.Path.Should().Be("simulation.trajectories");
        diagnostic.Message.Should().StartWith("1 trajectories through 2 phase(s) ('early' duration ")
            .And.Contain("'late' duration ")
            .And.Contain(" x largest exit rate ")
            .And.EndWith("at most 1E+11 are allowed: simulate at most 0 trajectories");
    }

    [Fact]
    public void The_message_of_a_too_long_training_simulation_says_how_many_trajectories_are_affordable()
    {
        var simulator = new TrajectorySimulator([Space, Space]);
        const int trajectories = TrajectorySimulator.MaxTrajectories;
        var heavy = new TrajectorySimulator(
        [
            ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings, Phase.Create("one", 3e4 / simulator.MaxExitRate)),
        ]);
        var affordable = (long)Math.Floor(TrajectorySimulator.MaxExpectedEvents / heavy.ExpectedEventsBound(1));

        var message = Rejection(() => heavy.SimulateTraining(trajectories, seed: 1)).Single().Message;

        affordable.Should().BeInRange(1, trajectories - 1);
        message.Should().EndWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"simulate at most {affordable:N0} trajectories"));
    }

    [Fact]
    public void The_work_bound_is_the_trajectories_times_each_phase_duration_times_its_largest_exit_rate()
    {
        var exit = new double[Space.Count];
        var moves = 0L;
        for (var i = 0; i < Space.Count; i++)
        {
            var from = i;
            Space.ForEachNeighbour(i, (to, kind) =>
            {
                var rate = Space.Rate(from, to, kind);
                if (rate > 0)
                {
                    exit[from] += rate;
                    moves++;
                }
            });
        }

        Simulator.MaxExitRate.Should().BeApproximately(exit.Max(), 1e-12 * exit.Max());
        Simulator.MoveCount.Should().Be(moves);
        Simulator.Space.Should().BeSameAs(Space);
        Simulator.Spaces.Should().Equal(Space);
        Simulator.ExpectedEventsBound(0).Should().Be(0);
        Simulator.ExpectedEventsBound(7).Should().BeApproximately(7 * Space.Phase.Duration * exit.Max(), 1e-9);

        var twice = new TrajectorySimulator([Space, Space]);
        twice.MoveCount.Should().Be(2 * moves);
        twice.MaxExitRate.Should().Be(Simulator.MaxExitRate);
        twice.ExpectedEventsBound(7).Should().BeApproximately(2 * Simulator.ExpectedEventsBound(7), 1e-9);
        var negative = () => Simulator.ExpectedEventsBound(-1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_simulator_needs_at_least_one_phase_and_no_missing_one()
    {
        var none = () => new TrajectorySimulator(Array.Empty<ConfigurationSpace>());
        var missing = () => new TrajectorySimulator([Space, null!]);
        var nothing = () => new TrajectorySimulator((ConfigurationSpace)null!);
        var noList = () => new TrajectorySimulator((IReadOnlyList<ConfigurationSpace>)null!);

        none.Should().Throw<ArgumentException>().WithParameterName("phases");
        missing.Should().Throw<ArgumentNullException>();
        nothing.Should().Throw<ArgumentNullException>();
        noList.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Progress_is_reported_once_per_chunk_of_64_trajectories_as_the_fraction_done()
    {
        var reports = new List<double>();

        new TrajectorySimulator([Space, Space]).SimulateTraining(200, seed: 1, maxDegreeOfParallelism: 1, progress: new SynchronousProgress(reports.Add));

        reports.Should().Equal(64 / 200.0, 128 / 200.0, 192 / 200.0, 1.0);
    }

    [Fact]
    public void A_trajectory_that_has_no_goal_at_the_end_is_recorded_with_no_class()
    {
        // No time to move: every trajectory ends where it starts, with no goal, so it is undecided.
        var result = Simulator.Simulate(20, 0, seed: 1, maxDegreeOfParallelism: 1, keepTrajectories: true);

        result.Trajectories.Should().HaveCount(20).And.OnlyContain(r => r.FinalClass == null);
        result.UndecidedEstimate.Value.Should().Be(1);
    }

    [Fact]
    public void A_number_of_trajectories_that_fills_its_chunks_exactly_has_no_empty_chunk_to_report()
    {
        var reports = new List<double>();

        new TrajectorySimulator([Space, Space]).SimulateTraining(192, seed: 1, maxDegreeOfParallelism: 1, progress: new SynchronousProgress(reports.Add));

        reports.Should().Equal(64 / 192.0, 128 / 192.0, 1.0);
    }

    [Fact]
    public void A_simulation_cancelled_while_it_runs_stops_at_the_next_trajectory()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var progress = new SynchronousProgress(_ =>
        {
            reports++;
            cancellation.Cancel();
        });

        var simulate = () => Simulator.SimulateTraining(300, seed: 1, maxDegreeOfParallelism: 1, progress: progress, cancellation: cancellation.Token);

        simulate.Should().Throw<OperationCanceledException>();
        reports.Should().Be(1);
    }

    [Fact]
    public void Without_records_asked_for_a_simulation_keeps_none_but_the_same_summaries()
    {
        var bare = Simulator.SimulateTraining(100, seed: 4);
        var kept = Simulator.SimulateTraining(100, seed: 4, keepTrajectories: true);

        bare.Final.Trajectories.Should().BeEmpty();
        kept.Final.Trajectories.Should().HaveCount(100);
        bare.Final.Classes.Should().BeEquivalentTo(kept.Final.Classes);
        bare.Final.Awareness.Should().BeEquivalentTo(kept.Final.Awareness);
        bare.Events.Should().Be(kept.Events).And.Be(kept.Final.Trajectories.Sum(t => t.Events));
    }

    [Fact]
    public void A_stream_draws_the_xoshiro256_star_star_numbers_of_its_seed_and_index()
    {
        // Expected values from a separate transcription of the authors' C code (SplitMix64 and xoshiro256**)
        // with the seeding documented on ForStream: state = Mix(Mix(seed + golden) xor Mix((stream + 1) golden)),
        // expanded by four SplitMix64 steps. SplitMix64 itself gives 0xE220A8397B1DCDAF first from state 0.
        var a = Xoshiro256StarStar.ForStream(1, 0);
        new[] { a.NextUInt64(), a.NextUInt64(), a.NextUInt64(), a.NextUInt64() }.Should().Equal(0xa03d1cee3d6f43a4, 0x702a04bc6d8a7b1c, 0xe61afe7771c83cd6, 0x21c92d11ad26d11d);
        var b = Xoshiro256StarStar.ForStream(12345, 7);
        new[] { b.NextUInt64(), b.NextUInt64(), b.NextUInt64(), b.NextUInt64() }.Should().Equal(0xeac5b235532fb34e, 0x19a1e527ccb5b457, 0x2088f593451fc900, 0xc7c9d3ff53f48ede);
        var c = Xoshiro256StarStar.ForStream(0, 0);
        c.NextUInt64().Should().Be(0x99ec5f36cb75f2b4);

        // The doubles are the top 52 bits plus a half, or the top 53 bits, times 2^-53 or 2^-52.
        var d = Xoshiro256StarStar.ForStream(1, 0);
        d.NextOpenDouble().Should().Be(((0xa03d1cee3d6f43a4 >> 12) + 0.5) / (1UL << 52)).And.Be(0.6259325105324339);
        d.NextDouble().Should().Be((0x702a04bc6d8a7b1c >> 11) / (double)(1UL << 53)).And.Be(0.43814115143099197);
    }

    [Fact]
    public void A_proportion_reports_its_standard_error_and_contains_exactly_its_interval()
    {
        var estimate = new ProportionEstimate(5, 10);

        estimate.Count.Should().Be(5);
        estimate.Total.Should().Be(10);
        estimate.StandardError.Should().BeApproximately(Math.Sqrt(0.025), 1e-15);
        new ProportionEstimate(0, 10).StandardError.Should().Be(0);
        new ProportionEstimate(3, 4).StandardError.Should().BeApproximately(Math.Sqrt(0.75 * 0.25 / 4), 1e-15);
        estimate.Contains(estimate.Lower).Should().BeTrue();
        estimate.Contains(estimate.Upper).Should().BeTrue();
        estimate.Contains(Math.BitDecrement(estimate.Lower)).Should().BeFalse();
        estimate.Contains(Math.BitIncrement(estimate.Upper)).Should().BeFalse();
        estimate.ToString().Should().Be("0.5 [0.2366, 0.7634] (5/10)");
        new ProportionEstimate(10, 10).Upper.Should().Be(1);
        new ProportionEstimate(0, 10).Lower.Should().Be(0);
    }

    [Theory]
    [InlineData(3, 7, 0.158220, 0.749542)]
    [InlineData(199, 200, 0.972226, 0.999117)]
    [InlineData(1, 2, 0.094531, 0.905469)]
    public void The_Wilson_interval_matches_its_closed_form(int count, int total, double lower, double upper)
    {
        // Lower and upper from (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = 1.959964.
        var estimate = new ProportionEstimate(count, total);

        estimate.Lower.Should().BeApproximately(lower, 1e-6);
        estimate.Upper.Should().BeApproximately(upper, 1e-6);
    }

    [Fact]
    public void A_passage_at_exactly_tau_counts_and_one_passage_has_a_time_but_no_interval()
    {
        var single = FirstPassage.FromTimes([double.PositiveInfinity, 4, 4.5], tau: 4);

        single.Reached.Count.Should().Be(1);
        single.MeanTime.Should().Be(4);
        single.MedianTime.Should().Be(4);
        double.IsNaN(single.MeanTimeStandardError).Should().BeTrue();
        double.IsNaN(single.MeanTimeLower).Should().BeTrue();
        double.IsNaN(single.MeanTimeUpper).Should().BeTrue();
    }

    [Fact]
    public void The_interval_of_a_mean_passage_time_is_clipped_to_zero_and_tau_and_the_median_of_an_odd_count_is_the_middle_time()
    {
        var passage = FirstPassage.FromTimes([10, 0, 9], tau: 10);

        passage.MeanTime.Should().BeApproximately(19.0 / 3, 1e-12);
        passage.MedianTime.Should().Be(9);
        var sd = Math.Sqrt((Math.Pow(10 - (19.0 / 3), 2) + Math.Pow(19.0 / 3, 2) + Math.Pow(9 - (19.0 / 3), 2)) / 2);
        passage.MeanTimeStandardError.Should().BeApproximately(sd / Math.Sqrt(3), 1e-12);
        passage.MeanTimeLower.Should().BeApproximately((19.0 / 3) - (ProportionEstimate.Z95 * sd / Math.Sqrt(3)), 1e-12);
        passage.MeanTimeUpper.Should().Be(10, "the upper end is clipped to tau");

        var wide = FirstPassage.FromTimes([0, 0.5, 10], tau: 10);
        wide.MeanTimeLower.Should().Be(0, "the lower end is clipped to 0");
        wide.MedianTime.Should().Be(0.5);
        wide.ToString().Should().Be(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reached 1 [0.4385, 1] (3/3); mean 3.5 [0, {wide.MeanTimeUpper:G4}], median 0.5"));
    }

    [Fact]
    public void A_simulated_class_distribution_gives_each_class_its_estimate_and_the_point_estimates_as_a_distribution()
    {
        var result = Simulator.Simulate(300, 20, seed: 12);
        var classes = result.Classes;
        var sample = classes.Sample!;

        sample.Trials.Should().Be(300);
        sample.Counts.Sum().Should().Be(300 - sample.Undecided);
        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            result.Estimate(k).Should().Be(new ProportionEstimate(sample.CountOf(k), 300));
            classes[k].Should().Be(result.Estimate(k).Value);
        }

        result.UndecidedEstimate.Should().Be(new ProportionEstimate(sample.Undecided, 300));
        classes.Undecided.Should().Be(result.UndecidedEstimate.Value);
        sample.Counts.Count(c => c > 0).Should().BeGreaterThan(1, "the check needs more than one class reached");
    }

    private static IReadOnlyList<Diagnostic> Rejection(Action run) =>
        run.Should().Throw<ModelException>().Which.Diagnostics;

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
