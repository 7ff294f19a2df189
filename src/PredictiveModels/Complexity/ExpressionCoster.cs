using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// Builds the bit breakdown of an expression under the world model's code: each node pays for
/// the selection of its head given the expected type (or, inlined, a concept's intrinsic bits),
/// literals add their Elias delta code, and holes cost their cheapest filling or their class
/// mass. The terms come from the world model (<see cref="WorldModel.SelectionBits"/>,
/// <see cref="WorldModel.LiteralSelectionBits"/>, <see cref="WorldModel.IntrinsicBits"/>) and
/// <see cref="EliasDelta"/>; the world model adds the same terms for its derived concepts'
/// intrinsic bits, and a test checks that the two sums agree.
/// </summary>
internal sealed class ExpressionCoster
{
    private readonly WorldModel _world;
    private readonly Func<CostMode, ClassMeasure, InsideTable>? _tables;
    /// <param name="world">The world model whose code is used.</param>
    /// <param name="tables">The inside tables by cost mode and class measure, for holes; null where holes cannot occur.</param>
    public ExpressionCoster(WorldModel world, Func<CostMode, ClassMeasure, InsideTable>? tables = null)
    {
        _world = world;
        _tables = tables;
    }

    public double Bits(Expression expression, CostMode mode) => Breakdown(expression, mode, HoleCost.Min).Bits;

    public BitBreakdown Breakdown(Expression expression, CostMode mode, HoleCost holeCost) =>
        Breakdown(expression, mode, holeCost, expandDerived: true, ClassMeasure.Normalised);

    /// <summary>
    /// The breakdown of an expression with holes as a class under the counting measure: every node is paid at its
    /// counting cost (<see cref="WorldModel.CountingSelectionBits"/>) and each hole at <c>-log2</c> of its counted mass,
    /// which may be negative. A derived concept carried inline still costs its intrinsic bits, which are its own.
    /// </summary>
    public BitBreakdown CountingBreakdown(Expression expression, CostMode mode) =>
        Breakdown(expression, mode, HoleCost.Class, expandDerived: true, ClassMeasure.Counting);

