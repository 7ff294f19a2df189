using PredictiveModels.Structures;

namespace PredictiveModels.Rendering;

/// <summary>
/// The one palette every chart uses: a fixed colour per outcome class (Okabe and Ito's colour-blind-safe set), so a
/// class has the same colour in every figure of a notebook or report, and the two colours of the two regimes.
/// </summary>
public static class OutcomePalette
{
    /// <summary>The colour of the high path dependence regime (the end of training): a dark blue, <c>#332288</c>.</summary>
    public const string HighPathDependence = "#332288";

    /// <summary>The colour of the low path dependence regime (the equilibrium, the simplicity posterior): a teal, <c>#44AA99</c>.</summary>
    public const string LowPathDependence = "#44AA99";

    /// <summary>The colour of an outcome class as a CSS hex string <c>#RRGGBB</c>.</summary>
    /// <param name="outcomeClass">The class.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not an outcome class.</exception>
    public static string Hex(OutcomeClass outcomeClass) => outcomeClass switch
    {
        OutcomeClass.Desired => "#009E73",
        OutcomeClass.AnthropicCapture => "#0072B2",
        OutcomeClass.Sycophantic => "#E69F00",
        OutcomeClass.Deceptive => "#D55E00",
        OutcomeClass.NonScalable => "#999999",
        _ => throw new ArgumentOutOfRangeException(nameof(outcomeClass), outcomeClass, "is no outcome class"),
    };

    /// <summary>The class's colour as ScottPlot's colour.</summary>
    internal static ScottPlot.Color Color(OutcomeClass outcomeClass) => ScottPlot.Color.FromHex(Hex(outcomeClass));
}
