using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Stochastic simulation of training as a Markov chain (Gillespie's direct method): independent
/// trajectories from <see cref="ConfigurationSpace.Start"/> through one or more phases, for the
/// quantities the exact transient cannot give, first-passage times, and as a check on it.
/// <para>
/// The constructor reads every move of each phase's chain once into flat arrays (one table per
/// phase); an event then draws an exponential holding time and picks a move by its cumulative
/// probability (a scan of the row, or a bisection for rows longer than 8), without allocating. At
/// the end of a phase a trajectory is carried into the next phase's chain by
/// <see cref="ConfigurationSpace.MapIndexFrom"/>, the rule that carries the exact distribution, and
/// continues under that phase's rates; the holding time it was in is redrawn, which is exact because
/// holding times are memoryless. Trajectory <c>i</c> draws from its own xoshiro256** stream, a fixed
/// function of the seed and <c>i</c>, through every phase, and writes into its own slots; the slots
/// are combined in index order, so results are identical for any degree of parallelism and on any
/// .NET version. An instance is immutable and may be shared between threads.
/// </para>
/// </summary>
public sealed class TrajectorySimulator
{
    /// <summary>The largest number of trajectories one call may simulate: 10,000,000 (each keeps 36 bytes plus 4 per phase until the call returns, more when records are asked for).</summary>
    public const int MaxTrajectories = 10_000_000;

    /// <summary>
    /// The largest expected work of one call, in events: the number of trajectories times the sum,
    /// over the phases simulated, of the phase's duration times its largest exit rate (an upper bound
    /// on the expected number of moves) must not exceed 10^11 (hours of computation).
    /// </summary>
    public const double MaxExpectedEvents = 1e11;

    /// <summary>Trajectories per unit of parallel work; fixed, so that the work split never depends on threads.</summary>
    private const int ChunkSize = 64;

    /// <summary>Moves between two looks at the cancellation token inside one trajectory (a power of two).</summary>
    private const long CancellationInterval = 1 << 16;

    /// <summary>The passages recorded, in the order of their slots: awareness, long horizon, deception.</summary>
    private const int PassageCount = 3;

    private static readonly int KindCount = Enum.GetValues<MoveKind>().Length;
    private static readonly int ClassCount = Enum.GetValues<OutcomeClass>().Length;

    private readonly MoveTable[] _tables;

    /// <summary>Reads the moves and heat-bath rates of one chain (work and memory linear in its moves).</summary>
    /// <param name="space">The chain.</param>
    public TrajectorySimulator(ConfigurationSpace space)
        : this([space ?? throw new ArgumentNullException(nameof(space))])
    {
    }

    /// <summary>Reads the moves and heat-bath rates of every phase's chain (work and memory linear in their moves: one table per phase).</summary>
    /// <param name="phases">Each phase's chain, in training order (as <see cref="ConfigurationSpace.Build"/> makes them for the scenario's phases), at least one; each simulated phase lasts its <see cref="Phase.Duration"/>.</param>
    /// <exception cref="ArgumentException">There is no phase, or a phase's chain belongs to another scenario or world resolution than the one before.</exception>
    public TrajectorySimulator(IReadOnlyList<ConfigurationSpace> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            throw new ArgumentException("At least one phase is needed.", nameof(phases));
        }

        for (var k = 0; k < phases.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(phases[k], nameof(phases));
            if (k > 0)
            {
                phases[k].CheckCarriedFrom(phases[k - 1]);
            }
        }

        Spaces = [.. phases];
        _tables = [.. phases.Select(MoveTable.Build)];
    }

    /// <summary>The first phase's chain: the one <see cref="Simulate"/> runs.</summary>
    public ConfigurationSpace Space => Spaces[0];

    /// <summary>Every phase's chain, in training order; at least one.</summary>
    public ImmutableArray<ConfigurationSpace> Spaces { get; }

    /// <summary>The largest total exit rate of any configuration of any phase, per unit of training time: it bounds the expected number of moves per unit time of one trajectory.</summary>
    public double MaxExitRate => _tables.Max(t => t.MaxExitRate);

    /// <summary>Number of moves with a positive rate, over all configurations of all phases.</summary>
    public long MoveCount => _tables.Sum(t => (long)t.Moves.Length);

    /// <summary>
    /// An upper bound on the expected number of moves of <see cref="SimulateTraining"/>: the number of
    /// trajectories times the sum over phases of the phase's duration times its largest exit rate.
    /// The call refuses to start when it exceeds <see cref="MaxExpectedEvents"/>.
    /// </summary>
    /// <param name="trajectories">Number of trajectories, at least 0.</param>
    public double ExpectedEventsBound(int trajectories)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trajectories);
        var perTrajectory = 0.0;
        for (var k = 0; k < _tables.Length; k++)
        {
            perTrajectory += Spaces[k].Phase.Duration * _tables[k].MaxExitRate;
        }

        return trajectories * perTrajectory;
    }

    /// <summary>Simulates trajectories of the first phase's chain alone, from the start configuration up to training time <paramref name="tau"/>.</summary>
    /// <param name="trajectories">Number of trajectories, 1 to <see cref="MaxTrajectories"/>.</param>
    /// <param name="tau">Training time, in units of inverse base rate (as <see cref="DynamicsSettings.Duration"/>); finite, at least 0.</param>
    /// <param name="seed">Any 64-bit value; the same seed reproduces every draw.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most: -1 for as many as the runtime likes, else at least 1. It changes the speed, never the result.</param>
    /// <param name="keepTrajectories">True to return one <see cref="TrajectoryRecord"/> per trajectory in <see cref="SimulationResult.Trajectories"/>.</param>
    /// <param name="cancellation">Stops the simulation within 65,536 moves of any trajectory.</param>
    /// <returns>The first phase's result, with <see cref="SimulationResult.Start"/> 0 and <see cref="SimulationResult.Tau"/> <paramref name="tau"/>.</returns>
    /// <exception cref="ModelException">An argument is out of range or the expected work exceeds <see cref="MaxExpectedEvents"/>; each diagnostic's path names the argument (<c>simulation.trajectories</c>, <c>simulation.tau</c>, <c>simulation.maxDegreeOfParallelism</c>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public SimulationResult Simulate(int trajectories, double tau, ulong seed, int maxDegreeOfParallelism = -1, bool keepTrajectories = false, CancellationToken cancellation = default)
    {
        var bag = Validate(trajectories, maxDegreeOfParallelism);
        if (SpecificationRules.CheckNonNegative(tau, "the training time tau") is { } error)
        {
            bag.Add(error, null, "simulation.tau");
        }
        else if (trajectories >= 1 && (double)trajectories * tau * _tables[0].MaxExitRate > MaxExpectedEvents)
        {
            bag.Add(
                string.Create(CultureInfo.InvariantCulture, $"{trajectories:N0} trajectories to training time {SpecificationRules.Format(tau)} could take up to {(double)trajectories * tau * _tables[0].MaxExitRate:G3} moves (largest exit rate {SpecificationRules.Format(_tables[0].MaxExitRate)}); at most {MaxExpectedEvents:G3} are allowed: shorten tau or simulate fewer trajectories"),
                null,
                "simulation.tau");
        }

        bag.ThrowIfAny();
        return Run(trajectories, [tau], seed, maxDegreeOfParallelism, keepTrajectories, null, cancellation)[0];
    }

    /// <summary>
    /// Simulates trajectories through every phase: each starts the first phase at the start
    /// configuration, and each later phase where it ended the one before (carried by absolute progress),
    /// for the phase's <see cref="Phase.Duration"/>.
    /// </summary>
    /// <param name="trajectories">Number of trajectories, 1 to <see cref="MaxTrajectories"/>.</param>
    /// <param name="seed">Any 64-bit value; the same seed reproduces every draw. Trajectory <c>i</c> draws the same numbers in its first phase as <see cref="Simulate"/> with the first phase's duration.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most: -1 for as many as the runtime likes, else at least 1. It changes the speed, never the result.</param>
    /// <param name="keepTrajectories">True to return, per phase, one <see cref="TrajectoryRecord"/> per trajectory.</param>
    /// <param name="progress">Receives the fraction of trajectories finished (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the simulation within 65,536 moves of any trajectory.</param>
    /// <exception cref="ModelException">An argument is out of range, or <see cref="ExpectedEventsBound"/> exceeds <see cref="MaxExpectedEvents"/> (path <c>simulation.trajectories</c>), checked before any trajectory starts.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public TrainingSimulationResult SimulateTraining(int trajectories, ulong seed, int maxDegreeOfParallelism = -1, bool keepTrajectories = false, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var bag = Validate(trajectories, maxDegreeOfParallelism);
        if (trajectories >= 1 && ExpectedEventsBound(trajectories) > MaxExpectedEvents)
        {
            var affordable = (long)Math.Floor(MaxExpectedEvents / ExpectedEventsBound(1));
            var phases = string.Join(", ", Spaces.Select((s, k) => string.Create(CultureInfo.InvariantCulture, $"'{s.Phase.Name}' duration {SpecificationRules.Format(s.Phase.Duration)} x largest exit rate {SpecificationRules.Format(_tables[k].MaxExitRate)}")));
            bag.Add(
                string.Create(CultureInfo.InvariantCulture, $"{trajectories:N0} trajectories through {Spaces.Length} phase(s) ({phases}) could take up to {ExpectedEventsBound(trajectories):G3} moves; at most {MaxExpectedEvents:G3} are allowed: simulate at most {affordable:N0} trajectories"),
                null,
                "simulation.trajectories");
        }

        bag.ThrowIfAny();
        var durations = Spaces.Select(s => s.Phase.Duration).ToArray();
        return new TrainingSimulationResult(trajectories, seed, Run(trajectories, durations, seed, maxDegreeOfParallelism, keepTrajectories, progress, cancellation));
    }

    private static DiagnosticBag Validate(int trajectories, int maxDegreeOfParallelism)
    {
        var bag = new DiagnosticBag();
        if (trajectories < 1 || trajectories > MaxTrajectories)
        {
            bag.Add(string.Create(CultureInfo.InvariantCulture, $"the number of trajectories is {trajectories}, but it must be between 1 and {MaxTrajectories:N0}"), null, "simulation.trajectories");
        }

        if (maxDegreeOfParallelism < 1 && maxDegreeOfParallelism != -1)
        {
            bag.Add(string.Create(CultureInfo.InvariantCulture, $"maxDegreeOfParallelism is {maxDegreeOfParallelism}, but it must be -1 (no limit) or at least 1"), null, "simulation.maxDegreeOfParallelism");
        }

        return bag;
    }

    /// <summary>
    /// Runs every trajectory through the first <paramref name="durations"/>.Length phases and
    /// summarises each phase. Per trajectory it keeps each phase's final configuration, and for each
    /// passage the phase it happened in and the time into that phase.
    /// </summary>
    private ImmutableArray<SimulationResult> Run(int trajectories, double[] durations, ulong seed, int maxDegreeOfParallelism, bool keepTrajectories, IProgress<double>? progress, CancellationToken cancellation)
    {
        var phases = durations.Length;
        var finals = new int[phases][];
        var events = new long[phases][];
        for (var k = 0; k < phases; k++)
        {
            finals[k] = new int[trajectories];
            events[k] = keepTrajectories ? new long[trajectories] : [];
        }

        // Slot PassageCount * i + j holds passage j of trajectory i: the time into its phase, and the phase (-1: never).
        var passageTimes = new double[PassageCount * trajectories];
        var passagePhases = new int[PassageCount * trajectories];
        var chunks = (trajectories + ChunkSize - 1) / ChunkSize;
        var kindCounts = new long[phases * chunks * KindCount];
        var finished = 0L;

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
        Parallel.For(0, chunks, options, chunk =>
        {
            var end = Math.Min(trajectories, (chunk + 1) * ChunkSize);
            // Counted locally and copied once, so that threads never write to one cache line per event
            // (on the stack unless a scenario has hundreds of phases).
            Span<long> counts = phases * KindCount <= 1024 ? stackalloc long[phases * KindCount] : new long[phases * KindCount];
            counts.Clear();
            Span<double> passages = stackalloc double[PassageCount];
            Span<int> passagePhase = stackalloc int[PassageCount];
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return;
                }

                var random = Xoshiro256StarStar.ForStream(seed, (ulong)i);
                passages.Fill(double.PositiveInfinity);
                passagePhase.Fill(-1);
                var pending = MoveTable.AwareMark | MoveTable.LongTermMark | MoveTable.DeceptiveMark;
                var state = Spaces[0].Start;
                for (var k = 0; k < phases; k++)
                {
                    if (k > 0)
                    {
                        state = Spaces[k].Carry(Spaces[k - 1], state);
                    }

                    var before = pending;
                    var moves = Run(_tables[k], ref random, ref state, ref pending, durations[k], counts.Slice(k * KindCount, KindCount), passages, cancellation);
                    finals[k][i] = state;
                    if (keepTrajectories)
                    {
                        events[k][i] = moves;
                    }

                    // Passage j is marked by bit j (AwareMark, LongTermMark, DeceptiveMark): the ones this phase completed happened in it.
                    for (var j = 0; j < PassageCount; j++)
                    {
                        if ((before & ~pending & (1 << j)) != 0)
                        {
                            passagePhase[j] = k;
                        }
                    }
                }

                passages.CopyTo(passageTimes.AsSpan(PassageCount * i, PassageCount));
                passagePhase.CopyTo(passagePhases.AsSpan(PassageCount * i, PassageCount));
            }

            for (var k = 0; k < phases; k++)
            {
                counts.Slice(k * KindCount, KindCount).CopyTo(kindCounts.AsSpan(((k * chunks) + chunk) * KindCount, KindCount));
            }

            if (progress is not null)
            {
                progress.Report((double)Interlocked.Add(ref finished, end - (chunk * ChunkSize)) / trajectories);
            }
        });

        // A chunk that saw the signal stopped early; its slots are incomplete, so no result may be built from them.
        cancellation.ThrowIfCancellationRequested();

        // Phase k starts at the sum of the durations before it, added in order.
        var starts = new double[phases];
        for (var k = 1; k < phases; k++)
        {
            starts[k] = starts[k - 1] + durations[k - 1];
        }

        var results = ImmutableArray.CreateBuilder<SimulationResult>(phases);
        for (var k = 0; k < phases; k++)
        {
            results.Add(Summarise(k, starts, durations[k], trajectories, seed, keepTrajectories, finals[k], events[k], passageTimes, passagePhases, kindCounts.AsSpan(k * chunks * KindCount, chunks * KindCount)));
        }

        return results.MoveToImmutable();
    }

    /// <summary>
    /// One trajectory through one phase: from <paramref name="state"/>, draw the holding time, stop
    /// if it passes <paramref name="tau"/>, else pick a move; <paramref name="state"/> receives where it
    /// ended. <paramref name="passages"/> receives the times into the phase of the passages in
    /// <paramref name="pending"/> that happen (the state it starts in counts, at time 0), and
    /// <paramref name="pending"/> loses them. Returns the number of moves.
    /// </summary>
    private static long Run(MoveTable table, ref Xoshiro256StarStar random, ref int state, ref int pending, double tau, Span<long> kindCounts, Span<double> passages, CancellationToken cancellation)
    {
        // Every index below comes from the table itself (targets are configurations, rows lie
        // inside the move array), so the hot loop reads through references without bounds checks.
        ref var rows = ref MemoryMarshal.GetArrayDataReference(table.Rows);
        ref var moves = ref MemoryMarshal.GetArrayDataReference(table.Moves);
        ref var marks = ref MemoryMarshal.GetArrayDataReference(table.Marks);
        ref var counts = ref MemoryMarshal.GetReference(kindCounts);

        var time = 0.0;
        var current = state;
        var waiting = pending;
        if ((Unsafe.Add(ref marks, current) & waiting) != 0)
        {
            waiting = Mark(waiting, Unsafe.Add(ref marks, current), time, passages);
        }

        var events = 0L;
        while (true)
        {
            ref readonly var row = ref Unsafe.Add(ref rows, current);
            if (row.Count == 0)
            {
                break;
            }

            // The holding time is exponential with the exit rate; U in (0, 1) keeps it finite and positive.
            time -= Math.Log(random.NextOpenDouble()) * row.MeanHoldingTime;
            if (time > tau)
            {
                break;
            }

            var u = random.NextDouble();
            int k;
            if (row.Count <= MoveTable.LinearSearchLimit)
            {
                // The last cumulative probability is exactly 1 > u, so the scan stops inside the row.
                k = row.First;
                while (Unsafe.Add(ref moves, k).CumulativeProbability <= u)
                {
                    k++;
                }
            }
            else
            {
                k = Bisect(ref moves, row.First, row.First + row.Count - 1, u);
            }

            ref readonly var move = ref Unsafe.Add(ref moves, k);
            current = move.Target;
            Unsafe.Add(ref counts, move.Kind)++;
            events++;
            var mark = Unsafe.Add(ref marks, current);
            if ((mark & waiting) != 0)
            {
                waiting = Mark(waiting, mark, time, passages);
            }

            // A long trajectory looks at the token now and then; the caller discards a stopped one.
            if ((events & (CancellationInterval - 1)) == 0 && cancellation.IsCancellationRequested)
            {
                break;
            }
        }

        state = current;
        pending = waiting;
        return events;
    }

    /// <summary>The first index in [lo, hi] whose cumulative probability exceeds u (hi's is 1, so one does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bisect(ref MoveTable.Move moves, int lo, int hi, double u)
    {
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Unsafe.Add(ref moves, mid).CumulativeProbability <= u)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Records the passages that <paramref name="marks"/> completes at <paramref name="time"/>; returns the ones still pending.</summary>
    private static int Mark(int pending, byte marks, double time, Span<double> passages)
    {
        var hit = pending & marks;
        if ((hit & MoveTable.AwareMark) != 0)
        {
            passages[0] = time;
        }

        if ((hit & MoveTable.LongTermMark) != 0)
        {
            passages[1] = time;
        }

        if ((hit & MoveTable.DeceptiveMark) != 0)
        {
            passages[2] = time;
        }

        return pending & ~hit;
    }

    /// <summary>
    /// Summarises phase <paramref name="phase"/>: the classes it ended in, and each passage both since the
    /// start of training (phases up to this one, times shifted by their starts) and within this phase
    /// (first passages that happened in it, times from its start).
    /// </summary>
    private SimulationResult Summarise(int phase, double[] starts, double tau, int trajectories, ulong seed, bool keepTrajectories, int[] finals, long[] events, double[] passageTimes, int[] passagePhases, ReadOnlySpan<long> kindCounts)
    {
        var table = _tables[phase];
        var classCounts = new int[ClassCount];
        var undecided = 0;
        foreach (var f in finals)
        {
            var k = table.Classes[f];
            if (k == MoveTable.Undecided)
            {
                undecided++;
            }
            else
            {
                classCounts[k]++;
            }
        }

        var classes = OutcomeDistribution.FromCounts(classCounts, undecided);

        var byKind = new long[KindCount];
        for (var i = 0; i < kindCounts.Length; i++)
        {
            byKind[i % KindCount] += kindCounts[i];
        }

        // Since the start of training: every passage of this phase or an earlier one, at its cumulative time.
        // Within the phase: the passages of this phase alone, at their time into it.
        var end = starts[phase] + tau;
        var sinceStart = new FirstPassage[PassageCount];
        var inPhase = new FirstPassage[PassageCount];
        var times = new double[trajectories];
        var since = new double[trajectories];
        for (var j = 0; j < PassageCount; j++)
        {
            for (var i = 0; i < trajectories; i++)
            {
                var at = passagePhases[(PassageCount * i) + j];
                var time = passageTimes[(PassageCount * i) + j];
                times[i] = at == phase ? time : double.PositiveInfinity;
                since[i] = at >= 0 && at <= phase ? starts[at] + time : double.PositiveInfinity;
            }

            inPhase[j] = FirstPassage.FromTimes(times, tau);
            sinceStart[j] = FirstPassage.FromTimes(since, end);
        }

        var records = ImmutableArray<TrajectoryRecord>.Empty;
        if (keepTrajectories)
        {
            var builder = ImmutableArray.CreateBuilder<TrajectoryRecord>(trajectories);
            var space = Spaces[phase];
            for (var i = 0; i < trajectories; i++)
            {
                var k = table.Classes[finals[i]];
                builder.Add(new TrajectoryRecord(
                    i,
                    finals[i],
                    space[finals[i]],
                    k == MoveTable.Undecided ? null : (OutcomeClass)k,
                    Reached(i, 0),
                    Reached(i, 1),
                    Reached(i, 2),
                    events[i]));
            }

            records = builder.MoveToImmutable();
        }

        return new SimulationResult(
            Spaces[phase].Phase.Name,
            starts[phase],
            tau,
            trajectories,
            seed,
            classes,
            [.. sinceStart],
            [.. inPhase],
            byKind.Sum(),
            [.. byKind],
            records);

        double? Reached(int i, int j)
        {
            var at = passagePhases[(PassageCount * i) + j];
            return at >= 0 && at <= phase ? starts[at] + passageTimes[(PassageCount * i) + j] : null;
        }
    }
}
