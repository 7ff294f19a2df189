using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Absorption analysis: make every complete non-deceptive goal and every deceptive configuration
/// absorbing, and ask where training ends and how long it takes.
/// <para>
/// <b>Method.</b> The expected times <c>m</c> spent in the transient configurations solve the left
/// system <c>m (-Q_TT) = p0_T</c>; in the generator's inflow layout that is, for each transient
/// <c>j</c>, <c>m_j exit_j - sum_i m_i q_ij = p0_j</c> over transient sources <c>i</c>. It is solved by
/// forward block Gauss–Seidel sweeps from <c>m = 0</c> in index order. A block is the up to four
/// configurations that differ only in horizon and awareness; each is solved exactly, with the rest
/// at its latest value. Flipping a flag is often far faster than any other move, and point sweeps
/// then gain only what leaves a block between two flips (at <c>dynamics.goalResolution: 0.3</c> on
/// <c>pretraining-only.yaml</c> they would have needed about 280 sweeps; blocks need 12). Within a
/// branch the world progress varies slowest and the goal progress next, so a sweep follows
/// training's almost one-way flow and carries most of the mass to absorption in one pass; what
/// flows backwards (a goal given up, the return to "no goal yet") is picked up by the next sweep.
/// Then the probability of absorption into class <c>k</c> is <c>p0</c> on the absorbing
/// configurations of <c>k</c> plus <c>sum_a sum_i m_i q_ia</c> over them, and the mean absorption
/// time is <c>sum_i m_i</c>.
/// </para>
/// <para>
/// <b>Accuracy.</b> <c>-Q_TT</c> is a nonsingular M-matrix whenever every configuration the mass can
/// reach can reach absorption (checked first), so the sweeps converge and, starting from 0 with
/// <c>p0 &gt;= 0</c>, increase every <c>m_j</c> towards its exact value (block Gauss–Seidel is a regular
/// splitting of an M-matrix, as point Gauss–Seidel is). The residual
/// <c>r = p0_T - m (-Q_TT)</c> is then non-negative and its sum is exactly the mass not yet accounted
/// for: the class probabilities sum to <c>sum(p0) - sum(r)</c>. Each computed class probability is
/// a lower bound, short of the exact value by at most <c>||r||_1</c> in total (the absorption
/// probabilities from any configuration form a stochastic matrix), and the mean time is a lower
/// bound, short by <c>r</c> weighted with the mean absorption times from where it sits. The sweeps
/// stop when <c>||r||_1</c>, recomputed explicitly from <c>m</c>, is at most the chain's
/// <see cref="Scenarios.DynamicsSettings.Tolerance"/>. Rounding makes <c>||r||_1</c> a little uncertain near
/// unit roundoff times the expected number of moves before absorption, so tolerances close to that
/// cannot be met.
/// </para>
/// <para>
/// <b>Goal lines.</b> A long goal whose loss gain per step nearly equals its bit cost is a near-neutral random walk
/// along the goal, and the flag-block sweeps then need a number growing like the square of its length. When they cannot
/// reach the tolerance within their work bound (extrapolated from the 20th sweep on, as below), the computation carries on
/// from their <c>m</c> with line sweeps: each line, the transient configurations of one branch at one world step (every goal
/// step and flag combination, consecutive in index order), is solved exactly by block-tridiagonal elimination, which
/// removes the walk however long it is. Lines are principal blocks of the same M-matrix, so this too is a regular
/// splitting: <c>m</c> keeps rising from below, the residual stays non-negative and every bound above holds unchanged.
/// On the default scenario with a 22,000-token phase (1.56 x 10^6 configurations), where flag blocks project about 6,000
/// sweeps, the lines finish in about 40, and need no more at 1.56 x 10^7 configurations. Where the flag blocks
/// converge, nothing else runs and the result is theirs to the last bit.
/// </para>
/// <para>
/// <b>Limits.</b> The flag-block sweeps are bounded by <see cref="MaxWork"/> visits of moves and configurations, the line
/// sweeps (each counted as one visit of each, like a flag-block sweep) by <see cref="MaxWork"/> again but never to fewer
/// than 100 sweeps, since their number does not grow with the chain; so a small chain may make many more sweeps than a
/// large one. From the 20th flag-block sweep and the 10th line sweep on, the rate at which the residual falls is
/// extrapolated: when the line sweeps cannot reach the tolerance within their bound (for example when rounding stops the
/// residual above a tolerance near unit roundoff times the expected number of moves) the computation stops at once with a
/// <see cref="SolverException"/> instead of running on.
/// </para>
/// <para>
/// <b>Cost.</b> Each sweep visits every move once; a line sweep also eliminates a 4 x 4 block per goal step, and takes
/// no longer than a flag-block sweep (0.27 s against 0.33 s at 1.56 x 10^7 configurations). The moves are read from the
/// generator in place. Memory: three vectors of numbers and two of flags over the configurations, linear in their number,
/// plus 20 numbers per goal step of the longest line of each branch. After branch 0, the goal branches are swept side by
/// side on the cores; each reads only itself and branch 0, so every number is the one a sweep in index order computes,
/// whatever the number of threads (checked on every chain; otherwise the sweep runs in index order).
/// </para>
/// </summary>
public static class Absorption
{
    /// <summary>The most work the flag-block sweeps of one computation may do, and the line sweeps again (but at least 100 line sweeps), counted as visits of a move or a configuration: a sweep of either kind is counted as one visit of each (about 2.3 million on the default scenario's chain).</summary>
    public const long MaxWork = 2_000_000_000;

