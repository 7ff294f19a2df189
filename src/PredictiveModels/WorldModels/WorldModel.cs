using System.Collections.Frozen;
using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;

namespace PredictiveModels.WorldModels;

/// <summary>
/// A validated, immutable world model: the user's concepts together with the built-in
/// combinators, re-weighted as the user chose. It defines the grammar of expressions (for each
/// type, which symbols may stand there and with what probability), the intrinsic bits of every
/// concept, and the order in which concepts are acquired during training.
/// </summary>
public sealed class WorldModel
{
    /// <summary>The largest number of concepts a world model may hold.</summary>
    public const int MaxConcepts = 1_000_000;

    private readonly FrozenDictionary<string, Symbol> _symbols;
    private readonly FrozenDictionary<string, double> _intrinsicBits;
    private readonly FrozenDictionary<string, double> _acquisition;
    private readonly double[] _log2TotalWeight;
    private readonly double[] _log2CountingTotal;
    private readonly ImmutableArray<Symbol>[] _alternatives;

    private WorldModel(ImmutableArray<Concept> concepts, ImmutableArray<BuiltIn> builtIns, double literalWeight)
    {
        Concepts = concepts;
        BuiltIns = builtIns;
        LiteralWeight = literalWeight;
        _symbols = builtIns.Cast<Symbol>().Concat(concepts).ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

        var types = Enum.GetValues<ModelType>();
        _alternatives = new ImmutableArray<Symbol>[types.Length];
        _log2TotalWeight = new double[types.Length];
        _log2CountingTotal = new double[types.Length];
        foreach (var type in types)
        {
            var alternatives = builtIns.Cast<Symbol>().Concat(concepts).Where(s => s.ResultType == type).ToImmutableArray();
            _alternatives[(int)type] = alternatives;
            var total = alternatives.Sum(s => s.Weight) + (type == ModelType.Nat ? literalWeight : 0.0);
            _log2TotalWeight[(int)type] = total > 0 ? Math.Log2(total) : double.NaN;
            _log2CountingTotal[(int)type] = Math.Log2(CountingReference(builtIns.Where(b => b.ResultType == type).Sum(b => b.Weight), type == ModelType.Nat ? literalWeight : 0.0));
        }

        _intrinsicBits = ComputeIntrinsicBits();
        _acquisition = ComputeAcquisition();
    }

    /// <summary>The user's concepts in declaration order.</summary>
    public ImmutableArray<Concept> Concepts { get; }

    /// <summary>The built-in combinators with the weights in force in this world model.</summary>
    public ImmutableArray<BuiltIn> BuiltIns { get; }

    /// <summary>Weight of the literal production of type <see cref="ModelType.Nat"/> (finite, greater than 0; default 1).</summary>
    public double LiteralWeight { get; }

    /// <summary>Every symbol (built-ins first, then concepts).</summary>
    public IEnumerable<Symbol> Symbols => BuiltIns.Cast<Symbol>().Concat(Concepts);

    /// <summary>Total intrinsic bits of all concepts: the size of the world model, in bits.</summary>
    public double TotalBits => Concepts.Sum(IntrinsicBits);

    /// <summary>
    /// Validates and builds a world model.
    /// </summary>
    /// <param name="concepts">The user's concepts; names must be unique and must not shadow a built-in.</param>
    /// <param name="builtInWeights">Optional weights for built-ins by name (finite, greater than 0); unnamed built-ins keep weight 1.</param>
    /// <param name="literalWeight">Weight of the natural-literal production (finite, greater than 0).</param>
    /// <param name="builtInWeightLocations">Optional source locations of the entries of <paramref name="builtInWeights"/>, for messages.</param>
    /// <exception cref="ModelException">
    /// Duplicate names, unknown references, type or arity errors in definitions, definition cycles,
    /// or bad weights; every problem is listed with its location.
    /// </exception>
    public static WorldModel Create(
        IEnumerable<Concept> concepts,
        IReadOnlyDictionary<string, double>? builtInWeights = null,
        double literalWeight = 1.0,
        IReadOnlyDictionary<string, SourceLocation>? builtInWeightLocations = null)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        var list = concepts.ToImmutableArray();
        var bag = new DiagnosticBag();
        if (list.Length > MaxConcepts)
        {
            throw new ModelException($"the world model has {list.Length} concepts; at most {MaxConcepts} are supported");
        }

        if (SpecificationRules.CheckPositive(literalWeight, "the literal weight") is { } literalError)
        {
            bag.Add(literalError, null, "worldModel.literalWeight");
        }

