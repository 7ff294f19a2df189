using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Complexity;

/// <summary>
/// The class mass of an expression with holes: <c>M(e) = sum over fillings f of 2^-L(e[f])</c>,
/// counted exactly over every filling of at most <see cref="SizeBound"/> nodes per hole, with an
/// upper bound on the mass of the fillings the bound left out.
/// </summary>
/// <param name="Expression">The expression measured.</param>
/// <param name="Mode">Pointer (<c>Lptr</c>) or inlined (<c>Linl</c>) lengths.</param>
/// <param name="SizeBound">The largest number of nodes per hole filling that was counted (at least 1).</param>
/// <param name="Log2Mass">log2 of the counted (truncated) mass; at most 0 in the normalised measure, unbounded above in the counting one.</param>
/// <param name="Log2MassUpperBound">log2 of an upper bound on the full mass, at least <paramref name="Log2Mass"/>; +infinity when no bound is known.</param>
public sealed record ClassMass(Expression Expression, CostMode Mode, int SizeBound, double Log2Mass, double Log2MassUpperBound)
{
    /// <summary>The measure the mass was taken in; <see cref="ClassMeasure.Normalised"/> unless set.</summary>
    public ClassMeasure Measure { get; init; } = ClassMeasure.Normalised;

    /// <summary><c>Kclass = -log2 M</c> in bits, from the counted mass: an upper bound on the exact value.</summary>
    public double Kclass => -Log2Mass;

    /// <summary>A lower bound on the exact <c>Kclass</c> in bits (from the mass upper bound); -infinity when no bound is known.</summary>
    public double KclassLowerBound => -Log2MassUpperBound;

    /// <summary>An upper bound on the mass the size bound left out (a probability, at least 0).</summary>
    public double LeftOutUpperBound => double.IsPositiveInfinity(Log2MassUpperBound)
        ? double.PositiveInfinity
        : Math.Max(0.0, double.Exp2(Log2MassUpperBound) - double.Exp2(Log2Mass));
}
