using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The simulator against a direct Gillespie simulation written out here from the chain's public
/// moves and rates, drawing from the same random stream per trajectory: every trajectory, every
/// passage time and every summary must agree exactly, on small runs of a few hundred trajectories.
/// </summary>
public sealed class GillespieReferenceTests
{
    /// <summary>Pre-training, fine-tuning with a conditional and bonuses, and a third phase like the first, so that starts add up over more than one earlier phase.</summary>
    private static readonly Phase[] ThreePhases =
    [
        Phase.Create("pre", 6),
        Phase.Create("rl", 5, conditionalBits: 6, horizonBonus: 0.3, awarenessBonus: 0.3),
        Phase.Create("post", 4),
    ];

    private static readonly Lazy<ConfigurationSpace> LazySpace = new(() => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings));

    private static readonly Lazy<ConfigurationSpace[]> LazyPhaseSpaces = new(() => [.. ThreePhases.Select(p => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings, p))]);

    /// <summary>The Tiny chain of the simulator's other tests (250 configurations), where awareness, a long horizon and deception all happen within 20 units of time.</summary>
    private static DynamicsSettings Settings => DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(4, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    private static ConfigurationSpace Space => LazySpace.Value;

    private static ConfigurationSpace[] PhaseSpaces => LazyPhaseSpaces.Value;

    [Fact]
    public void Every_trajectory_of_one_phase_is_the_one_a_direct_Gillespie_simulation_draws_from_the_same_stream()
    {
        const int trajectories = 300;
        const double tau = 20;
        const ulong seed = 424_242;

        var (result, expected, kinds) = CompareOnePhase(Space, trajectories, tau, seed);

        result.Events.Should().Be(kinds.Sum());
        foreach (var kind in Enum.GetValues<MoveKind>())
        {
            result.EventsOf(kind).Should().Be(kinds[(int)kind]);
        }

        foreach (var kind in new[] { MoveKind.World, MoveKind.Goal, MoveKind.Jump })
        {
            kinds[(int)kind].Should().BeGreaterThan(0, $"the run must make {kind} moves for their count to be checked");
        }

        for (var j = 0; j < 3; j++)
        {
            expected.Count(t => t.Passages[j] != null).Should().BeGreaterThan(10, "each passage must happen in the run for its times to be checked");
        }

        CheckSummaries(result, expected.Select(t => t.Final).ToArray(), Space, j => expected.Select(t => t.Passages[j]).ToArray(), j => expected.Select(t => t.Passages[j]).ToArray());
    }

    [Fact]
    public void A_move_out_of_a_configuration_with_more_than_8_moves_is_the_one_the_reference_picks()
    {
        // Rows longer than 8 are searched by bisection: the start of a chain with eight goals has more than 8 moves.
        var space = ConfigurationSpace.Build(WideScenario(), Settings);
        new ReferenceChain(space).RowLength(space.Start).Should().BeGreaterThan(MoveTableLinearLimit);

        var (_, _, kinds) = CompareOnePhase(space, trajectories: 200, tau: 20, seed: 5);

        kinds[(int)MoveKind.Enter].Should().BeGreaterThan(100, "most trajectories leave the start by entering one of the goals");
    }

    [Fact]
    public void Every_trajectory_through_three_phases_is_the_one_a_direct_Gillespie_simulation_carried_by_absolute_progress_draws()
    {
        const int trajectories = 200;
        const ulong seed = 77;
        var chains = PhaseSpaces.Select(s => new ReferenceChain(s)).ToArray();

        var result = new TrajectorySimulator(PhaseSpaces).SimulateTraining(trajectories, seed, maxDegreeOfParallelism: 1, keepTrajectories: true);

        var phases = ThreePhases.Length;
        var starts = new[] { 0.0, ThreePhases[0].Duration, ThreePhases[0].Duration + ThreePhases[1].Duration };
        var finals = new int[phases][];
        var sinceStart = new double?[phases][][];
        var inPhase = new double?[phases][][];
        var kinds = new long[phases][];
        for (var k = 0; k < phases; k++)
        {
            finals[k] = new int[trajectories];
            kinds[k] = new long[Enum.GetValues<MoveKind>().Length];
            sinceStart[k] = [new double?[trajectories], new double?[trajectories], new double?[trajectories]];
            inPhase[k] = [new double?[trajectories], new double?[trajectories], new double?[trajectories]];
        }

        var events = new long[phases][];
        for (var k = 0; k < phases; k++)
        {
            events[k] = new long[trajectories];
        }

        for (var i = 0; i < trajectories; i++)
        {
            var random = Xoshiro256StarStar.ForStream(seed, (ulong)i);
            var state = PhaseSpaces[0].Start;
            var passages = new double?[3];
            for (var k = 0; k < phases; k++)
            {
                if (k > 0)
                {
                    state = PhaseSpaces[k].MapIndexFrom(PhaseSpaces[k - 1], state);
                }

                var before = passages.ToArray();
                var run = chains[k].Run(ref random, state, ThreePhases[k].Duration, kinds[k], passages, starts[k]);
                state = run.Final;
                finals[k][i] = state;
                events[k][i] = run.Events;
                for (var j = 0; j < 3; j++)
                {
                    sinceStart[k][j][i] = passages[j];
                    inPhase[k][j][i] = before[j] is null && passages[j] is { } t ? t - starts[k] : null;
                }
            }
        }

        result.TrajectoryCount.Should().Be(trajectories);
        result.Seed.Should().Be(seed);
        result.Phases.Select(p => p.Phase).Should().Equal("pre", "rl", "post");
        result.Final.Should().BeSameAs(result.Phases[^1]);
        result.Events.Should().Be(kinds.Sum(k => k.Sum()));
        for (var k = 0; k < phases; k++)
        {
            var phase = result.Phases[k];
            phase.Start.Should().Be(starts[k], $"phase {k} starts when the phases before it have run");
            phase.Tau.Should().Be(ThreePhases[k].Duration);
            phase.End.Should().Be(starts[k] + ThreePhases[k].Duration);
            phase.EventsByKind.Should().Equal(kinds[k], $"phase {k} counts its own moves by kind");
            phase.Trajectories.Select(t => t.FinalIndex).Should().Equal(finals[k], $"every trajectory ends phase {k} where the reference does");
            phase.Trajectories.Select(t => t.Events).Should().Equal(events[k]);
            phase.Trajectories.Select(t => t.AwarenessTime).Should().Equal(sinceStart[k][0]);
            phase.Trajectories.Select(t => t.LongTermTime).Should().Equal(sinceStart[k][1]);
            phase.Trajectories.Select(t => t.DeceptionTime).Should().Equal(sinceStart[k][2]);
            var kk = k;
            CheckSummaries(phase, finals[k], PhaseSpaces[k], j => sinceStart[kk][j], j => inPhase[kk][j]);
        }

        // The check must see passages that happen after the first phase, and some that happened before a later one.
        inPhase[1][0].Count(t => t is not null).Should().BeGreaterThan(5);
        inPhase[2][0].Count(t => t is not null).Should().BeGreaterThan(0);
        inPhase[1][2].Count(t => t is not null).Should().BeGreaterThan(5);
    }

    [Fact]
    public void A_trajectory_of_more_than_65536_moves_runs_to_its_end_uncut()
    {
        // One trajectory over a long time: its moves run to hundreds of thousands, past the interval at which it looks at the token.
        const double tau = 3e6;
        var chain = new ReferenceChain(Space);
        var random = Xoshiro256StarStar.ForStream(3, 0);
        var reference = chain.Run(ref random, Space.Start, tau, new long[Enum.GetValues<MoveKind>().Length], new double?[3], 0);
        reference.Events.Should().BeGreaterThan(3 * 65_536);

        var result = new TrajectorySimulator(Space).Simulate(1, tau, seed: 3, keepTrajectories: true);

        result.Trajectories[0].Events.Should().Be(reference.Events);
        result.Trajectories[0].FinalIndex.Should().Be(reference.Final);
    }

    private const int MoveTableLinearLimit = 8;

    /// <summary>The Tiny scenario with five more honest goals, so that the start configuration has more than 8 moves.</summary>
    private static Scenario WideScenario()
    {
        var tiny = DynamicsTestScenarios.Tiny(dataSize: 100);
        var more = new[]
        {
            Structure.Create("stream-predictor", "", Expression.Parse("restrict(any_stream, physical)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("process-predictor", "", Expression.Parse("restrict(corpus, training_process)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("world-predictor", "", Expression.Parse("restrict(any_stream, self_model)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("physical-inductor", "", Expression.Parse("restrict(any_stream, physical)"), Expression.Parse("bayes_mixture"), OutcomeClass.AnthropicCapture, [Mechanism.Corrigible]),
            Structure.Create("self-predictor", "", Expression.Parse("restrict(corpus, self_model)"), Expression.Parse("most_likely_next"), OutcomeClass.AnthropicCapture, [Mechanism.Corrigible]),
        };
        return tiny.With(structures: [.. tiny.Structures, .. more]);
    }

    /// <summary>Simulates one phase and the reference side by side and checks every record and the counts by kind; returns both.</summary>
    private static (SimulationResult Result, List<ReferenceTrajectory> Expected, long[] Kinds) CompareOnePhase(ConfigurationSpace space, int trajectories, double tau, ulong seed)
    {
        var chain = new ReferenceChain(space);
        var result = new TrajectorySimulator(space).Simulate(trajectories, tau, seed, maxDegreeOfParallelism: 1, keepTrajectories: true);

        var kinds = new long[Enum.GetValues<MoveKind>().Length];
        var expected = new List<ReferenceTrajectory>();
        for (var i = 0; i < trajectories; i++)
        {
            var random = Xoshiro256StarStar.ForStream(seed, (ulong)i);
            expected.Add(chain.Run(ref random, space.Start, tau, kinds, new double?[3], 0));
        }

        result.Phase.Should().Be(space.Phase.Name);
        result.Start.Should().Be(0);
        result.Tau.Should().Be(tau);
        result.End.Should().Be(tau);
        result.Seed.Should().Be(seed);
        result.TrajectoryCount.Should().Be(trajectories);
        result.Trajectories.Should().HaveCount(trajectories);
        for (var i = 0; i < trajectories; i++)
        {
            var (record, reference) = (result.Trajectories[i], expected[i]);
            record.Index.Should().Be(i);
            record.FinalIndex.Should().Be(reference.Final, $"trajectory {i} ends where the reference does");
            record.Final.Should().Be(space[reference.Final]);
            record.FinalClass.Should().Be(space.ClassOf(reference.Final));
            record.Events.Should().Be(reference.Events, $"trajectory {i} makes as many moves as the reference");
            record.AwarenessTime.Should().Be(reference.Passages[0], $"trajectory {i} becomes aware when the reference does");
            record.LongTermTime.Should().Be(reference.Passages[1]);
            record.DeceptionTime.Should().Be(reference.Passages[2]);
        }

        result.EventsByKind.Should().Equal(kinds, "moves are counted by their kind");
        return (result, expected, kinds);
    }

    /// <summary>Checks a phase's summaries against the reference's final configurations and passage times (null: not reached in the window).</summary>
    private static void CheckSummaries(SimulationResult result, int[] finals, ConfigurationSpace space, Func<int, double?[]> sinceStart, Func<int, double?[]> inPhase)
    {
        var n = finals.Length;
        foreach (var c in Enum.GetValues<OutcomeClass>())
        {
            var count = finals.Count(f => space.ClassOf(f) == c);
            result.Estimate(c).Should().Be(new ProportionEstimate(count, n), $"{c} counts the trajectories that end in it");
        }

        result.UndecidedEstimate.Should().Be(new ProportionEstimate(finals.Count(f => space.ClassOf(f) is null), n));
        result.Classes.Sample!.Trials.Should().Be(n);

        var since = new[] { result.Awareness, result.LongTerm, result.Deception };
        var within = new[] { result.AwarenessInPhase, result.LongTermInPhase, result.DeceptionInPhase };
        for (var j = 0; j < 3; j++)
        {
            CheckPassage(since[j], sinceStart(j), result.End, $"passage {j} since the start of training");
            CheckPassage(within[j], inPhase(j), result.Tau, $"passage {j} within the phase");
        }
    }

    private static void CheckPassage(FirstPassage passage, double?[] times, double window, string what)
    {
        var reached = times.Where(t => t is not null).Select(t => t!.Value).Order().ToArray();
        passage.Reached.Should().Be(new ProportionEstimate(reached.Length, times.Length), what);
        if (reached.Length == 0)
        {
            double.IsNaN(passage.MeanTime).Should().BeTrue(what);
            return;
        }

        var mean = reached.Average();
        passage.MeanTime.Should().BeApproximately(mean, 1e-9 * window, what);
        var m = reached.Length;
        var median = m % 2 == 1 ? reached[m / 2] : (reached[(m / 2) - 1] + reached[m / 2]) / 2;
        passage.MedianTime.Should().BeApproximately(median, 1e-12 * window, what);
        if (m >= 2)
        {
            var error = Math.Sqrt(reached.Sum(t => (t - mean) * (t - mean)) / (m - 1) / m);
            passage.MeanTimeStandardError.Should().BeApproximately(error, 1e-9 * window, what);
            passage.MeanTimeLower.Should().BeApproximately(Math.Clamp(mean - (ProportionEstimate.Z95 * error), 0, window), 1e-9 * window, what);
            passage.MeanTimeUpper.Should().BeApproximately(Math.Clamp(mean + (ProportionEstimate.Z95 * error), 0, window), 1e-9 * window, what);
        }
    }

    /// <summary>A trajectory of the reference: where it ended, its moves, and its first passages (times since the start of training, null when not yet).</summary>
    private sealed record ReferenceTrajectory(int Final, long Events, double?[] Passages);

    /// <summary>
    /// The chain's moves read through its public members: per configuration, the moves with a positive
    /// heat-bath rate in the order the chain lists them, the exit rate, and the cumulative jump
    /// probabilities (the last taken as exactly 1).
    /// </summary>
    private sealed class ReferenceChain
    {
        private readonly ConfigurationSpace _space;
        private readonly (int Target, MoveKind Kind, double Cumulative)[][] _rows;
        private readonly double[] _exit;

        public ReferenceChain(ConfigurationSpace space)
        {
            _space = space;
            _rows = new (int, MoveKind, double)[space.Count][];
            _exit = new double[space.Count];
            for (var i = 0; i < space.Count; i++)
            {
                var from = i;
                var moves = new List<(int Target, MoveKind Kind, double Rate)>();
                space.ForEachNeighbour(i, (to, kind) =>
                {
                    var rate = space.Rate(from, to, kind);
                    if (rate > 0)
                    {
                        moves.Add((to, kind, rate));
                    }
                });
                var exit = moves.Sum(m => m.Rate);
                var cumulative = 0.0;
                var row = new (int, MoveKind, double)[moves.Count];
                for (var m = 0; m < moves.Count; m++)
                {
                    cumulative += moves[m].Rate;
                    row[m] = (moves[m].Target, moves[m].Kind, m == moves.Count - 1 ? 1.0 : Math.Min(1.0, cumulative / exit));
                }

                _rows[i] = row;
                _exit[i] = exit;
            }
        }

        public int RowLength(int index) => _rows[index].Length;

        /// <summary>
        /// Runs from <paramref name="state"/> for <paramref name="tau"/>: an exponential holding time of mean
        /// 1 / exit rate from an open uniform draw, then the first move whose cumulative probability exceeds a
        /// second uniform draw. Passages not yet in <paramref name="passages"/> are recorded at <paramref name="offset"/> plus the time into the run.
        /// </summary>
        public ReferenceTrajectory Run(ref Xoshiro256StarStar random, int state, double tau, long[] kinds, double?[] passages, double offset)
        {
            var time = 0.0;
            var events = 0L;
            Visit(state, time);
            while (_rows[state].Length > 0)
            {
                time += -Math.Log(random.NextOpenDouble()) * (1 / _exit[state]);
                if (time > tau)
                {
                    break;
                }

                var u = random.NextDouble();
                var move = _rows[state].First(m => m.Cumulative > u);
                state = move.Target;
                kinds[(int)move.Kind]++;
                events++;
                Visit(state, time);
            }

            return new ReferenceTrajectory(state, events, passages);

            void Visit(int at, double t)
            {
                var c = _space[at];
                var reached = new[] { c.Aware, c.LongTerm, c.Branch == _space.DeceptiveBranch };
                for (var j = 0; j < 3; j++)
                {
                    if (reached[j] && passages[j] is null)
                    {
                        passages[j] = offset + t;
                    }
                }
            }
        }
    }
}
