using System.Collections.Frozen;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// Rescores candidates when only the numbers of the world model change (symbol weights, base concepts' bits, the
/// literal weight), without building a world model or a breakdown. A candidate's <c>K</c> is a sum of terms whose
/// shape the expressions fix: selection bits (closed form in the weights: <c>max(0, log2(total weight of the type)
/// - log2(weight))</c>), intrinsic bits (a base concept's bits; a derived one's inlined definition, in the same order
/// as <see cref="WorldModel"/> adds it) and hole costs. The sums are compiled once (<see cref="BitsProgram"/>) and the
/// hole costs are recomputed only when the head bits of the grammar the holes reach change (<see cref="HoleCostTable"/>).
/// Under the counting measure, an expression with holes is compiled with the counting selection costs and the counted
/// hole masses, as <see cref="ExpressionCoster.CountingBreakdown"/> builds it.
/// Every term is computed by the same operations as <see cref="StructureScorer"/>, so the scores are the same doubles.
/// Immutable and thread-safe; the numbers of one evaluation live in a <see cref="State"/>.
/// </summary>
internal sealed class IncrementalScorer
{
    private static readonly ModelType[] Types = Enum.GetValues<ModelType>();

    private readonly FrozenDictionary<string, int> _symbolIndex;
    private readonly int[] _symbolType;
    private readonly bool[] _isConcept;
    private readonly int[][] _alternatives;
    private readonly int[][] _builtInAlternatives;
    private readonly double[] _baseWeights;
    private readonly double[] _baseBits;
    private readonly double _baseLiteralWeight;
    private readonly (int Symbol, BitsProgram Program)[] _derived;
    private readonly BitsProgram[] _candidates;
    private readonly HoleCostTable?[] _tables; // [measure * 2 + mode]
    private readonly int _stackSize;

