using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// What a hole costs in one cost mode, recomputed from the head bits of the symbols (pointer: selection bits; inlined:
/// a concept's intrinsic bits) without building a world model: the cheapest filling's bits (<c>Kmin</c>) and
/// <c>max(0, -log2)</c> of the bounded class mass (<c>Kclass</c>) of each type a hole has. Only the types a hole can
/// reach through the grammar are computed (a type's masses depend on no other), and the arithmetic is that of
/// <see cref="InsideTable"/> and <see cref="ExpressionCoster"/>, operation for operation, so the costs are the same
/// doubles. Immutable; the numbers live in a <see cref="Scratch"/>.
/// </summary>
internal sealed class HoleCostTable
{
    private static readonly ModelType[] Types = Enum.GetValues<ModelType>();

    private readonly int[][] _alternatives;        // [type] symbol indices, the world model's order
    private readonly int[][] _parameters;          // [symbol] parameter types
    private readonly int[] _closure;               // types a hole reaches, in enum order
    private readonly int[] _closureSymbols;        // the alternatives of those types
    private readonly Group[][] _groups;            // [type] pooled alternatives, by key (empty outside the closure)
    private readonly int[][] _keyParameters;       // the distinct signatures of the closure's groups
    private readonly double _literalZeroCode;

    /// <param name="world">The world model whose grammar is used.</param>
    /// <param name="symbolIndex">The index of each symbol in the head-bits vector.</param>
    /// <param name="holeTypes">The types of the holes measured in this mode.</param>
    /// <param name="sizeBound">The size bound of class masses, in nodes.</param>
    public HoleCostTable(WorldModel world, IReadOnlyDictionary<string, int> symbolIndex, IEnumerable<ModelType> holeTypes, int sizeBound)
    {
        SizeBound = sizeBound;
        HoleTypes = [.. holeTypes.Distinct().Order()];
        _alternatives = [.. Types.Select(t => world.Alternatives(t).Select(s => symbolIndex[s.Name]).ToArray())];
        _parameters = new int[symbolIndex.Count][];
        foreach (var symbol in world.Symbols)
        {
            _parameters[symbolIndex[symbol.Name]] = [.. symbol.ParameterTypes.Select(p => (int)p)];
        }

        var reached = new bool[Types.Length];
        var pending = new Stack<int>(HoleTypes.Select(t => (int)t));
        while (pending.TryPop(out var t))
        {
            if (reached[t])
            {
                continue;
            }

            reached[t] = true;
            foreach (var s in _alternatives[t])
            {
                foreach (var p in _parameters[s])
                {
                    pending.Push(p);
                }
            }
        }

        _closure = [.. Enumerable.Range(0, Types.Length).Where(t => reached[t])];
        _closureSymbols = [.. _closure.SelectMany(t => _alternatives[t])];

        // Pooled as InsideTable.BuildGroups pools them: by parameter types, keys in ordinal order, members in the
        // world model's order and the literal production last.
        var keys = new List<(string Key, int[] Parameters)>();
        _groups = new Group[Types.Length][];
        for (var t = 0; t < Types.Length; t++)
        {
            if (!reached[t])
            {
                _groups[t] = [];
                continue;
            }

            var pooled = new Dictionary<string, (int[] Parameters, List<int> Members, bool Literal)>(StringComparer.Ordinal);
            foreach (var symbol in world.Alternatives(Types[t]))
            {
                var key = string.Join(",", symbol.ParameterTypes);
                if (!pooled.TryGetValue(key, out var entry))
                {
                    entry = ([.. symbol.ParameterTypes.Select(p => (int)p)], [], false);
                    pooled[key] = entry;
                }

                entry.Members.Add(symbolIndex[symbol.Name]);
            }

            if (Types[t] == ModelType.Nat)
            {
                pooled[string.Empty] = pooled.TryGetValue(string.Empty, out var entry) ? entry with { Literal = true } : ([], [], true);
            }

            _groups[t] = [.. pooled
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p =>
                {
                    var keyIndex = keys.FindIndex(k => k.Key == p.Key);
                    if (keyIndex < 0)
                    {
                        keyIndex = keys.Count;
                        keys.Add((p.Key, p.Value.Parameters));
                    }

                    return new Group(keyIndex, p.Value.Parameters.Length, [.. p.Value.Members], p.Value.Literal);
                })];
        }

