using ScottPlot;
using ScottPlot.TickGenerators;

namespace PredictiveModels.Rendering;

/// <summary>
/// How the charts put probabilities on a vertical axis. Linear from 0 to 1 unless the values span more than
/// <see cref="LinearDecades"/> decades, then logarithmic: the data are plotted as <c>log10 p</c> with ticks labelled
/// <c>1e-k</c>. A log axis reaches down to the decade below the smallest positive value, but at most
/// <see cref="MaxDecades"/> decades below 1; values below that floor, zero (and so never <c>log(0)</c>) and probabilities
/// that underflowed to 0 are drawn at the floor, which the axis label states.
/// </summary>
internal sealed class ProbabilityAxis
{
    /// <summary>The span in decades up to which the axis stays linear.</summary>
    public const double LinearDecades = 2;

    /// <summary>The deepest a log axis goes: 1e-30.</summary>
    public const int MaxDecades = 30;

    private ProbabilityAxis(bool logarithmic, int floorExponent)
    {
        Logarithmic = logarithmic;
        FloorExponent = floorExponent;
    }

    /// <summary>True for a log axis.</summary>
    public bool Logarithmic { get; }

    /// <summary>The log axis's floor is 10^FloorExponent (0 for a linear axis).</summary>
    public int FloorExponent { get; }

    /// <summary>The axis for these log10 probabilities (negative infinity for 0; NaN ignored).</summary>
    public static ProbabilityAxis ForLog10(IEnumerable<double> log10Values)
    {
        var values = log10Values.Where(v => !double.IsNaN(v)).Select(v => Math.Min(v, 0)).ToArray();
        var positive = values.Where(double.IsFinite).ToArray();
        if (positive.Length == 0)
        {
            return new ProbabilityAxis(false, 0);
        }

        var top = positive.Max();
        var bottom = values.Min();
        if (top - bottom <= LinearDecades)
        {
            return new ProbabilityAxis(false, 0);
        }

        var floor = (int)Math.Floor(positive.Min());
        var ceiling = (int)Math.Ceiling(top);
        floor = Math.Max(floor, -MaxDecades);
        if (floor >= ceiling)
        {
            floor = ceiling - 1;
        }

        return new ProbabilityAxis(true, floor);
    }

    /// <summary>The axis for these probabilities (0 to 1).</summary>
    public static ProbabilityAxis For(IEnumerable<double> probabilities) => ForLog10(probabilities.Select(Log10));

    /// <summary><c>log10 p</c> of a probability, negative infinity for 0 or below.</summary>
    public static double Log10(double p) => p > 0 ? Math.Log10(p) : double.NegativeInfinity;

    /// <summary>Where a probability goes on the plot.</summary>
    public double Position(double p) => PositionOfLog10(Log10(p), p);

    /// <summary>Where a probability given by its log10 (exact even when the probability underflows) goes on the plot.</summary>
    public double PositionOfLog10(double log10, double p) =>
        Logarithmic ? Math.Max(Math.Min(log10, 0), FloorExponent) : Math.Clamp(p, 0, 1);

    /// <summary>The bottom of the axis: where bars start.</summary>
    public double Bottom => Logarithmic ? FloorExponent : 0;

    /// <summary>The axis label for a quantity in probability, with the scale and the floor stated.</summary>
    public string Label(string quantity) => Logarithmic
        ? $"{quantity} (log scale; below 1e{FloorExponent} drawn at 1e{FloorExponent})"
        : $"{quantity} (probability)";

    /// <summary>Sets the axis's ticks and limits on a plot's vertical (or, with <paramref name="horizontal"/>, horizontal) axis.</summary>
    public void Apply(Plot plot, string quantity, bool horizontal = false)
    {
        var axis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        axis.Label.Text = Label(quantity);
        if (Logarithmic)
        {
            var step = Math.Max(1, (int)Math.Ceiling(-FloorExponent / 10.0));
            var ticks = new NumericManual();
            for (var e = 0; e >= FloorExponent; e -= step)
            {
                ticks.AddMajor(e, SvgRenderer.PowerOfTen(e));
            }

            axis.TickGenerator = ticks;
            axis.Min = FloorExponent - 0.02 * -FloorExponent;
            axis.Max = Math.Max(0.8, 0.08 * -FloorExponent);
            if (horizontal)
            {
                plot.Axes.SetLimitsX(axis.Min, axis.Max);
            }
            else
            {
                plot.Axes.SetLimitsY(axis.Min, axis.Max);
            }
        }
        else if (horizontal)
        {
            plot.Axes.SetLimitsX(0, 1.12);
        }
        else
        {
            plot.Axes.SetLimitsY(0, 1.12);
        }
    }
}
