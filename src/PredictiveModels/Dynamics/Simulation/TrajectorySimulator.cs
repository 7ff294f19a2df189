using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PredictiveModels.Diagnostics;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Stochastic simulation of training as a Markov chain (Gillespie's direct method): independent
/// trajectories from <see cref="ConfigurationSpace.Start"/> up to a training time <c>tau</c>, for
/// the quantities the exact transient cannot give, first-passage times, and as a check on it.
/// <para>
/// The constructor reads every move of the chain once into flat arrays; an event then draws an
/// exponential holding time and picks a move by its cumulative probability (a scan of the row, or
/// a bisection for rows longer than 8), without allocating. Trajectory <c>i</c> draws from its own
/// xoshiro256** stream, a fixed function of the seed and <c>i</c>, and writes into its own slot;
/// the slots are combined in index order, so results are identical for any degree of parallelism
/// and on any .NET version. An instance is immutable and may be shared between threads.
/// </para>
/// </summary>
public sealed class TrajectorySimulator
{
    /// <summary>The largest number of trajectories one call may simulate: 10,000,000 (each keeps about 40 bytes until the call returns).</summary>
    public const int MaxTrajectories = 10_000_000;

    /// <summary>
    /// The largest expected work of one call, in events: the number of trajectories times
    /// <c>tau</c> times the largest exit rate, an upper bound on the expected number of moves,
    /// must not exceed 10^11 (hours of computation).
    /// </summary>
    public const double MaxExpectedEvents = 1e11;

    /// <summary>Trajectories per unit of parallel work; fixed, so that the work split never depends on threads.</summary>
    private const int ChunkSize = 64;

    private static readonly int KindCount = Enum.GetValues<MoveKind>().Length;
    private static readonly int ClassCount = Enum.GetValues<OutcomeClass>().Length;

    private readonly MoveTable _table;

    /// <summary>Reads the moves and heat-bath rates of a chain (work and memory linear in its moves).</summary>
    /// <param name="space">The chain.</param>
    public TrajectorySimulator(ConfigurationSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        _table = MoveTable.Build(space);
    }

    /// <summary>The chain simulated.</summary>
    public ConfigurationSpace Space { get; }

    /// <summary>The largest total exit rate of any configuration, per unit of training time: it bounds the expected number of moves per unit time of one trajectory.</summary>
    public double MaxExitRate => _table.MaxExitRate;

    /// <summary>Number of moves with a positive rate, over all configurations.</summary>
    public int MoveCount => _table.Moves.Length;

    /// <summary>Simulates trajectories from the start configuration up to training time <paramref name="tau"/>.</summary>
    /// <param name="trajectories">Number of trajectories, 1 to <see cref="MaxTrajectories"/>.</param>
    /// <param name="tau">Training time, in units of inverse base rate (as <see cref="DynamicsSettings.Duration"/>); finite, at least 0.</param>
    /// <param name="seed">Any 64-bit value; the same seed reproduces every draw.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most: -1 for as many as the runtime likes, else at least 1. It changes the speed, never the result.</param>
    /// <param name="keepTrajectories">True to return one <see cref="TrajectoryRecord"/> per trajectory in <see cref="SimulationResult.Trajectories"/>.</param>
    /// <param name="cancellation">Stops the simulation between chunks of 64 trajectories.</param>
    /// <exception cref="ModelException">An argument is out of range or the expected work exceeds <see cref="MaxExpectedEvents"/>; each diagnostic's path names the argument (<c>simulation.trajectories</c>, <c>simulation.tau</c>, <c>simulation.maxDegreeOfParallelism</c>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public SimulationResult Simulate(int trajectories, double tau, ulong seed, int maxDegreeOfParallelism = -1, bool keepTrajectories = false, CancellationToken cancellation = default)
    {
        Validate(trajectories, tau, maxDegreeOfParallelism);

        var finals = new int[trajectories];
        var events = new long[trajectories];
        var awareness = new double[trajectories];
        var longTerm = new double[trajectories];
        var deception = new double[trajectories];
        var chunks = (trajectories + ChunkSize - 1) / ChunkSize;
        var kindCounts = new long[chunks * KindCount];

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
        Parallel.For(0, chunks, options, chunk =>
        {
            var end = Math.Min(trajectories, (chunk + 1) * ChunkSize);
            // Counted on the stack and copied once, so that threads never write to one cache line per event.
            Span<long> counts = stackalloc long[KindCount];
            counts.Clear();
            Span<double> passages = stackalloc double[3];
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                var random = Xoshiro256StarStar.ForStream(seed, (ulong)i);
                events[i] = Run(ref random, tau, counts, passages, out finals[i]);
                awareness[i] = passages[0];
                longTerm[i] = passages[1];
                deception[i] = passages[2];
            }

            counts.CopyTo(kindCounts.AsSpan(chunk * KindCount, KindCount));
        });

        return Summarise(trajectories, tau, seed, keepTrajectories, finals, events, awareness, longTerm, deception, kindCounts);
    }

    private void Validate(int trajectories, double tau, int maxDegreeOfParallelism)
    {
        var bag = new DiagnosticBag();
        if (trajectories < 1 || trajectories > MaxTrajectories)
        {
            bag.Add(string.Create(CultureInfo.InvariantCulture, $"the number of trajectories is {trajectories}, but it must be between 1 and {MaxTrajectories:N0}"), null, "simulation.trajectories");
        }

        if (SpecificationRules.CheckNonNegative(tau, "the training time tau") is { } error)
        {
            bag.Add(error, null, "simulation.tau");
        }
        else if (trajectories >= 1 && (double)trajectories * tau * _table.MaxExitRate > MaxExpectedEvents)
        {
            bag.Add(
                string.Create(CultureInfo.InvariantCulture, $"{trajectories:N0} trajectories to training time {SpecificationRules.Format(tau)} could take up to {(double)trajectories * tau * _table.MaxExitRate:G3} moves (largest exit rate {SpecificationRules.Format(_table.MaxExitRate)}); at most {MaxExpectedEvents:G3} are allowed: shorten tau or simulate fewer trajectories"),
                null,
                "simulation.tau");
        }

        if (maxDegreeOfParallelism < 1 && maxDegreeOfParallelism != -1)
        {
            bag.Add(string.Create(CultureInfo.InvariantCulture, $"maxDegreeOfParallelism is {maxDegreeOfParallelism}, but it must be -1 (no limit) or at least 1"), null, "simulation.maxDegreeOfParallelism");
        }

        bag.ThrowIfAny();
    }

    /// <summary>
    /// One trajectory: from the start, draw the holding time, stop if it passes <paramref name="tau"/>,
    /// else pick a move. <paramref name="passages"/> receives the first times of awareness, long
    /// horizon and deception (infinity when not by tau). Returns the number of moves.
    /// </summary>
    private long Run(ref Xoshiro256StarStar random, double tau, Span<long> kindCounts, Span<double> passages, out int final)
    {
        // Every index below comes from the table itself (targets are configurations, rows lie
        // inside the move array), so the hot loop reads through references without bounds checks.
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_table.Rows);
        ref var moves = ref MemoryMarshal.GetArrayDataReference(_table.Moves);
        ref var marks = ref MemoryMarshal.GetArrayDataReference(_table.Marks);
        ref var counts = ref MemoryMarshal.GetReference(kindCounts);

        passages.Fill(double.PositiveInfinity);
        var state = Space.Start;
        var time = 0.0;
        var pending = Mark(MoveTable.AwareMark | MoveTable.LongTermMark | MoveTable.DeceptiveMark, Unsafe.Add(ref marks, state), time, passages);
        var events = 0L;
        while (true)
        {
            ref readonly var row = ref Unsafe.Add(ref rows, state);
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
            state = move.Target;
            Unsafe.Add(ref counts, move.Kind)++;
            events++;
            var mark = Unsafe.Add(ref marks, state);
            if ((mark & pending) != 0)
            {
                pending = Mark(pending, mark, time, passages);
            }
        }

        final = state;
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

    private SimulationResult Summarise(int trajectories, double tau, ulong seed, bool keepTrajectories, int[] finals, long[] events, double[] awareness, double[] longTerm, double[] deception, long[] kindCounts)
    {
        var classCounts = new int[ClassCount];
        var undecided = 0;
        foreach (var f in finals)
        {
            var k = _table.Classes[f];
            if (k == MoveTable.Undecided)
            {
                undecided++;
            }
            else
            {
                classCounts[k]++;
            }
        }

        var classes = new SimulatedClassDistribution(
            [.. classCounts.Select(c => new ProportionEstimate(c, trajectories))],
            new ProportionEstimate(undecided, trajectories));

        var byKind = new long[KindCount];
        for (var i = 0; i < kindCounts.Length; i++)
        {
            byKind[i % KindCount] += kindCounts[i];
        }

        var records = ImmutableArray<TrajectoryRecord>.Empty;
        if (keepTrajectories)
        {
            var builder = ImmutableArray.CreateBuilder<TrajectoryRecord>(trajectories);
            for (var i = 0; i < trajectories; i++)
            {
                var k = _table.Classes[finals[i]];
                builder.Add(new TrajectoryRecord(
                    i,
                    finals[i],
                    Space[finals[i]],
                    k == MoveTable.Undecided ? null : (OutcomeClass)k,
                    Reached(awareness[i]),
                    Reached(longTerm[i]),
                    Reached(deception[i]),
                    events[i]));
            }

            records = builder.MoveToImmutable();
        }

        return new SimulationResult(
            tau,
            trajectories,
            seed,
            classes,
            FirstPassage.FromTimes(awareness, tau),
            FirstPassage.FromTimes(longTerm, tau),
            FirstPassage.FromTimes(deception, tau),
            byKind.Sum(),
            [.. byKind],
            records);

        static double? Reached(double time) => double.IsPositiveInfinity(time) ? null : time;
    }
}
