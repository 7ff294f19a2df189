using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// The inside algorithm over the world model's grammar, for one cost mode and size bound. For
/// each type <c>t</c> and size <c>n</c> it holds <c>log2 I_t(n)</c>, the total mass
/// <c>sum 2^-L(e)</c> of the expressions of type <c>t</c> with exactly <c>n</c> nodes. Symbols
/// with the same parameter types are pooled, so the work grows with the number of distinct
/// signatures, not the number of concepts: <c>O(signatures * S^2 * arity)</c> log-additions.
/// It also holds the cheapest expression of each type (a shortest-derivation fixed point) and an
/// upper bound on the total mass of each type without the size bound. Under the counting measure the selection costs
/// are <see cref="WorldModel.CountingSelectionBits"/>, so a type's mass may exceed 1.
/// </summary>
internal sealed class InsideTable
{
    private static readonly ModelType[] Types = Enum.GetValues<ModelType>();

    private readonly WorldModel _world;
    private readonly CostMode _mode;
    private readonly ClassMeasure _measure;
    private readonly double[][] _inside;       // [type][n], n = 0..S (index 0 unused: -inf)
    private readonly double[] _log2Bounded;    // log2 sum_{n<=S} I_t(n)
    private readonly double[] _log2Upper;      // log2 upper bound of sum_n I_t(n), +inf if unknown
    private readonly double[] _cheapestBits;
    private readonly int[] _cheapestSize;
    private readonly Symbol?[] _cheapestSymbol; // null with finite bits means the literal 0

    public InsideTable(WorldModel world, CostMode mode, int sizeBound, ClassMeasure measure = ClassMeasure.Normalised)
    {
        _world = world;
        _mode = mode;
        _measure = measure;
        SizeBound = sizeBound;
        var groups = BuildGroups();

        _inside = new double[Types.Length][];
        foreach (var t in Types)
        {
            _inside[(int)t] = Enumerable.Repeat(double.NegativeInfinity, sizeBound + 1).ToArray();
        }

        FillInside(groups);
        _log2Bounded = Types.Select(t => Log2Math.Sum(_inside[(int)t].AsSpan(1))).ToArray();
        _log2Upper = UpperBounds(groups);
        (_cheapestBits, _cheapestSize, _cheapestSymbol) = Cheapest();
    }

    /// <summary>The largest number of nodes counted per filling.</summary>
    public int SizeBound { get; }

    /// <summary>log2 of the total mass of expressions of <paramref name="type"/> with at most <see cref="SizeBound"/> nodes.</summary>
    public double Log2BoundedMass(ModelType type) => _log2Bounded[(int)type];

    /// <summary>log2 of an upper bound on the total mass of all finite expressions of <paramref name="type"/>; +infinity when no bound is known.</summary>
    public double Log2MassUpperBound(ModelType type) => _log2Upper[(int)type];

    /// <summary>The bits of the cheapest expression of <paramref name="type"/>; +infinity when the type has no finite expression.</summary>
    public double CheapestBits(ModelType type) => _cheapestBits[(int)type];

    /// <summary>The number of nodes of the cheapest expression of <paramref name="type"/>.</summary>
    public int CheapestSize(ModelType type) => _cheapestSize[(int)type];

    /// <summary>Builds the cheapest expression of <paramref name="type"/>.</summary>
    /// <exception cref="ModelException">The type has no finite expression.</exception>
    public Expression CheapestExpression(ModelType type)
    {
        if (double.IsPositiveInfinity(_cheapestBits[(int)type]))
        {
            throw new ModelException($"no finite expression of type {type} exists in this world model, so a hole of that type cannot be filled");
        }

        return Build(type, depth: 0);

        Expression Build(ModelType t, int depth)
        {
            if (depth > 10_000)
            {
                throw new InvalidOperationException("Cheapest-expression reconstruction did not terminate.");
            }

            var symbol = _cheapestSymbol[(int)t];
            return symbol is null
                ? new NatLiteral(0)
                : new Application(symbol.Name, symbol.ParameterTypes.Select(p => Build(p, depth + 1)));
        }
    }

    /// <summary>The cost of selecting (and, in inlined mode, carrying) a symbol, excluding its arguments.</summary>
    public double HeadBits(Symbol symbol) =>
        _mode == CostMode.Inlined && symbol is Concept concept
            ? _world.IntrinsicBits(concept)
            : _measure == ClassMeasure.Counting ? _world.CountingSelectionBits(symbol) : _world.SelectionBits(symbol);

    /// <summary>The cost of selecting the literal production under this table's measure.</summary>
    public double LiteralBits => _measure == ClassMeasure.Counting ? _world.CountingLiteralSelectionBits : _world.LiteralSelectionBits;

    private double LiteralZeroBits => LiteralBits + EliasDelta.NaturalLength(0);

    private sealed record Group(string Key, ImmutableArray<ModelType> Parameters, double Log2Mass);

