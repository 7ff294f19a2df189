using System.Globalization;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// The points a sweep visits between two ends, shared by the posterior's sweeps and training
/// sweeps. A problem with the range is reported with one of the paths below (<see cref="FromPath"/>
/// and so on), which name the sweep's arguments rather than any front end's spelling of them; a
/// front end maps them to its own option names.
/// </summary>
public static class SweepRange
{
    /// <summary>The path of a diagnostic about the first value.</summary>
    public const string FromPath = "sweep.from";

    /// <summary>The path of a diagnostic about the last value.</summary>
    public const string ToPath = "sweep.to";

    /// <summary>The path of a diagnostic about the number of points.</summary>
    public const string StepsPath = "sweep.steps";

    /// <summary>The path of a diagnostic about the spacing (a logarithmic sweep with an end at or below 0).</summary>
    public const string ScalePath = "sweep.scale";

    /// <summary>
    /// The values a sweep visits: <paramref name="steps"/> points from <paramref name="from"/> to <paramref name="to"/>,
    /// both included and both exactly the values given.
    /// </summary>
    /// <param name="from">First value, finite.</param>
    /// <param name="to">Last value, finite.</param>
    /// <param name="steps">Number of points, 1 to <paramref name="maxSteps"/>; with 1 only <paramref name="from"/>.</param>
    /// <param name="scale">Linear or logarithmic spacing; logarithmic needs both ends greater than 0.</param>
    /// <param name="maxSteps">The largest number of points allowed, at least 1.</param>
    /// <exception cref="ModelException">An argument is out of range; every problem is reported, each with its path.</exception>
    public static double[] Values(double from, double to, int steps, SweepScale scale, int maxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var bag = new DiagnosticBag();
        if (!double.IsFinite(from))
        {
            bag.Add($"the sweep's first value is {SpecificationRules.Format(from)}; it must be a finite number", null, FromPath);
        }

        if (!double.IsFinite(to))
        {
            bag.Add($"the sweep's last value is {SpecificationRules.Format(to)}; it must be a finite number", null, ToPath);
        }

        if (steps < 1 || steps > maxSteps)
        {
            bag.Add(string.Create(CultureInfo.InvariantCulture, $"the number of steps is {steps}, but it must be between 1 and {maxSteps}"), null, StepsPath);
        }

        if (scale == SweepScale.Log && !(from > 0 && to > 0))
        {
            bag.Add($"a logarithmic sweep needs both ends greater than 0 (got {SpecificationRules.Format(from)} and {SpecificationRules.Format(to)})", null, ScalePath);
        }

        bag.ThrowIfAny();
        var values = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var t = steps == 1 ? 0.0 : (double)i / (steps - 1);

            // Decades, multiplied before dividing, so that a sweep from 1 to 10^12 in 13 steps visits exact powers of ten.
            values[i] = scale == SweepScale.Log
                ? Math.Pow(10, Math.Log10(from) + (steps == 1 ? 0.0 : i * (Math.Log10(to) - Math.Log10(from)) / (steps - 1)))
                : from + t * (to - from);
        }

        // Both ends are exactly the values asked for: 10^log10(x) need not give back x.
        values[0] = from;
        if (steps > 1)
        {
            values[^1] = to;
        }

        return values;
    }
}