    /// <summary>
    /// Goal-line sweeps allowed on any chain, however large: the lines need a number of sweeps that does not grow with the
    /// chain (about 40 on the default scenario with a 22,000-token phase from 1.56 x 10^6 to 1.56 x 10^7 configurations),
    /// while <see cref="MaxWork"/> alone would allow only 10 at 1.56 x 10^7.
    /// </summary>
    private const int MinLineSweeps = 100;

    /// <summary>Goal-line sweeps made before the rate at which the residual falls is extrapolated.</summary>
    private const int LineSweepsBeforeExtrapolating = 10;

    /// <summary>Which block Gauss–Seidel sweeps a computation may make.</summary>
    internal enum SweepMethod
    {
        /// <summary>Flag-block sweeps, then goal-line sweeps if those cannot reach the tolerance.</summary>
        Both,

        /// <summary>Flag-block sweeps only (the method before goal lines).</summary>
        FlagBlocks,

        /// <summary>Goal-line sweeps only, from the first sweep.</summary>
        GoalLines,
    }

    /// <summary>How far the entries of a starting distribution may sum away from 1.</summary>
    private const double SumSlack = 1e-6;

    /// <summary>Whether a configuration absorbs: a complete goal on a non-deceptive branch, or the deceptive branch.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="index">0 to <see cref="ConfigurationSpace.Count"/> - 1.</param>
    public static bool IsAbsorbing(ConfigurationSpace space, int index)
    {
        ArgumentNullException.ThrowIfNull(space);
        var c = space[index];
        return c.Branch != 0 && (c.Branch == space.DeceptiveBranch || c.Goal == space.Branches[c.Branch].Steps);
    }

    /// <summary>Computes absorption probabilities by class and the mean absorption time, from the start configuration or a given distribution.</summary>
    /// <param name="space">The chain; its <see cref="Scenarios.DynamicsSettings.Tolerance"/> (1e-15 to 1e-2) bounds the residual <see cref="AbsorptionResult.Residual"/>.</param>
    /// <param name="initial">The distribution at time 0: one entry per configuration, each finite and at least 0, summing to 1 within 1e-6; null for all mass on <see cref="ConfigurationSpace.Start"/>.</param>
    /// <param name="cancellation">Stops the computation between sweeps.</param>
    /// <returns>The probabilities, the mean time and their accuracy, as described in the class remarks.</returns>
    /// <exception cref="ArgumentException"><paramref name="initial"/> has the wrong length.</exception>
    /// <exception cref="ModelException">
    /// <paramref name="initial"/> is not a distribution, or mass can reach a configuration from which no absorbing one can be
    /// reached.
    /// </exception>
    /// <exception cref="SolverException">The residual cannot be brought within the tolerance within the work bounds of the flag-block and goal-line sweeps (see <see cref="MaxWork"/>).</exception>
    public static AbsorptionResult Compute(ConfigurationSpace space, double[]? initial = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        TransientInputs.CheckInitial(space, initial);
        return Compute(space, space.BuildGenerator(), initial, cancellation);
    }

    /// <summary>The method on a generator already built for <paramref name="space"/>.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="generator">Its generator.</param>
    /// <param name="initial">As in the public overload.</param>
    /// <param name="cancellation">Stops the computation between sweeps.</param>
    /// <param name="method">Which sweeps may be used: both (the default), or one kind only (tests compare them).</param>
    /// <param name="sideBySide">Whether independent goal branches may be swept on several cores (the default); false sweeps in index order (tests compare them).</param>
    internal static AbsorptionResult Compute(ConfigurationSpace space, Generator generator, double[]? initial, CancellationToken cancellation, SweepMethod method = SweepMethod.Both, bool sideBySide = true)
    {
        var n = space.Count;
        CheckDistribution(initial);
        var p0 = initial ?? new double[n];
        if (initial is null)
        {
            p0[space.Start] = 1;
        }

        var absorbing = AbsorbingConfigurations(space);
        var system = TransientSystem.Build(space, generator, absorbing, sideBySide);
        var open = system.CheckAbsorbable(p0, i => Describe(space, i));
        var tolerance = space.Settings.Tolerance;
        var m = new double[n];
        var start = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (!absorbing[j])
            {
                start += p0[j];
            }
        }