        _keyParameters = [.. keys.Select(k => k.Parameters)];
        _literalZeroCode = EliasDelta.NaturalLength(0);
    }

    /// <summary>The types of the holes measured in this mode, in enum order.</summary>
    public ModelType[] HoleTypes { get; }

    /// <summary>The size bound of class masses, in nodes.</summary>
    public int SizeBound { get; }

    /// <summary>Scratch for one thread.</summary>
    public Scratch CreateScratch() => new(this);

    /// <summary>
    /// Recomputes the hole costs if a head bit of the reachable grammar (or the literal's selection) changed since the
    /// last call; false when a hole cannot be costed (no finite filling, a cheapest filling above the size bound),
    /// where <see cref="DescriptionLengths.Measure"/> throws.
    /// </summary>
    /// <param name="scratch">This table's scratch.</param>
    /// <param name="headBits">Head bits by symbol index, in bits.</param>
    /// <param name="literalSelectionBits">The bits of selecting the literal production where a Nat is expected.</param>
    public bool Update(Scratch scratch, ReadOnlySpan<double> headBits, double literalSelectionBits)
    {
        if (scratch.Computed && !Changed(scratch, headBits, literalSelectionBits))
        {
            return scratch.Valid;
        }

        foreach (var s in _closureSymbols)
        {
            scratch.Heads[s] = headBits[s];
        }

        scratch.LiteralSelectionBits = literalSelectionBits;
        scratch.Computed = true;
        scratch.Recomputations++;
        FillInside(scratch);
        Cheapest(scratch);
        scratch.Valid = true;
        foreach (var type in HoleTypes)
        {
            var t = (int)type;
            scratch.Log2Bounded[t] = Log2Math.Sum(scratch.Inside[t].AsSpan(1));
            if (double.IsPositiveInfinity(scratch.CheapestBits[t]) || scratch.CheapestSize[t] > SizeBound)
            {
                scratch.Valid = false;
                return false;
            }
        }

        Array.Fill(scratch.FillingState, 0);
        foreach (var type in HoleTypes)
        {
            if (double.IsNaN(FillingBits(scratch, (int)type)))
            {
                scratch.Valid = false;
                return false;
            }
        }

        return true;
    }

    /// <summary><c>Kmin</c> of a hole of <paramref name="type"/>: the bits of the breakdown of its cheapest filling.</summary>
    public static double MinCost(Scratch scratch, ModelType type) => scratch.Filling[(int)type];

    /// <summary><c>Kclass</c> of a hole of <paramref name="type"/>, as <see cref="ExpressionCoster"/> charges it: <c>max(0, -log2 bounded mass)</c>.</summary>
    public static double ClassCost(Scratch scratch, ModelType type) => Math.Max(0.0, -scratch.Log2Bounded[(int)type]);

    /// <summary>The counting measure's class cost of a hole of <paramref name="type"/>: <c>-log2</c> of the bounded mass, unclamped (a count may exceed 1).</summary>
    public static double CountingClassCost(Scratch scratch, ModelType type) => -scratch.Log2Bounded[(int)type];

    private bool Changed(Scratch scratch, ReadOnlySpan<double> headBits, double literalSelectionBits)
    {
        if (!scratch.LiteralSelectionBits.Equals(literalSelectionBits))
        {
            return true;
        }

        foreach (var s in _closureSymbols)
        {
            if (!scratch.Heads[s].Equals(headBits[s]))
            {
                return true;
            }
        }

        return false;
    }

    private void FillInside(Scratch scratch)
    {
        var s = SizeBound;
        foreach (var t in _closure)
        {
            Array.Fill(scratch.Inside[t], double.NegativeInfinity);
            for (var g = 0; g < _groups[t].Length; g++)
            {
                scratch.GroupMass[t][g] = GroupMass(scratch, _groups[t][g]);
            }
        }

        for (var k = 0; k < _keyParameters.Length; k++)
        {
            foreach (var row in scratch.Partials[k])
            {
                Array.Fill(row, double.NegativeInfinity);
            }

            scratch.Partials[k][0][0] = 0.0;
        }

        for (var n = 1; n <= s; n++)
        {
            var m = n - 1;
            for (var k = 0; k < _keyParameters.Length; k++)
            {
                var parameters = _keyParameters[k];
                var d = scratch.Partials[k];
                for (var j = 1; j <= parameters.Length && m >= 1; j++)
                {
                    var inside = scratch.Inside[parameters[j - 1]];
                    d[j][m] = InsideTable.Convolve(d[j - 1], inside, m);
                }
            }

            foreach (var t in _closure)
            {
                var acc = double.NegativeInfinity;
                var groups = _groups[t];
                for (var g = 0; g < groups.Length; g++)
                {
                    var args = scratch.Partials[groups[g].Key][groups[g].Arity][m];
                    if (!double.IsNegativeInfinity(args))
                    {
                        acc = Log2Math.Add(acc, scratch.GroupMass[t][g] + args);
                    }
                }

                scratch.Inside[t][n] = acc;
            }
        }
    }

    private static double GroupMass(Scratch scratch, Group group)
    {
        var count = group.Members.Length + (group.Literal ? 1 : 0);
        Span<double> masses = count <= 64 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < group.Members.Length; i++)
        {
            masses[i] = -scratch.Heads[group.Members[i]];
        }

        if (group.Literal)
        {
            masses[^1] = -scratch.LiteralSelectionBits;
        }

        return Log2Math.Sum(masses);
    }

    private void Cheapest(Scratch scratch)
    {
        var bits = scratch.CheapestBits;
        var size = scratch.CheapestSize;
        var symbol = scratch.CheapestSymbol;
        Array.Fill(bits, double.PositiveInfinity);
        Array.Fill(size, 0);
        Array.Fill(symbol, -1);
        bits[(int)ModelType.Nat] = scratch.LiteralSelectionBits + _literalZeroCode;
        size[(int)ModelType.Nat] = 1;

        // InsideTable's Bellman-Ford, over the reachable types only: no other type feeds them.
        for (var round = 0; round <= Types.Length; round++)
        {
            var changed = false;
            foreach (var t in _closure)
            {
                foreach (var s in _alternatives[t])
                {
                    var cost = scratch.Heads[s];
                    var nodes = 1;
                    foreach (var p in _parameters[s])
                    {
                        cost += bits[p];
                        nodes += size[p];
                    }

                    if (cost < bits[t] || (cost == bits[t] && nodes < size[t]))
                    {
                        bits[t] = cost;
                        size[t] = nodes;
                        symbol[t] = s;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    /// <summary>The breakdown total of the cheapest filling of <paramref name="t"/>, memoised; NaN for a cycle.</summary>
    private double FillingBits(Scratch scratch, int t)
    {
        switch (scratch.FillingState[t])
        {
            case 2:
                return scratch.Filling[t];
            case 1:
                return double.NaN;
        }

        scratch.FillingState[t] = 1;
        var s = scratch.CheapestSymbol[t];
        double bits;
        if (s < 0)
        {
            // The literal 0: a node of the literal's selection and its Elias delta code.
            bits = 0.0;
            bits += scratch.LiteralSelectionBits;
            bits += _literalZeroCode;
        }
        else if (_parameters[s].Length == 0)
        {
            bits = scratch.Heads[s];
        }
        else
        {
            bits = 0.0;
            bits += scratch.Heads[s];
            foreach (var p in _parameters[s])
            {
                bits += FillingBits(scratch, p);
            }
        }

        scratch.Filling[t] = bits;
        scratch.FillingState[t] = 2;
        return bits;
    }

    private sealed record Group(int Key, int Arity, int[] Members, bool Literal);

    /// <summary>The mutable numbers of one <see cref="HoleCostTable"/>, for one thread.</summary>
    internal sealed class Scratch
    {
        internal Scratch(HoleCostTable table)
        {
            var types = Types.Length;
            Heads = new double[table._parameters.Length];
            Inside = [.. Enumerable.Range(0, types).Select(_ => new double[table.SizeBound + 1])];
            GroupMass = [.. table._groups.Select(g => new double[g.Length])];
            Partials = [.. table._keyParameters.Select(p => Enumerable.Range(0, p.Length + 1).Select(_ => new double[table.SizeBound + 1]).ToArray())];
            Log2Bounded = new double[types];
            CheapestBits = new double[types];
            CheapestSize = new int[types];
            CheapestSymbol = new int[types];
            Filling = new double[types];
            FillingState = new int[types];
        }

        internal bool Computed { get; set; }

        /// <summary>How many times the costs were computed (not taken from the last call).</summary>
        internal int Recomputations { get; set; }

        internal bool Valid { get; set; }

        internal double LiteralSelectionBits { get; set; } = double.NaN;

        internal double[] Heads { get; }

        internal double[][] Inside { get; }

        internal double[][] GroupMass { get; }

        internal double[][][] Partials { get; }

        internal double[] Log2Bounded { get; }

        internal double[] CheapestBits { get; }

        internal int[] CheapestSize { get; }

        internal int[] CheapestSymbol { get; }

        internal double[] Filling { get; }

        internal int[] FillingState { get; }
    }
}