        var builtIns = BuiltInsWithWeights(builtInWeights, builtInWeightLocations, bag);
        var builtInNames = builtIns.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, Concept>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var concept = list[i];
            var path = $"worldModel.concepts[{i}]";
            if (builtInNames.Contains(concept.Name))
            {
                bag.Add($"concept '{concept.Name}' has the name of a built-in combinator; choose another name", concept.Location, path);
            }
            else if (seen.TryGetValue(concept.Name, out var first))
            {
                var firstAt = first.Location is null ? "" : $" (first declared at {first.Location})";
                bag.Add($"concept '{concept.Name}' is declared twice{firstAt}", concept.Location, path);
            }
            else
            {
                seen.Add(concept.Name, concept);
            }
        }

        bag.ThrowIfAny();

        Symbol? Lookup(string name) =>
            seen.TryGetValue(name, out var c) ? c : builtIns.FirstOrDefault(b => b.Name == name);
        var knownNames = seen.Keys.Concat(builtInNames).ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Definition is { } definition)
            {
                TypeChecker.Check(definition, list[i].ResultType, Lookup, knownNames, bag, list[i].Location, $"worldModel.concepts[{i}].definition");
            }
        }

        bag.ThrowIfAny();
        CheckCycles(list, seen, bag);
        bag.ThrowIfAny();
        return new WorldModel(list, builtIns, literalWeight);
    }

    /// <summary>Finds a concept or built-in by name; null when there is none.</summary>
    /// <param name="name">The exact (case-sensitive) name.</param>
    public Symbol? Find(string name) => _symbols.GetValueOrDefault(name);

    /// <summary>Finds a concept by name; null when there is no concept of that name.</summary>
    /// <param name="name">The exact (case-sensitive) name.</param>
    public Concept? FindConcept(string name) => _symbols.GetValueOrDefault(name) as Concept;

    /// <summary>The grammar's alternatives for <paramref name="type"/>: every symbol whose result type it is (the literal production of Nat aside).</summary>
    /// <param name="type">The expected type.</param>
    public ImmutableArray<Symbol> Alternatives(ModelType type) => _alternatives[(int)type];

    /// <summary>
    /// The bits needed to select <paramref name="symbol"/> where its result type is expected:
    /// <c>-log2(weight / total weight of the type's alternatives)</c>; at least 0.
    /// </summary>
    /// <param name="symbol">A symbol of this world model.</param>
    public double SelectionBits(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Math.Max(0.0, _log2TotalWeight[(int)symbol.ResultType] - Math.Log2(symbol.Weight));
    }

    /// <summary>The bits needed to select the literal production where a Nat is expected (at least 0); the value's Elias delta code comes on top.</summary>
    public double LiteralSelectionBits => Math.Max(0.0, _log2TotalWeight[(int)ModelType.Nat] - Math.Log2(LiteralWeight));

    /// <summary>
    /// The bits a symbol costs in the counting measure (<see cref="Scenarios.ClassMeasure.Counting"/>), which no other
    /// concept's presence changes: <c>max(0, -log2(weight / R))</c> with the reference <c>R</c> = the total weight of
    /// the type's built-ins (and, for Nat, the literal production) plus 1. A unit-weight concept costs what it would as
    /// the only concept of its type.
    /// </summary>
    /// <param name="symbol">A symbol of this world model.</param>
    public double CountingSelectionBits(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Math.Max(0.0, _log2CountingTotal[(int)symbol.ResultType] - Math.Log2(symbol.Weight));
    }

    /// <summary>The bits of the literal production in the counting measure (<see cref="CountingSelectionBits"/>); at least 0.</summary>
    public double CountingLiteralSelectionBits => Math.Max(0.0, _log2CountingTotal[(int)ModelType.Nat] - Math.Log2(LiteralWeight));

    /// <summary>The counting measure's reference weight of a type: its built-ins' weights, the literal's for Nat, plus one unit of concept weight.</summary>
    /// <param name="builtInWeight">Total weight of the type's built-ins (at least 0).</param>
    /// <param name="literalWeight">The literal production's weight for Nat, 0 otherwise.</param>
    internal static double CountingReference(double builtInWeight, double literalWeight) => builtInWeight + literalWeight + 1.0;

    /// <summary>
    /// Intrinsic description length of a concept in bits: its given bits for a base concept, the
    /// inlined length of its definition for a derived one.
    /// </summary>
    /// <param name="concept">A concept of this world model.</param>
    public double IntrinsicBits(Concept concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        return _intrinsicBits[concept.Name];
    }

    /// <summary>
    /// The world-model progress, in bits learned, at which the concept exists. Unless the concept
    /// says otherwise (<see cref="Concept.AcquiredAt"/>), concepts are learned in ascending order of
    /// intrinsic bits (ties in declaration order), each when the cumulative learned bits reach the
    /// running sum of intrinsic bits up to and including it.
    /// </summary>
    /// <param name="concept">A concept of this world model.</param>
    public double AcquisitionBits(Concept concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        return _acquisition[concept.Name];
    }

    private static ImmutableArray<BuiltIn> BuiltInsWithWeights(
        IReadOnlyDictionary<string, double>? weights,
        IReadOnlyDictionary<string, SourceLocation>? locations,
        DiagnosticBag bag)
    {
        if (weights is null || weights.Count == 0)
        {
            return WorldModels.BuiltIns.All;
        }

        var known = WorldModels.BuiltIns.All.Select(b => b.Name).ToArray();
        foreach (var (name, weight) in weights)
        {
            var location = locations?.GetValueOrDefault(name);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                bag.Add($"'{name}' is not a built-in combinator{NameSuggestions.DidYouMean(name, known)}", location, $"worldModel.builtins.{name}");
            }
            else if (SpecificationRules.CheckPositive(weight, $"the weight of built-in '{name}'") is { } error)
            {
                bag.Add(error, location, $"worldModel.builtins.{name}");
            }
        }

        return [.. WorldModels.BuiltIns.All.Select(b => weights.TryGetValue(b.Name, out var w) && w > 0 && double.IsFinite(w) ? b.WithWeight(w) : b)];
    }

    private static void CheckCycles(ImmutableArray<Concept> concepts, Dictionary<string, Concept> byName, DiagnosticBag bag)
    {
        // Depth-first search over "definition refers to" edges; a grey node reached again closes a cycle.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(Concept concept)
        {
            state[concept.Name] = 1;
            stack.Add(concept.Name);
            foreach (var reference in References(concept))
            {
                if (!byName.TryGetValue(reference, out var next))
                {
                    continue;
                }

                var s = state.GetValueOrDefault(next.Name);
                if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next.Name)).Append(next.Name).ToArray();
                    if (reported.Add(string.Join(">", cycle.Order(StringComparer.Ordinal))))
                    {
                        bag.Add($"the definitions of concepts form a cycle: {string.Join(" -> ", cycle)}", next.Location, "worldModel.concepts");
                    }
                }
                else if (s == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[concept.Name] = 2;
        }

        foreach (var concept in concepts)
        {
            if (state.GetValueOrDefault(concept.Name) == 0)
            {
                Visit(concept);
            }
        }
    }

    private static IEnumerable<string> References(Concept concept) =>
        concept.Definition is null ? [] : concept.Definition.Nodes().OfType<Application>().Select(a => a.Name);

    private FrozenDictionary<string, double> ComputeIntrinsicBits()
    {
        var bits = new Dictionary<string, double>(StringComparer.Ordinal);

        // The inlined length of an expression: each built-in pays its selection, each concept is carried
        // inline (its intrinsic bits), each literal pays the literal production and its Elias delta code.
        // Complexity.ExpressionCoster builds the same sum as a breakdown from the same terms; a test checks
        // that the two agree on every derived concept of the shipped scenarios.
        // The terms are added left to right, head first, as a breakdown adds its children, so both give the same double.
        double Inlined(Expression expression)
        {
            switch (expression)
            {
                case NatLiteral literal:
                    return LiteralSelectionBits + EliasDelta.NaturalLength(literal.Value);
                case Application application:
                    var total = _symbols[application.Name] is Concept concept ? bits[concept.Name] : SelectionBits(_symbols[application.Name]);
                    foreach (var argument in application.Arguments)
                    {
                        total += Inlined(argument);
                    }

                    return total;
                default:
                    throw new ModelException($"'{expression}' cannot stand in a concept's definition", expression.Location);
            }
        }

        void Resolve(Concept concept)
        {
            if (bits.ContainsKey(concept.Name))
            {
                return;
            }

            if (concept.Definition is null)
            {
                bits[concept.Name] = concept.Bits!.Value;
                return;
            }

            foreach (var reference in References(concept))
            {
                if (FindConcept(reference) is { } dependency)
                {
                    Resolve(dependency);
                }
            }

            var inlined = Inlined(concept.Definition);
            if (SpecificationRules.CheckBits(inlined, $"the inlined length of derived concept '{concept.Name}'") is { } error)
            {
                throw new ModelException(error, concept.Location);
            }

            bits[concept.Name] = inlined;
        }

        foreach (var concept in Concepts)
        {
            Resolve(concept);
        }

        return bits.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private FrozenDictionary<string, double> ComputeAcquisition()
    {
        var order = Concepts
            .Select((c, i) => (Concept: c, Index: i, Bits: _intrinsicBits[c.Name]))
            .OrderBy(x => x.Bits)
            .ThenBy(x => x.Index);
        var running = 0.0;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (concept, _, b) in order)
        {
            running += b;
            result[concept.Name] = concept.AcquiredAt ?? running;
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
