using PredictiveModels.Scenarios;

namespace PredictiveModels.Complexity;

/// <summary>
/// The description length of one expression under one cost mode. Without holes, <see cref="Kmin"/>
/// is simply its length and there is no class. With holes, both the cheapest filling and the
/// class of all fillings are given, each with its breakdown.
/// </summary>
/// <param name="Mode">Pointer or inlined lengths.</param>
/// <param name="MinBreakdown">The breakdown with every hole filled by its cheapest filling.</param>
/// <param name="ClassBreakdown">The breakdown with every hole costing its class mass; null without holes.</param>
/// <param name="ClassMass">Details of the class mass; null without holes.</param>
public sealed record ExpressionCost(CostMode Mode, BitBreakdown MinBreakdown, BitBreakdown? ClassBreakdown, ClassMass? ClassMass)
{
    /// <summary>The breakdown of the class under the counting measure (<see cref="ClassMeasure.Counting"/>); null without holes. Its bits may be negative.</summary>
    public BitBreakdown? CountingBreakdown { get; init; }

    /// <summary>Details of the class mass under the counting measure; null without holes.</summary>
    public ClassMass? CountingClassMass { get; init; }

    /// <summary><c>-log2</c> of the counted class mass in bits (<see cref="ClassMeasure.Counting"/>); null without holes. Negative when the count exceeds 1.</summary>
    public double? KclassCounting => CountingBreakdown?.Bits;

    /// <summary>Bits of the cheapest filling (or of the expression itself, without holes); at least 0.</summary>
    public double Kmin => MinBreakdown.Bits;

    /// <summary><c>-log2</c> of the class mass in bits; null without holes. Never more than <see cref="Kmin"/>.</summary>
    public double? Kclass => ClassBreakdown?.Bits;

    /// <summary>The breakdown to use under <paramref name="holeCost"/>.</summary>
    /// <param name="holeCost">Class or min.</param>
    public BitBreakdown Breakdown(HoleCost holeCost) =>
        holeCost == HoleCost.Class && ClassBreakdown is not null ? ClassBreakdown : MinBreakdown;
}
