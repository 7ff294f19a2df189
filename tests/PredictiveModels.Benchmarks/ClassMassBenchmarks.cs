using BenchmarkDotNet.Attributes;
using PredictiveModels.Complexity;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// The class mass of <c>longterm(?objective: Quantity)</c> over a large world model: 1,000
/// concepts spread over Stream, Quantity and Predicate with varied weights, some of them
/// combinators with parameters, at size bound 20. The inside table pools symbols by signature,
/// so its cost should follow the number of distinct signatures rather than the number of concepts.
/// </summary>
[MemoryDiagnoser]
public class ClassMassBenchmarks
{
    /// <summary>The number of concepts in the world model.</summary>
    public const int ConceptCount = 1_000;

    /// <summary>The size bound of the class masses.</summary>
    public const int SizeBound = 20;

    private WorldModel _world = null!;
    private Expression _objective = null!;
    private DescriptionLengths _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = BuildWorld();
        _objective = Expression.Parse("longterm(?objective: Quantity)");
        _warm = new DescriptionLengths(_world, SizeBound);

        // A benchmark of a degenerate mass would measure nothing useful: check it is a real one.
        var mass = _warm.ClassMass(_objective);
        if (!double.IsFinite(mass.Log2Mass) || mass.Log2Mass > 0)
        {
            throw new InvalidOperationException($"The class mass of {_objective} has log2 {mass.Log2Mass}; expected a finite value at most 0.");
        }
    }

    /// <summary>Construction alone: the inside tables are lazy, so this is the baseline cost.</summary>
    [Benchmark(Description = "new DescriptionLengths (lazy tables)")]
    public DescriptionLengths Construct() => new(_world, SizeBound);

    /// <summary>A fresh calculator per call, so the pointer-mode inside table is built every time.</summary>
    [Benchmark(Baseline = true, Description = "new DescriptionLengths + ClassMass")]
    public ClassMass ConstructAndMeasure() => new DescriptionLengths(_world, SizeBound).ClassMass(_objective);

    /// <summary>The query alone, on a calculator whose table is already built.</summary>
    [Benchmark(Description = "ClassMass on a built table")]
    public ClassMass MeasureWarm() => _warm.ClassMass(_objective);

    /// <summary>
    /// Builds the world model: mostly constants of the three main types, plus combinators of four
    /// signatures (Quantity to Quantity, Stream and Predicate to Stream, Predicate to Predicate,
    /// Quantity and Quantity to Quantity). Deterministic, so runs compare.
    /// </summary>
    public static WorldModel BuildWorld()
    {
        var random = new Random(20_260_101);
        var concepts = new List<Concept>(ConceptCount);
        (string Prefix, ModelType Type, ModelType[] Parameters, int Count)[] plan =
        [
            ("stream", ModelType.Stream, [], 380),
            ("quantity", ModelType.Quantity, [], 300),
            ("predicate", ModelType.Predicate, [], 260),
            ("rescale", ModelType.Quantity, [ModelType.Quantity], 20),
            ("filter", ModelType.Stream, [ModelType.Stream, ModelType.Predicate], 15),
            ("refine", ModelType.Predicate, [ModelType.Predicate], 15),
            ("combine", ModelType.Quantity, [ModelType.Quantity, ModelType.Quantity], 10),
        ];

        foreach (var (prefix, type, parameters, count) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                // Weights spread over two orders of magnitude; bits from 10 to 5,000.
                var weight = Math.Round(Math.Pow(10, random.NextDouble() * 2 - 1), 3);
                var bits = Math.Round(10 + random.NextDouble() * 4_990, 1);
                concepts.Add(Concept.Base($"{prefix}_{i}", type, bits, weight, parameters.Length == 0 ? null : parameters));
            }
        }

        return WorldModel.Create(concepts);
    }
}