    private List<Group>[] BuildGroups()
    {
        var groups = new List<Group>[Types.Length];
        foreach (var t in Types)
        {
            var pooled = new Dictionary<string, (ImmutableArray<ModelType> Parameters, List<double> Log2Masses)>(StringComparer.Ordinal);
            foreach (var symbol in _world.Alternatives(t))
            {
                var key = string.Join(",", symbol.ParameterTypes);
                if (!pooled.TryGetValue(key, out var entry))
                {
                    entry = (symbol.ParameterTypes, []);
                    pooled[key] = entry;
                }

                entry.Log2Masses.Add(-HeadBits(symbol));
            }

            if (t == ModelType.Nat)
            {
                // The literal production: its selection, times the Elias delta code's total mass, which is exactly 1.
                var key = string.Empty;
                if (!pooled.TryGetValue(key, out var entry))
                {
                    entry = ([], []);
                    pooled[key] = entry;
                }

                entry.Log2Masses.Add(-LiteralBits);
            }

            groups[(int)t] = pooled
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new Group(p.Key, p.Value.Parameters, Log2Math.Sum(p.Value.Log2Masses.ToArray())))
                .ToList();
        }

        return groups;
    }

    private void FillInside(List<Group>[] groups)
    {
        var s = SizeBound;

        // For each group, D[j][m]: log2 mass of sequences of its first j arguments with m nodes in all.
        var partials = new Dictionary<string, (ImmutableArray<ModelType> Parameters, double[][] D)>(StringComparer.Ordinal);
        foreach (var group in groups.SelectMany(g => g).DistinctBy(g => g.Key))
        {
            var d = new double[group.Parameters.Length + 1][];
            for (var j = 0; j <= group.Parameters.Length; j++)
            {
                d[j] = Enumerable.Repeat(double.NegativeInfinity, s + 1).ToArray();
            }

            d[0][0] = 0.0;
            partials[group.Key] = (group.Parameters, d);
        }

        for (var n = 1; n <= s; n++)
        {
            // D[j][n-1] only needs I(a) for a <= n-1, all known by now.
            var m = n - 1;
            foreach (var (parameters, d) in partials.Values)
            {
                for (var j = 1; j <= parameters.Length && m >= 1; j++)
                {
                    var inside = _inside[(int)parameters[j - 1]];
                    d[j][m] = InsideTable.Convolve(d[j - 1], inside, m);
                }
            }

            foreach (var t in Types)
            {
                var acc = double.NegativeInfinity;
                foreach (var group in groups[(int)t])
                {
                    var args = partials[group.Key].D[group.Parameters.Length][m];
                    if (!double.IsNegativeInfinity(args))
                    {
                        acc = Log2Math.Add(acc, group.Log2Mass + args);
                    }
                }

                _inside[(int)t][n] = acc;
            }
        }
    }

    private double[] UpperBounds(List<Group>[] groups)
    {
        // F(Z)_t = sum over groups of mass * prod Z_p. Iterating F from Z = 1 gives a decreasing
        // sequence of upper bounds on the least fixed point (the mass of all finite expressions)
        // provided F(1) <= 1; otherwise no bound is claimed.
        var z = new double[Types.Length];
        var next = Apply(z);
        if (next.Any(v => v > 1e-12))
        {
            return Enumerable.Repeat(double.PositiveInfinity, Types.Length).ToArray();
        }

        for (var iteration = 0; iteration < 4 * SizeBound + 64; iteration++)
        {
            z = next.Select(v => Math.Min(v, 0.0)).ToArray();
            next = Apply(z);
        }

        return next.Select(v => Math.Min(v, 0.0)).ToArray();

        double[] Apply(double[] current)
        {
            var result = new double[Types.Length];
            foreach (var t in Types)
            {
                var acc = double.NegativeInfinity;
                foreach (var group in groups[(int)t])
                {
                    var term = group.Log2Mass;
                    foreach (var p in group.Parameters)
                    {
                        term += current[(int)p];
                    }

                    acc = Log2Math.Add(acc, term);
                }

                result[(int)t] = acc;
            }

            return result;
        }
    }

    private (double[] Bits, int[] Size, Symbol?[] Symbol) Cheapest()
    {
        var bits = Enumerable.Repeat(double.PositiveInfinity, Types.Length).ToArray();
        var size = new int[Types.Length];
        var symbol = new Symbol?[Types.Length];
        bits[(int)ModelType.Nat] = LiteralZeroBits;
        size[(int)ModelType.Nat] = 1;

        // Bellman-Ford over the six types: costs are non-negative, so |types| + 1 rounds suffice.
        for (var round = 0; round <= Types.Length; round++)
        {
            var changed = false;
            foreach (var t in Types)
            {
                foreach (var s in _world.Alternatives(t))
                {
                    var cost = HeadBits(s);
                    var nodes = 1;
                    foreach (var p in s.ParameterTypes)
                    {
                        cost += bits[(int)p];
                        nodes += size[(int)p];
                    }

                    if (cost < bits[(int)t] || (cost == bits[(int)t] && nodes < size[(int)t]))
                    {
                        bits[(int)t] = cost;
                        size[(int)t] = nodes;
                        symbol[(int)t] = s;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return (bits, size, symbol);
    }

    /// <summary>
    /// One step of the size convolution in log2 space: log2 of the sum over a = 1..m of 2^(left[m - a] + right[a]),
    /// -infinity when no term is finite. Shared by the full table and the incremental hole costs, so that both add the
    /// same terms in the same order.
    /// </summary>
    internal static double Convolve(double[] left, double[] right, int m)
    {
        var acc = double.NegativeInfinity;
        for (var a = 1; a <= m; a++)
        {
            var l = left[m - a];
            var r = right[a];
            if (!double.IsNegativeInfinity(l) && !double.IsNegativeInfinity(r))
            {
                acc = Log2Math.Add(acc, l + r);
            }
        }

        return acc;
    }
}
