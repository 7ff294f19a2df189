using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The sparsity pattern of a chain's generator: for each configuration <c>j</c>, the sources <c>i</c> of the moves
/// into it and, for each such move, a <em>rate slot</em> that names its base rate <c>rho</c> without holding it.
/// <para>
/// Which moves exist depends only on the chain's layout (world steps, each branch's goal length and unlock step, where
/// awareness and the objective become possible, and whether oversight resets); the rates depend on the energies and the
/// settings. So one pattern serves every phase, lever and sweep point with the same layout, and making a generator
/// from it (<see cref="Fill"/>) costs one pass over the non-zeros: one power of two per move, no search, no allocation
/// but the rates. The base rates a slot names are the same doubles <see cref="ConfigurationSpace.BaseRate"/> gives, and
/// each row's moves come in the order <see cref="ConfigurationSpace.ForEachNeighbour"/> visits them, so a filled
/// generator equals, bit for bit, one assembled move by move.
/// </para>
/// <para>
/// Memory: 4 bytes per configuration for the row starts and 8 per non-zero (source and slot), about 44 bytes per
/// configuration on the default chain (5 non-zeros each); a filled generator adds 8 per non-zero and 8 per configuration.
/// </para>
/// </summary>
internal sealed class GeneratorPattern
{
    /// <summary>The slot of oversight's reset: its rate is the phase's detection rate whatever the energies.</summary>
    internal const int ResetSlot = MoveSlots.Reset;

    /// <summary>Rows per unit of parallel work: large enough that scheduling costs nothing next to the row work.</summary>
    private const int RowsPerChunk = 1 << 15;

    private readonly int[] _key;

    private GeneratorPattern(int[] key, int[] rowStart, int[] sources, int[] slots, int slotCount)
    {
        _key = key;
        RowStart = rowStart;
        Sources = sources;
        Slots = slots;
        SlotCount = slotCount;
    }

    /// <summary>Number of configurations (rows).</summary>
    public int Count => RowStart.Length - 1;

    /// <summary>Number of off-diagonal non-zeros.</summary>
    public int NonZeros => Sources.Length;

    /// <summary>Where each row's moves start in <see cref="Sources"/> and <see cref="Slots"/>; one more entry than rows.</summary>
    public int[] RowStart { get; }

    /// <summary>For each move into a row, the configuration it comes from.</summary>
    public int[] Sources { get; }

    /// <summary>For each move into a row, the slot of its base rate (see <see cref="RateTable"/>).</summary>
    public int[] Slots { get; }

    /// <summary>Number of rate slots.</summary>
    public int SlotCount { get; }

    /// <summary>Bytes this pattern holds, about.</summary>
    public long Bytes => (4L * RowStart.Length) + (8L * Sources.Length);

    /// <summary>Whether this pattern is the pattern of <paramref name="space"/>'s chain (same layout).</summary>
    public bool Fits(ConfigurationSpace space) => _key.AsSpan().SequenceEqual(KeyOf(space));

    /// <summary>Builds the pattern of a space's chain, rows in parallel (the result does not depend on the number of threads).</summary>
    public static GeneratorPattern Build(ConfigurationSpace space, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        var slots = space.Slots;
        var count = space.Count;
        var rowStart = new int[count + 1];
        var chunks = (count + RowsPerChunk - 1) / RowsPerChunk;
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, chunks, options, k =>
        {
            var end = Math.Min(count, (k + 1) * RowsPerChunk);
            for (var j = k * RowsPerChunk; j < end; j++)
            {
                var counter = default(Counter);
                Row(space, j, ref counter);
                rowStart[j + 1] = counter.Count;
            }
        });

        long total = 0;
        for (var j = 0; j < count; j++)
        {
            total += rowStart[j + 1];
            if (total > Array.MaxLength)
            {
                throw new InvalidOperationException($"The chain has more than {Array.MaxLength:N0} moves; the size checks should have refused it.");
            }

            rowStart[j + 1] = (int)total;
        }

        var sources = new int[total];
        var slotOf = new int[total];
        Parallel.For(0, chunks, options, k =>
        {
            var end = Math.Min(count, (k + 1) * RowsPerChunk);
            var writer = new Writer(sources, slotOf, rowStart[k * RowsPerChunk]);
            for (var j = k * RowsPerChunk; j < end; j++)
            {
                Row(space, j, ref writer);
            }
        });

