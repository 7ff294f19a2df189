using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// Computes description lengths of expressions given a world model: pointer length
/// <c>Lptr</c>, inlined length <c>Linl</c>, and for expressions with holes the cheapest filling
/// <c>Kmin</c> and the class cost <c>Kclass = -log2 M</c> by the inside algorithm, under both class
/// measures. Thread-safe; the inside tables are built once per cost mode and measure, on first use.
/// </summary>
public sealed class DescriptionLengths
{
    /// <summary>The default size bound: fillings of up to this many nodes per hole are counted (<see cref="AnalysisSettings.DefaultSizeBound"/>).</summary>
    public const int DefaultSizeBound = AnalysisSettings.DefaultSizeBound;

    /// <summary>The largest size bound accepted (<see cref="AnalysisSettings.MaxSizeBound"/>).</summary>
    public const int MaxSizeBound = AnalysisSettings.MaxSizeBound;

    private readonly Lazy<InsideTable>[] _tables; // [measure * 2 + mode]
    private readonly ExpressionCoster _coster;

    /// <summary>Creates the calculator.</summary>
    /// <param name="worldModel">The shared world model.</param>
    /// <param name="sizeBound">Largest filling size, in nodes, counted in class masses: 1 to <see cref="MaxSizeBound"/>.</param>
    /// <exception cref="ModelException"><paramref name="sizeBound"/> is out of range.</exception>
    public DescriptionLengths(WorldModel worldModel, int sizeBound = DefaultSizeBound)
    {
        ArgumentNullException.ThrowIfNull(worldModel);
        if (sizeBound < 1 || sizeBound > MaxSizeBound)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the size bound is {sizeBound}, but it must be between 1 and {MaxSizeBound} nodes"),
                null,
                "analysis.sizeBound");
        }

        WorldModel = worldModel;
        SizeBound = sizeBound;
        _tables = [.. from measure in Enum.GetValues<ClassMeasure>()
                      from mode in Enum.GetValues<CostMode>()
                      select new Lazy<InsideTable>(() => new InsideTable(worldModel, mode, sizeBound, measure))];
        _coster = new ExpressionCoster(worldModel, Table);
    }

    /// <summary>The world model lengths are measured against.</summary>
    public WorldModel WorldModel { get; }

    /// <summary>Largest filling size in nodes counted in class masses.</summary>
    public int SizeBound { get; }

    /// <summary>Pointer length <c>Lptr</c> in bits, with its breakdown; holes take their cheapest filling.</summary>
    /// <param name="expression">A well-typed expression over the world model.</param>
    public BitBreakdown Pointer(Expression expression) => _coster.Breakdown(expression, CostMode.Pointer, HoleCost.Min);

    /// <summary>Inlined length <c>Linl</c> in bits, with its breakdown; holes take their cheapest filling.</summary>
    /// <param name="expression">A well-typed expression over the world model.</param>
    public BitBreakdown Inlined(Expression expression) => _coster.Breakdown(expression, CostMode.Inlined, HoleCost.Min);

    /// <summary>
    /// Measures an expression: <c>Kmin</c> always; when it has holes, <c>Kclass</c> and the class mass under both the
    /// normalised and the counting measure.
    /// </summary>
    /// <param name="expression">A well-typed expression over the world model.</param>
    /// <param name="mode">Pointer or inlined lengths.</param>
    /// <exception cref="ModelException">A hole's type has no finite filling, or its cheapest filling exceeds the size bound.</exception>
    public ExpressionCost Measure(Expression expression, CostMode mode)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var min = _coster.Breakdown(expression, mode, HoleCost.Min);
        if (!expression.HasHoles)
        {
            return new ExpressionCost(mode, min, null, null);
        }

        var cls = _coster.Breakdown(expression, mode, HoleCost.Class);
        var counting = _coster.CountingBreakdown(expression, mode);
        return new ExpressionCost(mode, min, cls, ClassMass(expression, mode))
        {
            CountingBreakdown = counting,
            CountingClassMass = ClassMass(expression, mode, ClassMeasure.Counting),
        };
    }

    /// <summary>
    /// The class mass of an expression: 2 to the minus its hole-free part, times for each hole
    /// the mass of all fillings of its type with at most <see cref="SizeBound"/> nodes.
    /// </summary>
    /// <param name="expression">A well-typed expression over the world model.</param>
    /// <param name="mode">Pointer or inlined lengths.</param>
    /// <param name="measure">The normalised measure (the world model's code) or the counting one, in which a class's mass may exceed 1.</param>
    public ClassMass ClassMass(Expression expression, CostMode mode = CostMode.Pointer, ClassMeasure measure = ClassMeasure.Normalised)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var table = Table(mode, measure);
        var counting = measure == ClassMeasure.Counting;
        var classBits = counting ? _coster.CountingBreakdown(expression, mode).Bits : _coster.Breakdown(expression, mode, HoleCost.Class).Bits;
        var holes = expression.Nodes().OfType<Hole>().ToArray();

        // The class breakdown charges each hole -log2 of its bounded mass (clamped at 0 in the normalised measure,
        // where that mass is at most 1 but for rounding), so the counted mass is 2^-classBits; the upper bound swaps
        // each hole's bounded mass for its bound.
        var log2Mass = -classBits;
        var upper = log2Mass;
        foreach (var hole in holes)
        {
            var bounded = table.Log2BoundedMass(hole.Type);
            upper += table.Log2MassUpperBound(hole.Type) - (counting ? bounded : Math.Min(0.0, bounded));
        }

        return new ClassMass(expression, mode, SizeBound, log2Mass, Math.Max(upper, log2Mass)) { Measure = measure };
    }

    /// <summary>The cheapest expression of a type, with its length in bits.</summary>
    /// <param name="type">The type.</param>
    /// <param name="mode">Pointer or inlined lengths.</param>
    /// <exception cref="ModelException">The type has no finite expression.</exception>
    public (Expression Expression, double Bits) Cheapest(ModelType type, CostMode mode = CostMode.Pointer)
    {
        var table = Table(mode, ClassMeasure.Normalised);
        var expression = table.CheapestExpression(type);
        return (expression, table.CheapestBits(type));
    }

    /// <summary>
    /// log2 of the total mass of expressions of <paramref name="type"/> with at most
    /// <see cref="SizeBound"/> nodes: what a hole of that type contributes to a class mass.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <param name="mode">Pointer or inlined lengths.</param>
    /// <param name="measure">The normalised or the counting measure.</param>
    public double Log2TypeMass(ModelType type, CostMode mode = CostMode.Pointer, ClassMeasure measure = ClassMeasure.Normalised) =>
        Table(mode, measure).Log2BoundedMass(type);

    private InsideTable Table(CostMode mode, ClassMeasure measure) => _tables[((int)measure * 2) + (int)mode].Value;
}