    private IncrementalScorer(WorldModel world, IReadOnlyList<Candidate> candidates, HoleCost holeCost, int sizeBound, ClassMeasure classMeasure)
    {
        var symbols = world.Symbols.ToArray();
        SymbolCount = symbols.Length;
        _symbolIndex = symbols.Select((s, i) => (s.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _symbolType = [.. symbols.Select(s => (int)s.ResultType)];
        _isConcept = [.. symbols.Select(s => s is Concept)];
        _alternatives = [.. Types.Select(t => world.Alternatives(t).Select(s => _symbolIndex[s.Name]).ToArray())];
        _builtInAlternatives = [.. Types.Select(t => world.BuiltIns.Where(b => b.ResultType == t).Select(b => _symbolIndex[b.Name]).ToArray())];
        _baseWeights = [.. symbols.Select(s => s.Weight)];
        _baseBits = [.. symbols.Select(s => s is Concept { Bits: { } bits } ? bits : 0.0)];
        _baseLiteralWeight = world.LiteralWeight;

        var holeTypes = new List<ModelType>[4] { [], [], [], [] };
        var compiler = new Compiler(this, world, symbols, holeTypes);
        _derived = [.. compiler.DerivedInOrder()];
        _candidates = [.. candidates.Select(c => compiler.Candidate(c, holeCost, classMeasure))];
        _tables = [.. holeTypes.Select(types => types.Count == 0 ? null : new HoleCostTable(world, _symbolIndex, types, sizeBound))];
        _stackSize = _derived.Select(d => d.Program.MaxDepth).Concat(_candidates.Select(p => p.MaxDepth)).DefaultIfEmpty(1).Max();
    }

    /// <summary>The number of symbols (built-ins first, then concepts, as <see cref="WorldModel.Symbols"/>).</summary>
    public int SymbolCount { get; }

    /// <summary>The number of candidates scored, in the order they were given.</summary>
    public int CandidateCount => _candidates.Length;

    private int LiteralTerm => SymbolCount;

    private int TermCount => (3 * SymbolCount) + 2 + (3 * 2 * Types.Length);

    private int CountingHeadTerm(int symbol) => (2 * SymbolCount) + 1 + (2 * 2 * Types.Length) + symbol;

    private int CountingLiteralTerm => (3 * SymbolCount) + 1 + (2 * 2 * Types.Length);

    private int CountingHoleTerm(CostMode mode, ModelType type) => (3 * SymbolCount) + 2 + (2 * 2 * Types.Length) + ((int)mode * Types.Length) + (int)type;

    /// <summary>Compiles the scoring of <paramref name="candidates"/> over <paramref name="world"/>.</summary>
    /// <param name="world">The world model whose numbers the state varies.</param>
    /// <param name="candidates">The candidates, in the order of the scores.</param>
    /// <param name="holeCost">The hole cost of the scores.</param>
    /// <param name="sizeBound">The size bound of class masses, in nodes.</param>
    /// <param name="classMeasure">The class measure of the scores when holes cost their class.</param>
    public static IncrementalScorer For(WorldModel world, IReadOnlyList<Candidate> candidates, HoleCost holeCost, int sizeBound, ClassMeasure classMeasure = ClassMeasure.Normalised) =>
        new(world, candidates, holeCost, sizeBound, classMeasure);

    /// <summary>The index of a symbol by name; -1 when there is none.</summary>
    public int SymbolIndex(string name) => _symbolIndex.GetValueOrDefault(name, -1);

    /// <summary>A state holding the world model's own numbers, for one thread.</summary>
    public State CreateState() => new(this);

    /// <summary>
    /// Scores every candidate under the state's numbers; false when the scorer cannot vouch for the result (a derived
    /// concept's bits out of range, a hole that cannot be costed, a score that is not finite): there the full scoring
    /// throws, and the caller should run it to get its exception.
    /// </summary>
    /// <param name="state">A state of this scorer.</param>
    /// <param name="bits">Receives each candidate's <c>K</c> in bits; at least <see cref="CandidateCount"/> long.</param>
    public bool TryScore(State state, Span<double> bits)
    {
        var terms = state.Terms;
        Span<double> stack = _stackSize <= 256 ? stackalloc double[_stackSize] : new double[_stackSize];
        for (var t = 0; t < Types.Length; t++)
        {
            var sum = 0.0;
            foreach (var s in _alternatives[t])
            {
                sum += state.Weights[s];
            }

            var total = sum + (Types[t] == ModelType.Nat ? state.LiteralWeight : 0.0);
            state.Log2Total[t] = total > 0 ? Math.Log2(total) : double.NaN;
        }

        for (var s = 0; s < SymbolCount; s++)
        {
            terms[s] = Math.Max(0.0, state.Log2Total[_symbolType[s]] - state.Log2Weights[s]);
        }

        terms[LiteralTerm] = Math.Max(0.0, state.Log2Total[(int)ModelType.Nat] - Math.Log2(state.LiteralWeight));
        if (_tables[2] is not null || _tables[3] is not null)
        {
            // The counting measure's selections, as WorldModel.CountingSelectionBits computes them.
            for (var t = 0; t < Types.Length; t++)
            {
                var builtIns = 0.0;
                foreach (var s in _builtInAlternatives[t])
                {
                    builtIns += state.Weights[s];
                }

                state.Log2CountingTotal[t] = Math.Log2(WorldModel.CountingReference(builtIns, Types[t] == ModelType.Nat ? state.LiteralWeight : 0.0));
            }

            for (var s = 0; s < SymbolCount; s++)
            {
                terms[CountingHeadTerm(s)] = Math.Max(0.0, state.Log2CountingTotal[_symbolType[s]] - state.Log2Weights[s]);
            }

            terms[CountingLiteralTerm] = Math.Max(0.0, state.Log2CountingTotal[(int)ModelType.Nat] - Math.Log2(state.LiteralWeight));
        }
        for (var s = 0; s < SymbolCount; s++)
        {
            terms[IntrinsicTerm(s)] = state.Bits[s];
        }

        foreach (var (symbol, program) in _derived)
        {
            var inlined = program.Evaluate(terms, stack);
            if (!(inlined >= 0 && inlined <= SpecificationRules.MaxBits))
            {
                return false;
            }

            terms[IntrinsicTerm(symbol)] = inlined;
        }

        for (var k = 0; k < _tables.Length; k++)
        {
            if (_tables[k] is not { } table)
            {
                continue;
            }

            var mode = (CostMode)(k % 2);
            var counting = k >= 2;
            var selection = counting ? terms.AsSpan(CountingHeadTerm(0), SymbolCount) : terms.AsSpan(0, SymbolCount);
            var heads = selection;
            if (mode == CostMode.Inlined)
            {
                for (var s = 0; s < SymbolCount; s++)
                {
                    state.InlinedHeads[s] = _isConcept[s] ? terms[IntrinsicTerm(s)] : selection[s];
                }

                heads = state.InlinedHeads;
            }

            var scratch = state.Tables[k]!;
            if (!table.Update(scratch, heads, terms[counting ? CountingLiteralTerm : LiteralTerm]))
            {
                return false;
            }

            foreach (var type in table.HoleTypes)
            {
                if (counting)
                {
                    terms[CountingHoleTerm(mode, type)] = HoleCostTable.CountingClassCost(scratch, type);
                }
                else
                {
                    terms[HoleMinTerm(mode, type)] = HoleCostTable.MinCost(scratch, type);
                    terms[HoleMinTerm(mode, type) + 1] = HoleCostTable.ClassCost(scratch, type);
                }
            }
        }

        for (var i = 0; i < _candidates.Length; i++)
        {
            bits[i] = _candidates[i].Evaluate(terms, stack);
            if (!double.IsFinite(bits[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int IntrinsicTerm(int symbol) => SymbolCount + 1 + symbol;

    private int HoleMinTerm(CostMode mode, ModelType type) => (2 * SymbolCount) + 1 + ((((int)mode * Types.Length) + (int)type) * 2);

    /// <summary>The numbers of the world model one evaluation uses (weights, base concepts' bits, literal weight) and its scratch; for one thread.</summary>
    internal sealed class State
    {
        internal State(IncrementalScorer scorer)
        {
            Weights = [.. scorer._baseWeights];
            Log2Weights = [.. Weights.Select(Math.Log2)];
            Bits = [.. scorer._baseBits];
            LiteralWeight = scorer._baseLiteralWeight;
            Terms = new double[scorer.TermCount];
            Log2Total = new double[Types.Length];
            Log2CountingTotal = new double[Types.Length];
            InlinedHeads = new double[scorer.SymbolCount];
            Tables = [.. scorer._tables.Select(t => t?.CreateScratch())];
        }

        /// <summary>Each symbol's weight (finite, greater than 0), by symbol index.</summary>
        internal double[] Weights { get; }

        /// <summary>log2 of each weight.</summary>
        internal double[] Log2Weights { get; }

        /// <summary>Each base concept's intrinsic bits, by symbol index (0 for the others).</summary>
        internal double[] Bits { get; }

        /// <summary>The literal production's weight (finite, greater than 0).</summary>
        internal double LiteralWeight { get; set; }

        internal double[] Terms { get; }

        internal double[] Log2Total { get; }

        internal double[] Log2CountingTotal { get; }

        internal double[] InlinedHeads { get; }

        internal HoleCostTable.Scratch?[] Tables { get; }

        /// <summary>Sets a symbol's weight.</summary>
        internal void SetWeight(int symbol, double weight)
        {
            Weights[symbol] = weight;
            Log2Weights[symbol] = Math.Log2(weight);
        }
    }

    /// <summary>Writes the programs, mirroring <see cref="ExpressionCoster"/>, <see cref="StructureScorer"/> and the world model's inlined lengths.</summary>
    private sealed class Compiler(IncrementalScorer scorer, WorldModel world, Symbol[] symbols, List<ModelType>[] holeTypes)
    {
        public IEnumerable<(int Symbol, BitsProgram Program)> DerivedInOrder()
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<(int, BitsProgram)>();

            void Resolve(Concept concept)
            {
                if (!done.Add(concept.Name) || concept.Definition is not { } definition)
                {
                    return;
                }

                foreach (var reference in definition.Nodes().OfType<Application>())
                {
                    if (world.FindConcept(reference.Name) is { } dependency)
                    {
                        Resolve(dependency);
                    }
                }

                var builder = new BitsProgram.Builder();
                Inlined(definition, builder);
                order.Add((scorer._symbolIndex[concept.Name], builder.Build()));
            }

            foreach (var concept in world.Concepts)
            {
                Resolve(concept);
            }

            return order;
        }

        public BitsProgram Candidate(Candidate candidate, HoleCost holeCost, ClassMeasure classMeasure)
        {
            var structure = candidate.Structure;
            var builder = new BitsProgram.Builder();
            var cameraMode = candidate.Mechanism.CarriesCamera() ? CostMode.Inlined : CostMode.Pointer;

            // Under the counting measure, an expression with holes is a class counted in the counting code; one without
            // keeps the world model's code (StructureScorer takes its cheapest-filling breakdown, which is its only one).
            ClassMeasure MeasureOf(Expression e) => holeCost == HoleCost.Class && classMeasure == ClassMeasure.Counting && e.HasHoles ? ClassMeasure.Counting : ClassMeasure.Normalised;
            Breakdown(structure.Camera, cameraMode, holeCost, expandDerived: true, builder, MeasureOf(structure.Camera));
            builder.Sum(1);
            Breakdown(structure.Procedure, CostMode.Pointer, holeCost, expandDerived: true, builder, MeasureOf(structure.Procedure));
            builder.Sum(1);
            var parts = 2;
            if (candidate.Mechanism.IsDeceptive() && !structure.Requires.IsEmpty)
            {
                foreach (var name in structure.Requires)
                {
                    builder.Term(scorer._symbolIndex[name]);
                }

                builder.Sum(structure.Requires.Length);
                parts++;
            }

            builder.Sum(parts);
            return builder.Build();
        }

        /// <summary>The world model's inlined length of a definition: head first, then the arguments, left to right.</summary>
        private void Inlined(Expression expression, BitsProgram.Builder builder)
        {
            switch (expression)
            {
                case NatLiteral literal:
                    builder.Term(scorer.LiteralTerm);
                    builder.Constant(EliasDelta.NaturalLength(literal.Value));
                    builder.Sum(2);
                    return;
                case Application application:
                    var s = scorer._symbolIndex[application.Name];
                    builder.Term(scorer._isConcept[s] ? scorer.IntrinsicTerm(s) : s);
                    foreach (var argument in application.Arguments)
                    {
                        Inlined(argument, builder);
                    }

                    if (!application.Arguments.IsEmpty)
                    {
                        builder.Sum(1 + application.Arguments.Length);
                    }

                    return;
                default:
                    throw new ModelException($"'{expression}' cannot stand in a concept's definition", expression.Location);
            }
        }

        private void Breakdown(Expression expression, CostMode mode, HoleCost holeCost, bool expandDerived, BitsProgram.Builder builder, ClassMeasure measure = ClassMeasure.Normalised)
        {
            var counting = measure == ClassMeasure.Counting;
            switch (expression)
            {
                case NatLiteral literal:
                    builder.Term(counting ? scorer.CountingLiteralTerm : scorer.LiteralTerm);
                    builder.Constant(EliasDelta.NaturalLength(literal.Value));
                    builder.Sum(2);
                    return;
                case Hole hole when counting:
                    holeTypes[2 + (int)mode].Add(hole.Type);
                    builder.Term(scorer.CountingHoleTerm(mode, hole.Type));
                    return;
                case Hole hole:
                    holeTypes[(int)mode].Add(hole.Type);
                    if (holeCost == HoleCost.Min)
                    {
                        builder.Term(scorer.HoleMinTerm(mode, hole.Type));
                        builder.Sum(1);
                    }
                    else
                    {
                        builder.Term(scorer.HoleMinTerm(mode, hole.Type) + 1);
                    }

                    return;
                case Application application:
                    var s = scorer._symbolIndex[application.Name];
                    if (counting && (mode == CostMode.Pointer || !scorer._isConcept[s]))
                    {
                        builder.Term(scorer.CountingHeadTerm(s));
                    }
                    else
                    {
                        Head(s, mode, expandDerived, builder);
                    }

                    foreach (var argument in application.Arguments)
                    {
                        Breakdown(argument, mode, holeCost, expandDerived, builder, measure);
                    }

                    if (!application.Arguments.IsEmpty)
                    {
                        builder.Sum(1 + application.Arguments.Length);
                    }

                    return;
                default:
                    throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression));
            }
        }

        private void Head(int symbol, CostMode mode, bool expandDerived, BitsProgram.Builder builder)
        {
            if (mode == CostMode.Pointer || !scorer._isConcept[symbol])
            {
                builder.Term(symbol);
                return;
            }

            if (symbols[symbol] is Concept { Definition: { } definition } && expandDerived)
            {
                Breakdown(definition, CostMode.Inlined, HoleCost.Min, expandDerived: false, builder);
                builder.Sum(1);
                return;
            }

            builder.Term(scorer.IntrinsicTerm(symbol));
        }
    }
}