        // Flag-block sweeps first (cheap, and enough unless a goal is a near-neutral walk); when they cannot reach the
        // tolerance within their share of the work, goal-line sweeps carry on from where they stopped.
        var visits = (long)n + system.Moves;
        var maxSweeps = method == SweepMethod.GoalLines ? 0 : (int)Math.Min(int.MaxValue - 1, Math.Max(20, MaxWork / visits));
        var maxLineSweeps = method == SweepMethod.FlagBlocks ? 0 : (int)Math.Min(int.MaxValue - 1, Math.Max(MinLineSweeps, MaxWork / visits));
        var history = new List<double> { start };
        var residual = start;
        var sweeps = 0;
        var lineSweeps = 0;
        GoalLines? lines = null;
        while (residual > tolerance)
        {
            if (lines is null && sweeps == maxSweeps)
            {
                lines = SwitchToLines(space, system, maxLineSweeps, tolerance, sweeps, residual, "the sweep limit was reached");
            }
            else if (lines is not null && lineSweeps == maxLineSweeps)
            {
                throw NotConverging(tolerance, sweeps, lineSweeps, residual, "the sweep limit was reached");
            }

            cancellation.ThrowIfCancellationRequested();
            if (lines is null)
            {
                system.Sweep(p0, m, open);
            }
            else
            {
                system.LineSweep(p0, m, open, lines);
                lineSweeps++;
            }

            sweeps++;

            // The residual's sum is the mass not yet absorbed: the transient part of p0 less what m sends into absorbing configurations.
            var estimate = start - system.AbsorbedFrom(m);
            residual = estimate <= tolerance ? system.ResidualNorm(p0, m, open) : estimate;
            history.Add(residual);
            var made = lines is null ? sweeps : lineSweeps;
            if (residual > tolerance && made >= (lines is null ? 20 : LineSweepsBeforeExtrapolating))
            {
                var ratio = Math.Pow(residual / history[^11], 0.1);
                string? reason = null;
                if (!(ratio < 1))
                {
                    reason = "the residual has stopped falling";
                }
                else
                {
                    var projected = made + (Math.Log(tolerance / residual) / Math.Log(ratio));
                    var limit = lines is null ? maxSweeps : maxLineSweeps;
                    if (projected > limit)
                    {
                        reason = string.Create(CultureInfo.InvariantCulture, $"at its present rate it would need about {projected:G3} {(lines is null ? "flag-block" : "goal-line")} sweeps, more than the {limit:N0} this chain's size allows");
                    }
                }

                if (reason is not null)
                {
                    if (lines is not null)
                    {
                        throw NotConverging(tolerance, sweeps, lineSweeps, residual, reason);
                    }

                    lines = SwitchToLines(space, system, maxLineSweeps, tolerance, sweeps, residual, reason);
                }
            }
        }

        // Branch by branch in index order, so that each class adds its configurations in the same order as one pass would.
        var classes = new double[Enum.GetValues<OutcomeClass>().Length];
        for (var b = 0; b < space.Branches.Length; b++)
        {
            if (space.Branches[b].Class is not { } kind)
            {
                continue;
            }

            for (var a = space.BranchStart(b); a < space.BranchStart(b + 1); a++)
            {
                if (absorbing[a])
                {
                    classes[(int)kind] += p0[a] + system.InflowFromTransient(generator, a, m);
                }
            }
        }

        var meanTime = m.Sum();
        if (!double.IsFinite(meanTime) || classes.Any(c => !double.IsFinite(c)))
        {
            throw new ModelException(
                "the absorption times overflow: some configuration the mass can reach is left at a rate too small to represent; raise dynamics.rates or lower the energy differences of the scenario",
                null,
                "dynamics.rates");
        }

