using PredictiveModels.Scenarios;

namespace PredictiveModels.Rendering;

/// <summary>The one wording, shared by the CLI, the report and the charts, of which cost a candidate's <c>K</c> gives its holes.</summary>
public static class CostNames
{
    /// <summary>
    /// <c>Kmin</c> (the cheapest filling), <c>Kclass</c> (the class mass in the normalised measure) or
    /// <c>Kclass under the counting measure</c>.
    /// </summary>
    /// <param name="holeCost">The hole cost of the analysis.</param>
    /// <param name="measure">The class measure of the analysis; it matters only when holes cost their class.</param>
    public static string Of(HoleCost holeCost, ClassMeasure measure) =>
        holeCost == HoleCost.Min ? "Kmin" : measure == ClassMeasure.Counting ? "Kclass under the counting measure" : "Kclass";
}
