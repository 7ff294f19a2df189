using PredictiveModels.Structures;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>Legend entries for charts whose plottables do not carry one per class (bars coloured by class).</summary>
internal static class Legend
{
    /// <summary>Adds one legend entry per class present, in the order of <see cref="OutcomeClass"/>.</summary>
    public static void AddClasses(Plot plot, IEnumerable<OutcomeClass> present)
    {
        var set = present.ToHashSet();
        foreach (var outcomeClass in OutcomeDistribution.Classes.Where(set.Contains))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = outcomeClass.ToString(),
                FillColor = OutcomePalette.Color(outcomeClass),
            });
        }
    }
}