        var total = classes.Sum();
        return new AbsorptionResult(OutcomeDistribution.FromProbabilities(classes, Math.Max(0, 1 - total)), meanTime, Math.Abs(1 - total), residual, sweeps);
    }

    /// <summary>Whether the goal branches of a chain are swept side by side (see <c>TransientSystem</c>): every move into a goal branch comes from that branch or from branch 0.</summary>
    internal static bool SweepsSideBySide(ConfigurationSpace space, Generator generator) =>
        TransientSystem.Build(space, generator, AbsorbingConfigurations(space), sideBySide: true).SideBySide;

    /// <summary>
    /// Which configurations absorb (<see cref="IsAbsorbing"/>), from the layout branch by branch rather than by decoding
    /// every index: the whole deceptive branch, and on a goal branch the configurations whose goal is complete.
    /// </summary>
    internal static bool[] AbsorbingConfigurations(ConfigurationSpace space)
    {
        var absorbing = new bool[space.Count];
        for (var b = 1; b < space.Branches.Length; b++)
        {
            var from = space.BranchStart(b);
            var to = space.BranchStart(b + 1);
            if (b == space.DeceptiveBranch)
            {
                absorbing.AsSpan(from, to - from).Fill(true);
                continue;
            }

            // A goal branch holds four configurations (the flags) per goal step 0 to G_b, world step after world step.
            var steps = space.Branches[b].Steps;
            for (var line = from; line < to; line += 4 * (steps + 1))
            {
                absorbing.AsSpan(line + (4 * steps), 4).Fill(true);
            }
        }

        return absorbing;
    }

    private static void CheckDistribution(double[]? initial)
    {
        if (initial is null)
        {
            return;
        }

        var sum = 0.0;
        for (var i = 0; i < initial.Length; i++)
        {
            if (!double.IsFinite(initial[i]) || initial[i] < 0)
            {
                throw new ModelException(
                    string.Create(CultureInfo.InvariantCulture, $"the starting distribution of the absorption analysis has {initial[i]} at configuration {i}; every entry must be a probability, finite and at least 0"),
                    null,
                    "dynamics");
            }

            sum += initial[i];
        }

        if (Math.Abs(sum - 1) > SumSlack)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the starting distribution of the absorption analysis sums to {sum:R}; it must sum to 1 (within {SumSlack:G})"),
                null,
                "dynamics");
        }
    }

    /// <summary>The goal lines, once the flag-block sweeps have given up; refuses at once when line sweeps are not allowed.</summary>
    private static GoalLines SwitchToLines(ConfigurationSpace space, TransientSystem system, int maxLineSweeps, double tolerance, int sweeps, double residual, string reason) =>
        maxLineSweeps > 0 ? GoalLines.Build(space, system) : throw NotConverging(tolerance, sweeps, 0, residual, reason);

    private static SolverException NotConverging(double tolerance, int sweeps, int lineSweeps, double residual, string reason) =>
        new(
            "absorption",
            string.Create(CultureInfo.InvariantCulture, $"the absorption analysis cannot bring the unabsorbed mass within tolerance {SpecificationRules.Format(tolerance)}: after {sweeps:N0} block Gauss–Seidel sweeps ({lineSweeps:N0} of them over whole goal lines) it is {residual:G3} and {reason}. This happens when a long goal is learned as a near-neutral random walk (its loss gain per step close to its bit cost)"),
            [new("sweeps", sweeps), new("lineSweeps", lineSweeps), new("residual", residual), new("tolerance", tolerance)],
            "raise dynamics.goalResolution (fewer, coarser goal steps) or dynamics.tolerance",
            "dynamics.tolerance");

    private static string Describe(ConfigurationSpace space, int index)
    {
        var c = space[index];
        return c.Branch == space.DeceptiveBranch
            ? string.Create(CultureInfo.InvariantCulture, $"world step {c.World}, deceptive with a proxy of {c.Goal} steps of '{space.Branches[c.Origin].Label}' ({(c.Defection ? "defection" : "race")})")
            : string.Create(CultureInfo.InvariantCulture, $"world step {c.World}, goal '{space.Branches[c.Branch].Label}' at step {c.Goal}, {(c.LongTerm ? "long-term" : "myopic")}, {(c.Aware ? "aware" : "unaware")}");
    }

    /// <summary>
    /// The transient part of the generator, read in place from the generator's inflow layout (no copy: at 1.56 x 10^7
    /// configurations a copy cost about 1 GB and 1.7 s), with each configuration's rate into absorbing ones, and the
    /// parts in which its sweeps may run side by side.
    /// <para>
    /// <b>Moves it leaves out without looking.</b> The transient system has the moves between transient configurations
    /// with a rate above 0. A sweep adds <c>m_i q_ij</c> over every move into <c>j</c> instead, because the others add
    /// exactly nothing: <c>m</c> is 0 on every absorbing and idle configuration (no sweep writes it there), and a rate of
    /// 0 adds 0. Within a flag block or a goal line, a source is never absorbing (absorption depends on the goal step
    /// only, and the complete step is not part of a line).
    /// </para>
    /// <para>
    /// <b>Parts.</b> The configurations of a branch are consecutive in index order, "no goal yet" (branch 0) first. A move
    /// between two goal branches goes through branch 0 or the deceptive branch, which absorbs. So once branch 0 has been
    /// swept, a goal branch's sweep reads only its own times and branch 0's, and the goal branches can be swept on
    /// different cores with every number read exactly as a sweep in index order reads it: the result does not change by a
    /// bit, whatever the number of threads. <see cref="Build"/> checks this on every move and sweeps in index order
    /// otherwise.
    /// </para>
    /// </summary>
    private sealed class TransientSystem
    {
        private readonly int[] _rowStart;
        private readonly int[] _sources;
        private readonly double[] _rates;
        private readonly double[] _exit;
        private readonly double[] _absorbRate;
        private readonly bool[] _absorbing;

        /// <summary>The non-deceptive branches and their index ranges, in index order; the first is branch 0.</summary>
        private readonly (int Branch, int Start, int End)[] _parts;

        private TransientSystem(Generator generator, double[] absorbRate, bool[] absorbing, (int Branch, int Start, int End)[] parts, bool independent, long moves)
        {
            _rowStart = generator.RowStart;
            _sources = generator.Sources;
            _rates = generator.Rates;
            _exit = generator.Exit;
            _absorbRate = absorbRate;
            _absorbing = absorbing;
            _parts = parts;
            SideBySide = independent;
            Moves = moves;
        }

        /// <summary>Moves between transient configurations with a rate above 0.</summary>
        public long Moves { get; }

        /// <summary>Whether the goal branches are swept side by side: the parts after the first read only themselves and the first (see the class remarks).</summary>
        public bool SideBySide { get; }

        /// <summary>The non-deceptive branches and their index ranges, in index order.</summary>
        public IReadOnlyList<(int Branch, int Start, int End)> Parts => _parts;

        public static TransientSystem Build(ConfigurationSpace space, Generator generator, bool[] absorbing, bool sideBySide)
        {
            var n = generator.Count;
            var rowStart = generator.RowStart;
            var sources = generator.Sources;
            var rates = generator.Rates;

            // Each source's rate into absorbing configurations, added in index order of the absorbing ones.
            var absorbRate = new double[n];
            for (var j = 0; j < n; j++)
            {
                if (!absorbing[j])
                {
                    continue;
                }

                for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                {
                    var i = sources[e];
                    if (!absorbing[i] && rates[e] > 0)
                    {
                        absorbRate[i] += rates[e];
                    }
                }
            }

            var parts = Enumerable.Range(0, space.Branches.Length)
                .Where(b => b != space.DeceptiveBranch)
                .Select(b => (Branch: b, Start: space.BranchStart(b), End: space.BranchStart(b + 1)))
                .ToArray();

            // Count the transient moves, and check that each goal branch reads only itself and branch 0.
            var leadEnd = parts.Length == 0 ? 0 : parts[0].End;
            var moves = new long[parts.Length];
            var confined = new bool[parts.Length];
            Parallel.For(0, parts.Length, p =>
            {
                var (_, from, to) = parts[p];
                var count = 0L;
                var ok = true;
                for (var j = from; j < to; j++)
                {
                    if (absorbing[j])
                    {
                        continue;
                    }

                    for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                    {
                        var i = sources[e];
                        if (!absorbing[i] && rates[e] > 0)
                        {
                            count++;
                            ok &= (i >= from && i < to) || i < leadEnd;
                        }
                    }
                }

                moves[p] = count;
                confined[p] = ok;
            });

            // Branch 0 is swept alone and first, so it may read any part.
            var independent = sideBySide && parts.Length > 2 && parts[0].Start == 0 && confined.Skip(1).All(c => c);
            return new TransientSystem(generator, absorbRate, absorbing, parts, independent, moves.Sum());
        }

        /// <summary>
        /// Checks that every configuration the mass can reach can reach absorption, and returns the open configurations:
        /// those neither absorbing nor able to reach a trap (which the mass then never visits: their times stay 0).
        /// </summary>
        public bool[] CheckAbsorbable(double[] p0, Func<int, string> describe)
        {
            var n = _exit.Length;

            // Backwards from the absorbing configurations along moves of positive rate: who can get there.
            var live = new bool[n];
            var queue = new Queue<int>();
            for (var i = 0; i < n; i++)
            {
                if (!_absorbing[i] && _absorbRate[i] > 0)
                {
                    live[i] = true;
                    queue.Enqueue(i);
                }
            }

            Spread(live, queue);
            var idle = new bool[n];
            var any = false;
            for (var i = 0; i < n; i++)
            {
                if (!_absorbing[i] && !live[i])
                {
                    idle[i] = true;
                    queue.Enqueue(i);
                    any = true;
                }
            }

            if (any)
            {
                // Backwards from the traps: who can fall into one. The mass must start on none of them.
                Spread(idle, queue);
                for (var i = 0; i < n; i++)
                {
                    if (idle[i] && p0[i] > 0)
                    {
                        var trap = Enumerable.Range(0, n).First(t => !_absorbing[t] && !live[t]);
                        throw new ModelException(
                            $"the absorption analysis has no finite answer: probability can reach configurations from which no complete goal and no deception can be reached (for example {describe(trap)}), because the moves out of them have rates too small to represent",
                            null,
                            "dynamics");
                    }
                }
            }

            // The live array becomes the open one: live and not idle (absorbing configurations are never live).
            for (var i = 0; i < n; i++)
            {
                live[i] &= !idle[i];
            }

            return live;
        }

        /// <summary>
        /// One forward block Gauss–Seidel sweep. In index order, each block (the open configurations that differ only in
        /// their horizon and awareness: four consecutive indices on a non-deceptive branch) is solved exactly with
        /// everything outside it at its latest value; a configuration alone in its block is updated as
        /// <c>m_j = (p0_j + sum_i m_i q_ij) / exit_j</c>. Branch 0 first, then the goal branches side by side when they are
        /// independent (see the class remarks).
        /// </summary>
        public void Sweep(double[] p0, double[] m, bool[] open) =>
            ForEachPart(p => SweepPart(p0, m, open, _parts[p].Start, _parts[p].End));

        /// <summary>
        /// One forward line Gauss–Seidel sweep. In index order, each goal line (the transient configurations of one
        /// branch at one world step, every goal step and every horizon and awareness) is solved exactly with everything
        /// outside it at its latest value. Within a line the system is block tridiagonal in the goal step, with 4 x 4
        /// blocks over the flags (a goal move keeps the flags, a flag move keeps the goal), and is solved by block
        /// elimination without pivoting: the line's matrix is a principal submatrix of the M-matrix <c>-Q_TT</c>, so
        /// its Schur complements are nonsingular M-matrices too and every pivot stays positive. A source inside the line
        /// but outside that band (none in today's chains) is treated as outside the line, which keeps the splitting
        /// regular. Configurations that are not open keep time 0. Parts as in <see cref="Sweep"/>.
        /// </summary>
        public void LineSweep(double[] p0, double[] m, bool[] open, GoalLines lines) =>
            ForEachPart(p =>
            {
                var (coupling, solution) = lines.Scratch(p);
                foreach (var (first, length) in lines.Of(p))
                {
                    SolveLine(p0, m, open, first, length, coupling, solution);
                }
            });

        /// <summary>Runs <paramref name="sweep"/> on part 0, then on the others: side by side when they are independent, else in index order.</summary>
        private void ForEachPart(Action<int> sweep)
        {
            if (_parts.Length == 0)
            {
                return;
            }

            sweep(0);
            if (SideBySide)
            {
                // The largest parts start first; which thread sweeps a part changes nothing in it.
                var order = Enumerable.Range(1, _parts.Length - 1).OrderByDescending(p => _parts[p].End - _parts[p].Start).ToArray();
                Parallel.ForEach(order, sweep);
                return;
            }

            for (var p = 1; p < _parts.Length; p++)
            {
                sweep(p);
            }
        }

        private void SweepPart(double[] p0, double[] m, bool[] open, int from, int to)
        {
            var rowStart = _rowStart;
            var sources = _sources;
            var rates = _rates;
            var exit = _exit;
            Span<double> matrix = stackalloc double[BlockSize * BlockSize];
            Span<double> right = stackalloc double[BlockSize];
            Span<int> members = stackalloc int[BlockSize];
            Span<int> column = stackalloc int[BlockSize];
            for (var block = from; block < to; block += BlockSize)
            {
                // members: the block's open configurations in index order; column: each index's place among them, or -1.
                var size = 0;
                for (var r = 0; r < BlockSize; r++)
                {
                    column[r] = open[block + r] ? size : -1;
                    if (open[block + r])
                    {
                        members[size++] = block + r;
                    }
                }

                if (size == 0)
                {
                    continue;
                }

                if (size == 1)
                {
                    var j = members[0];
                    var inflow = p0[j];
                    for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                    {
                        inflow += m[sources[e]] * rates[e];
                    }

                    m[j] = inflow / exit[j];
                    continue;
                }

                // Row r of the block: exit_k m_k - sum over members i of q_ik m_i = p0_k + inflow from outside the block.
                matrix[..(size * size)].Clear();
                for (var r = 0; r < size; r++)
                {
                    var k = members[r];
                    matrix[(r * size) + r] = exit[k];
                    var inflow = p0[k];
                    for (var e = rowStart[k]; e < rowStart[k + 1]; e++)
                    {
                        var i = sources[e];
                        var offset = (uint)(i - block);
                        var c = offset < BlockSize ? column[(int)offset] : -1;
                        if (c >= 0)
                        {
                            matrix[(r * size) + c] -= rates[e];
                        }
                        else
                        {
                            inflow += m[i] * rates[e];
                        }
                    }

                    right[r] = inflow;
                }

                SolveBlock(matrix[..(size * size)], right[..size], size);
                for (var r = 0; r < size; r++)
                {
                    m[members[r]] = right[r];
                }
            }
        }

        /// <summary>Solves one goal line of <see cref="LineSweep"/> from its first configuration and its number of goal steps, with the given scratch.</summary>
        private void SolveLine(double[] p0, double[] m, bool[] open, int first, int length, double[] coupling, double[] solution)
        {
            var rowStart = _rowStart;
            var sources = _sources;
            var rates = _rates;
            var exit = _exit;
            Span<double> pivot = stackalloc double[16];
            Span<double> below = stackalloc double[4];
            Span<double> above = stackalloc double[4];
            Span<double> right = stackalloc double[4];
            var end = first + (4 * length);
            var w = coupling.AsSpan(0, 16 * length);
            var z = solution.AsSpan(0, 4 * length);
            for (var g = 0; g < length; g++)
            {
                // Row r of step g: exit_k m_k - sum over in-line sources i of q_ik m_i = p0_k + inflow from outside the line.
                pivot.Clear();
                for (var r = 0; r < 4; r++)
                {
                    var k = first + (4 * g) + r;
                    if (!open[k])
                    {
                        pivot[(r * 4) + r] = 1;
                        below[r] = 0;
                        above[r] = 0;
                        right[r] = 0;
                        continue;
                    }

                    pivot[(r * 4) + r] = exit[k];
                    var inflow = p0[k];
                    var lower = 0.0;
                    var upper = 0.0;
                    var blockStart = first + (4 * g);
                    for (var e = rowStart[k]; e < rowStart[k + 1]; e++)
                    {
                        var i = sources[e];
                        if (i >= blockStart && i < blockStart + 4)
                        {
                            pivot[(r * 4) + (i - blockStart)] -= rates[e];
                        }
                        else if (i == k - 4 && i >= first)
                        {
                            lower -= rates[e];
                        }
                        else if (i == k + 4 && i < end)
                        {
                            upper -= rates[e];
                        }
                        else
                        {
                            inflow += m[i] * rates[e];
                        }
                    }

                    below[r] = lower;
                    above[r] = upper;
                    right[r] = inflow;
                }

                // Eliminate the previous step: pivot -= diag(below) W_{g-1}, right -= diag(below) z_{g-1}.
                if (g > 0)
                {
                    var wp = w.Slice((g - 1) * 16, 16);
                    var zp = z.Slice((g - 1) * 4, 4);
                    for (var r = 0; r < 4; r++)
                    {
                        if (below[r] == 0)
                        {
                            continue;
                        }

                        for (var c = 0; c < 4; c++)
                        {
                            pivot[(r * 4) + c] -= below[r] * wp[(r * 4) + c];
                        }

                        right[r] -= below[r] * zp[r];
                    }
                }

                // W_g = pivot^-1 diag(above) and z_g = pivot^-1 right, by elimination without pivoting.
                var wg = w.Slice(g * 16, 16);
                var zg = z.Slice(g * 4, 4);
                wg.Clear();
                for (var r = 0; r < 4; r++)
                {
                    wg[(r * 4) + r] = above[r];
                    zg[r] = right[r];
                }

                SolveFour(pivot, wg, zg);
            }

            // Back substitution: x_g = z_g - W_g x_{g+1}, written straight into m.
            for (var g = length - 1; g >= 0; g--)
            {
                var wg = w.Slice(g * 16, 16);
                var zg = z.Slice(g * 4, 4);
                for (var r = 0; r < 4; r++)
                {
                    var x = zg[r];
                    if (g < length - 1)
                    {
                        var next = first + (4 * (g + 1));
                        for (var c = 0; c < 4; c++)
                        {
                            x -= wg[(r * 4) + c] * m[next + c];
                        }
                    }

                    var k = first + (4 * g) + r;
                    m[k] = open[k] ? x : m[k];
                }
            }
        }

        /// <summary>Solves <c>P X = [B | b]</c> for a 4 x 4 M-matrix <c>P</c> (overwritten) and four plus one right-hand sides, in place.</summary>
        private static void SolveFour(Span<double> p, Span<double> b, Span<double> v)
        {
            for (var q = 0; q < 4; q++)
            {
                var d = p[(q * 4) + q];
                for (var r = q + 1; r < 4; r++)
                {
                    var f = p[(r * 4) + q] / d;
                    if (f == 0)
                    {
                        continue;
                    }

                    for (var c = q; c < 4; c++)
                    {
                        p[(r * 4) + c] -= f * p[(q * 4) + c];
                    }

                    for (var c = 0; c < 4; c++)
                    {
                        b[(r * 4) + c] -= f * b[(q * 4) + c];
                    }

                    v[r] -= f * v[q];
                }
            }

            for (var r = 3; r >= 0; r--)
            {
                var d = p[(r * 4) + r];
                for (var c = r + 1; c < 4; c++)
                {
                    var f = p[(r * 4) + c];
                    if (f == 0)
                    {
                        continue;
                    }

                    for (var col = 0; col < 4; col++)
                    {
                        b[(r * 4) + col] -= f * b[(c * 4) + col];
                    }

                    v[r] -= f * v[c];
                }

                for (var col = 0; col < 4; col++)
                {
                    b[(r * 4) + col] /= d;
                }

                v[r] /= d;
            }
        }

        /// <summary><c>sum_i m_i</c> times the rate from <c>i</c> into absorbing configurations.</summary>
        public double AbsorbedFrom(double[] m)
        {
            var absorbRate = _absorbRate;
            var sum = 0.0;
            for (var i = 0; i < m.Length; i++)
            {
                sum += m[i] * absorbRate[i];
            }

            return sum;
        }

        /// <summary><c>||p0_T - m (-Q_TT)||_1</c>, computed entry by entry.</summary>
        public double ResidualNorm(double[] p0, double[] m, bool[] open)
        {
            var norm = 0.0;
            for (var j = 0; j < _exit.Length; j++)
            {
                if (!open[j])
                {
                    continue;
                }

                var r = p0[j] - (m[j] * _exit[j]);
                for (var e = _rowStart[j]; e < _rowStart[j + 1]; e++)
                {
                    r += m[_sources[e]] * _rates[e];
                }

                norm += Math.Abs(r);
            }

            return norm;
        }

        /// <summary><c>sum_i m_i q_ia</c> over the transient sources of an absorbing configuration.</summary>
        public double InflowFromTransient(Generator generator, int a, double[] m)
        {
            var sum = 0.0;
            for (var e = generator.RowStart[a]; e < generator.RowStart[a + 1]; e++)
            {
                var i = generator.Sources[e];
                if (!_absorbing[i])
                {
                    sum += m[i] * generator.Rates[e];
                }
            }

            return sum;
        }

        /// <summary>Marks every transient configuration that reaches one in the queue along transient moves of positive rate.</summary>
        private void Spread(bool[] reached, Queue<int> queue)
        {
            while (queue.Count > 0)
            {
                var j = queue.Dequeue();
                for (var e = _rowStart[j]; e < _rowStart[j + 1]; e++)
                {
                    var i = _sources[e];
                    if (!reached[i] && !_absorbing[i] && _rates[e] > 0)
                    {
                        reached[i] = true;
                        queue.Enqueue(i);
                    }
                }
            }
        }

        /// <summary>The most configurations in one flag block: the four combinations of horizon and awareness.</summary>
        private const int BlockSize = 4;

        /// <summary>
        /// Solves <c>A x = b</c> in place (<paramref name="right"/> becomes <c>x</c>) by Gaussian elimination without
        /// pivoting: <c>A</c> is a nonsingular M-matrix (a principal block of <c>-Q_TT</c>), whose pivots stay positive.
        /// </summary>
        private static void SolveBlock(Span<double> matrix, Span<double> right, int size)
        {
            for (var p = 0; p < size; p++)
            {
                var pivot = matrix[(p * size) + p];
                for (var r = p + 1; r < size; r++)
                {
                    var factor = matrix[(r * size) + p] / pivot;
                    if (factor == 0)
                    {
                        continue;
                    }

                    for (var col = p; col < size; col++)
                    {
                        matrix[(r * size) + col] -= factor * matrix[(p * size) + col];
                    }

                    right[r] -= factor * right[p];
                }
            }

            for (var r = size - 1; r >= 0; r--)
            {
                var sum = right[r];
                for (var col = r + 1; col < size; col++)
                {
                    sum -= matrix[(r * size) + col] * right[col];
                }

                right[r] = sum / matrix[(r * size) + r];
            }
        }
    }

    /// <summary>
    /// The lines of line Gauss–Seidel: for each non-deceptive branch and world step, its transient configurations, which
    /// are consecutive in index order (goal step by goal step, four flag combinations each). A near-neutral goal is a
    /// random walk along such a line; solving the line exactly removes the walk, whose slow mode makes block sweeps need
    /// a number growing like the square of its length. Lines are grouped by the parts of <see cref="TransientSystem"/>
    /// (one per branch), each with the scratch of its elimination, so that parts can be swept side by side.
    /// </summary>
    private sealed class GoalLines
    {
        private readonly (int First, int Length)[][] _lines;
        private readonly (double[] Coupling, double[] Solution)[] _scratch;

        private GoalLines((int First, int Length)[][] lines)
        {
            _lines = lines;
            _scratch = [.. lines.Select(part =>
            {
                var longest = part.Length == 0 ? 0 : part.Max(l => l.Length);
                return (new double[16 * longest], new double[4 * longest]);
            })];
        }

        /// <summary>The lines of a chain, part by part of <paramref name="system"/>, each part's in index order.</summary>
        public static GoalLines Build(ConfigurationSpace space, TransientSystem system)
        {
            var lines = new (int First, int Length)[system.Parts.Count][];
            for (var p = 0; p < lines.Length; p++)
            {
                var b = system.Parts[p].Branch;

                // "No goal yet" has goal step 0 only, never absorbing; on a goal branch the last step is complete and absorbs.
                var steps = b == 0 ? space.Branches[b].Steps + 1 : space.Branches[b].Steps;
                lines[p] = steps <= 0
                    ? []
                    : [.. Enumerable.Range(0, space.World.Steps + 1).Select(w => (space.IndexOf(new Configuration(w, b, 0, false, false)), steps))];
            }

            return new GoalLines(lines);
        }

        /// <summary>The lines of part <paramref name="part"/>, in index order: each line's first configuration (goal step 0, myopic, unaware) and its goal steps (it holds four times as many configurations).</summary>
        public (int First, int Length)[] Of(int part) => _lines[part];

        /// <summary>The elimination's scratch for part <paramref name="part"/>: 16 coupling entries and 4 right-hand sides per goal step of its longest line.</summary>
        public (double[] Coupling, double[] Solution) Scratch(int part) => _scratch[part];
    }
}