    /// <param name="expression">The expression to cost.</param>
    /// <param name="mode">Pointer or inlined lengths.</param>
    /// <param name="holeCost">How holes are costed.</param>
    /// <param name="expandDerived">
    /// Whether an inlined derived concept shows its definition's breakdown. Only the outermost level
    /// is expanded; deeper derived concepts are leaves carrying their (memoised) intrinsic bits, so the
    /// work stays linear in the size of the expression however deeply definitions nest.
    /// </param>
    /// <param name="measure">The code of the selections and the holes' class masses: the world model's own, or counting.</param>
    private BitBreakdown Breakdown(Expression expression, CostMode mode, HoleCost holeCost, bool expandDerived, ClassMeasure measure)
    {
        var counting = measure == ClassMeasure.Counting;
        switch (expression)
        {
            case NatLiteral literal:
                return BitBreakdown.Node(literal.ToString(),
                [
                    counting
                        ? BitBreakdown.Leaf("select a literal (Nat), at its own cost (counting)", _world.CountingLiteralSelectionBits)
                        : BitBreakdown.Leaf("select a literal (Nat)", _world.LiteralSelectionBits),
                    BitBreakdown.Leaf(string.Create(CultureInfo.InvariantCulture, $"Elias delta code of {literal.Value} + 1"), EliasDelta.NaturalLength(literal.Value)),
                ]);

            case Hole hole:
                return HoleBreakdown(hole, mode, holeCost, measure);

            case Application application:
                var symbol = _world.Find(application.Name)
                    ?? throw new ModelException($"unknown concept '{application.Name}'", application.Location);
                var head = HeadBreakdown(symbol, mode, expandDerived, measure);
                if (application.Arguments.IsEmpty)
                {
                    return head;
                }

                return BitBreakdown.Node(application.ToString(),
                    application.Arguments.Select(a => Breakdown(a, mode, holeCost, expandDerived, measure)).Prepend(head));

            default:
                throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression));
        }
    }

    private BitBreakdown HeadBreakdown(Symbol symbol, CostMode mode, bool expandDerived, ClassMeasure measure)
    {
        if (measure == ClassMeasure.Counting && (mode == CostMode.Pointer || symbol is not Concept))
        {
            var what = symbol is BuiltIn ? "select built-in" : "point to";
            return BitBreakdown.Leaf($"{what} '{symbol.Name}' ({symbol.ResultType}), at its own cost (counting)", _world.CountingSelectionBits(symbol));
        }

        var alternatives = _world.Alternatives(symbol.ResultType).Length + (symbol.ResultType == ModelType.Nat ? 1 : 0);
        var pointer = BitBreakdown.Leaf(
            string.Create(CultureInfo.InvariantCulture, $"point to '{symbol.Name}' among {alternatives} {symbol.ResultType} alternatives"),
            _world.SelectionBits(symbol));

        if (mode == CostMode.Pointer || symbol is not Concept concept)
        {
            return symbol is BuiltIn
                ? BitBreakdown.Leaf(string.Create(CultureInfo.InvariantCulture, $"select built-in '{symbol.Name}' among {alternatives} {symbol.ResultType} alternatives"), _world.SelectionBits(symbol))
                : pointer;
        }

        if (concept.Definition is { } definition)
        {
            return expandDerived
                ? BitBreakdown.Node($"carry '{concept.Name}' inline = {definition}", [Breakdown(definition, CostMode.Inlined, HoleCost.Min, expandDerived: false, ClassMeasure.Normalised)])
                : BitBreakdown.Leaf($"carry '{concept.Name}' inline (derived: its inlined definition)", _world.IntrinsicBits(concept));
        }

        return BitBreakdown.Leaf($"carry '{concept.Name}' inline (its intrinsic bits)", concept.Bits!.Value);
    }

    private BitBreakdown HoleBreakdown(Hole hole, CostMode mode, HoleCost holeCost, ClassMeasure measure)
    {
        if (_tables is null)
        {
            throw new ModelException($"the hole '?{hole.Name}' has no cost here: holes are not allowed in this position", hole.Location);
        }

        var table = _tables(mode, ClassMeasure.Normalised);
        // Checked before either cost so that the message names the hole and its location (Kmin is computed first).
        if (double.IsPositiveInfinity(table.CheapestBits(hole.Type)))
        {
            throw new ModelException($"no finite expression of type {hole.Type} exists in this world model, so the hole '?{hole.Name}' cannot be filled", hole.Location);
        }

        if (holeCost == HoleCost.Min)
        {
            var filling = table.CheapestExpression(hole.Type);
            return BitBreakdown.Node($"?{hole.Name}: {hole.Type}, cheapest filling {filling}", [Breakdown(filling, mode, HoleCost.Min)]);
        }

        var cheapestSize = table.CheapestSize(hole.Type);
        if (cheapestSize > table.SizeBound)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the size bound {table.SizeBound} is smaller than the {cheapestSize} nodes of the cheapest filling of '?{hole.Name}: {hole.Type}'; raise analysis.sizeBound to at least {cheapestSize}"),
                hole.Location);
        }

        if (measure == ClassMeasure.Counting)
        {
            return BitBreakdown.ClassCount(
                string.Create(CultureInfo.InvariantCulture, $"?{hole.Name}: {hole.Type}, counted mass of all fillings of up to {table.SizeBound} nodes, each at its own cost (counting)"),
                -_tables(mode, ClassMeasure.Counting).Log2BoundedMass(hole.Type));
        }

        return BitBreakdown.Leaf(
            string.Create(CultureInfo.InvariantCulture, $"?{hole.Name}: {hole.Type}, class mass of all fillings of up to {table.SizeBound} nodes"),
            Math.Max(0.0, -table.Log2BoundedMass(hole.Type)));
    }
}