        return new GeneratorPattern(KeyOf(space), rowStart, sources, slotOf, slots.Count);
    }

    /// <summary>
    /// The generator of <paramref name="space"/>: each move's heat-bath rate <c>rho / (1 + 2^((E_j - E_i) / T))</c> from
    /// the space's energies, and each configuration's exit rate, rows in parallel.
    /// </summary>
    /// <exception cref="ArgumentException">The space has another layout.</exception>
    public Generator Fill(ConfigurationSpace space, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!Fits(space))
        {
            throw new ArgumentException("The space has another layout than this pattern.", nameof(space));
        }

        var table = RateTable(space);
        var energy = space.Energies;
        var temperature = space.Settings.Temperature;
        var detection = space.Phase.OversightDetectionRate;
        var count = Count;
        var rates = new double[NonZeros];
        var exit = new double[count];
        var rowStart = RowStart;
        var sources = Sources;
        var slots = Slots;

        // A reset leaves its source for the reset target, whose row holds it first; the source's exit rate starts with it,
        // as when the generator is assembled move by move.
        if (detection > 0)
        {
            for (var w = 0; w <= space.World.Steps; w++)
            {
                var target = space.IndexOf(new Configuration(w, 0, 0, false, false));
                for (var e = rowStart[target]; e < rowStart[target + 1] && slots[e] == ResetSlot; e++)
                {
                    exit[sources[e]] = detection;
                }
            }
        }

        var chunks = (count + RowsPerChunk - 1) / RowsPerChunk;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellation }, k =>
        {
            var end = Math.Min(count, (k + 1) * RowsPerChunk);
            for (var j = k * RowsPerChunk; j < end; j++)
            {
                var sum = exit[j];
                var ej = energy[j];
                for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                {
                    var slot = slots[e];
                    if (slot == ResetSlot)
                    {
                        rates[e] = detection;
                        continue;
                    }

                    // Every other move has its reverse, so j's neighbours are also the sources of moves into j. With
                    // x = 2^((E_j - E_i) / T), the rate i -> j is rho / (1 + x) and j -> i is rho x / (1 + x).
                    var rho = table[slot];
                    var x = double.Exp2((ej - energy[sources[e]]) / temperature);
                    rates[e] = rho / (1 + x);
                    sum += double.IsPositiveInfinity(x) ? rho : rho * x / (1 + x);
                }

                exit[j] = sum;
            }
        });

        return new Generator(rowStart, sources, rates, exit);
    }

    /// <summary>The base rate of each slot for a space: the same doubles as <see cref="ConfigurationSpace.BaseRate"/>.</summary>
    internal static double[] RateTable(ConfigurationSpace space)
    {
        var layout = space.Slots;
        var settings = space.Settings;
        var table = new double[layout.Count];
        table[ResetSlot] = space.Phase.OversightDetectionRate;
        for (var w = 0; w < space.World.Steps; w++)
        {
            table[layout.World + w] = settings.Rate(MoveKind.World) / space.World.Width(w);
        }

        table[layout.Enter] = settings.Rate(MoveKind.Enter);
        table[layout.Horizon] = settings.Rate(MoveKind.Horizon);
        table[layout.Awareness] = settings.Rate(MoveKind.Awareness);
        table[layout.Jump] = settings.Rate(MoveKind.Jump);
        for (var b = 1; b < space.Branches.Length; b++)
        {
            if (b == space.DeceptiveBranch)
            {
                continue;
            }

            var bits = space.Branches[b].Bits;
            for (var upper = 1; upper <= space.Branches[b].Steps; upper++)
            {
                var step = space.EnergyModel.Learned(upper, bits) - space.EnergyModel.Learned(upper - 1, bits);
                table[layout.GoalStart[b] + upper - 1] = settings.Rate(MoveKind.Goal) / Math.Max(step, settings.GoalResolution / 2);
            }
        }

        return table;
    }

    /// <summary>What decides a chain's moves: world steps, where awareness and the objective unlock, the deceptive branch, resets, and each branch's goal length and unlock step.</summary>
    private static int[] KeyOf(ConfigurationSpace space)
    {
        var key = new int[5 + (2 * space.Branches.Length)];
        key[0] = space.World.Steps;
        key[1] = space.AwareAt;
        key[2] = space.ObjectiveAt;
        key[3] = space.DeceptiveBranch;
        key[4] = space.Phase.OversightDetectionRate > 0 ? 1 : 0;
        for (var b = 0; b < space.Branches.Length; b++)
        {
            key[5 + (2 * b)] = space.Branches[b].Steps;
            key[6 + (2 * b)] = space.Branches[b].GoalUnlockedAt;
        }

        return key;
    }

    /// <summary>
    /// The moves into configuration <paramref name="j"/>, in the order <see cref="ConfigurationSpace.ForEachNeighbour"/>
    /// visits them (after the resets into it, when it is a reset target): the generator's row <c>j</c>.
    /// </summary>
    private static void Row<TSink>(ConfigurationSpace s, int j, ref TSink sink)
        where TSink : struct, IEdgeSink
    {
        var c = s[j];
        var deceptive = s.DeceptiveBranch;
        if (c is { Branch: 0, LongTerm: false, Aware: false } && s.Phase.OversightDetectionRate > 0)
        {
            // Every long-term, aware configuration at this world step resets here, in increasing index.
            for (var b = 0; b < s.Branches.Length; b++)
            {
                if (b == deceptive)
                {
                    var first = s.FirstDeceptiveAt(c.World);
                    for (var k = 0; k < s.DeceptivePerWorld; k++)
                    {
                        sink.Add(first + k, ResetSlot);
                    }
                }
                else
                {
                    for (var g = 0; g <= s.Branches[b].Steps; g++)
                    {
                        sink.Add(s.IndexOf(new Configuration(c.World, b, g, true, true)), ResetSlot);
                    }
                }
            }
        }

        var moves = new Moves<TSink>(sink);
        s.VisitMoves(c, ref moves);
        sink = moves.Sink;
    }

    private interface IEdgeSink
    {
        void Add(int source, int slot);
    }

    private struct Counter : IEdgeSink
    {
        public int Count;

        public void Add(int source, int slot) => Count++;
    }

    /// <summary>Passes each move's target (a source of this row, since every move has its reverse) and slot on.</summary>
    private struct Moves<TSink>(TSink sink) : ConfigurationSpace.IMoveSink
        where TSink : struct, IEdgeSink
    {
        public TSink Sink = sink;

        public void Move(int target, MoveKind kind, int slot) => Sink.Add(target, slot);
    }

    private struct Writer(int[] sources, int[] slots, int at) : IEdgeSink
    {
        private int _at = at;

        public void Add(int source, int slot)
        {
            sources[_at] = source;
            slots[_at] = slot;
            _at++;
        }
    }
}
