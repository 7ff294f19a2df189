using System.Globalization;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>The settings of a scenario's analyses. Immutable; <see cref="Create"/> checks every value.</summary>
public sealed class AnalysisSettings
{
    private AnalysisSettings(HoleCost holeCost, int sizeBound)
    {
        HoleCost = holeCost;
        SizeBound = sizeBound;
    }

    /// <summary>The settings used when a scenario gives none: class cost for holes, size bound 12.</summary>
    public static AnalysisSettings Default { get; } = new(HoleCost.Class, DescriptionLengths.DefaultSizeBound);

    /// <summary>Which cost counts for structures with holes (both are always reported). Default <see cref="Complexity.HoleCost.Class"/>.</summary>
    public HoleCost HoleCost { get; }

    /// <summary>Largest number of nodes per hole filling counted in class masses: 1 to <see cref="DescriptionLengths.MaxSizeBound"/>. Default 12.</summary>
    public int SizeBound { get; }

    /// <summary>Creates settings.</summary>
    /// <param name="holeCost">Class or min.</param>
    /// <param name="sizeBound">1 to <see cref="DescriptionLengths.MaxSizeBound"/> nodes.</param>
    /// <exception cref="ModelException">A value is out of range.</exception>
    public static AnalysisSettings Create(HoleCost holeCost = HoleCost.Class, int sizeBound = DescriptionLengths.DefaultSizeBound)
    {
        if (sizeBound < 1 || sizeBound > DescriptionLengths.MaxSizeBound)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the size bound is {sizeBound}, but it must be between 1 and {DescriptionLengths.MaxSizeBound} nodes"),
                null,
                "analysis.sizeBound");
        }

        return new AnalysisSettings(holeCost, sizeBound);
    }
}
