using System.Globalization;

namespace PredictiveModels.Dynamics;

/// <summary>
/// When simulated trajectories first reach a set of configurations (first awareness, first long
/// horizon, first deceptive configuration) within a window of training time, 0 to <c>tau</c>
/// (<see cref="SimulationResult"/> says whether the window starts at the start of training or of a
/// phase). Times are in units of training time from the window's start; they describe only the
/// trajectories that got there within the window, so they are conditional on <see cref="Reached"/>
/// and are NaN when no trajectory did.
/// </summary>
public sealed record FirstPassage
{
    internal FirstPassage(ProportionEstimate reached, double meanTime, double meanTimeStandardError, double meanTimeLower, double meanTimeUpper, double medianTime)
    {
        Reached = reached;
        MeanTime = meanTime;
        MeanTimeStandardError = meanTimeStandardError;
        MeanTimeLower = meanTimeLower;
        MeanTimeUpper = meanTimeUpper;
        MedianTime = medianTime;
    }

    /// <summary>The fraction of all trajectories that reached the set within the window (an estimate of the probability of getting there in it).</summary>
    public ProportionEstimate Reached { get; }

    /// <summary>Mean first-passage time among the trajectories that got there, 0 to <c>tau</c>; NaN when none did.</summary>
    public double MeanTime { get; }

    /// <summary>The standard error of <see cref="MeanTime"/> (sample standard deviation over the square root of the count), at least 0; NaN when fewer than two trajectories got there.</summary>
    public double MeanTimeStandardError { get; }

    /// <summary>The lower end of a 95% normal-approximation interval for <see cref="MeanTime"/>, clipped to [0, <c>tau</c>]; NaN when fewer than two trajectories got there.</summary>
    public double MeanTimeLower { get; }

    /// <summary>The upper end of a 95% normal-approximation interval for <see cref="MeanTime"/>, clipped to [0, <c>tau</c>]; NaN when fewer than two trajectories got there.</summary>
    public double MeanTimeUpper { get; }

    /// <summary>Median first-passage time among the trajectories that got there (the mean of the two middle ones for an even count), 0 to <c>tau</c>; NaN when none did.</summary>
    public double MedianTime { get; }

    /// <summary>Summarises the passage, e.g. <c>reached 0.31 [0.30, 0.32]; mean 41.2 [40.7, 41.7], median 39.9</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"reached {Reached}; mean {MeanTime:G4} [{MeanTimeLower:G4}, {MeanTimeUpper:G4}], median {MedianTime:G4}");

    /// <summary>Summarises first-passage times, <see cref="double.PositiveInfinity"/> meaning "not in the window [0, tau]", in index order (so the sums, and the result, never depend on threads).</summary>
    internal static FirstPassage FromTimes(ReadOnlySpan<double> times, double tau)
    {
        var reached = new List<double>();
        var sum = 0.0;
        foreach (var t in times)
        {
            if (t <= tau)
            {
                reached.Add(t);
                sum += t;
            }
        }

        var m = reached.Count;
        var estimate = new ProportionEstimate(m, times.Length);
        if (m == 0)
        {
            return new FirstPassage(estimate, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = sum / m;
        var error = double.NaN;
        var lower = double.NaN;
        var upper = double.NaN;
        if (m >= 2)
        {
            var squares = 0.0;
            foreach (var t in reached)
            {
                squares += (t - mean) * (t - mean);
            }

            error = Math.Sqrt(squares / (m - 1) / m);
            lower = Math.Clamp(mean - (ProportionEstimate.Z95 * error), 0, tau);
            upper = Math.Clamp(mean + (ProportionEstimate.Z95 * error), 0, tau);
        }

        reached.Sort();
        var median = (m & 1) == 1 ? reached[m / 2] : 0.5 * (reached[(m / 2) - 1] + reached[m / 2]);
        return new FirstPassage(estimate, mean, error, lower, upper, median);
    }
}
