using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Sweeps one numeric parameter of a scenario and trains the chain through every phase at each
/// point (<see cref="TrainingDynamics.Train"/>): how the outcome under high path dependence, and
/// the last phase's equilibrium under low path dependence, move with the parameter. Typical use:
/// the fine-tuning duration (<c>phases.rl-fine-tuning.duration</c>), to see where claim 6's
/// ordering stops holding. Each point costs one full training run, seconds on the default
/// scenario, so a sweep has at most <see cref="MaxSteps"/> points. Absorption is not computed at the points.
/// </summary>
public static class TrainingSweep
{
    /// <summary>The largest number of points a training sweep may have.</summary>
    public const int MaxSteps = 1000;

    /// <summary>Runs a training sweep.</summary>
    /// <param name="scenario">The scenario; its phases and chain settings are used at every point.</param>
    /// <param name="parameter">The parameter, resolved against <paramref name="scenario"/>; any path of <see cref="ScenarioParameter.PathForms"/>.</param>
    /// <param name="from">First value, in the parameter's unit.</param>
    /// <param name="to">Last value, in the parameter's unit.</param>
    /// <param name="steps">Number of points, 1 to <see cref="MaxSteps"/>; with 1 only <paramref name="from"/> is trained.</param>
    /// <param name="scale">Linear or logarithmic spacing; logarithmic needs both ends greater than 0.</param>
    /// <param name="progress">Receives the fraction of the sweep done (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the sweep.</param>
    /// <exception cref="ModelException">
    /// An argument is out of range, a value is invalid for the parameter, or the chain at either end
    /// would be too large (all checked before any training).
    /// </exception>
    public static TrainingSweepResult Run(
        Scenario scenario,
        ScenarioParameter parameter,
        double from,
        double to,
        int steps,
        SweepScale scale = SweepScale.Linear,
        IProgress<double>? progress = null,
        CancellationToken cancellation = default)
    {
        var values = Check(scenario, parameter, from, to, steps, scale);

        // Points whose chains keep their layout (a belief that moves energies or rates, not goal lengths) share one
        // generator pattern per phase layout and pay only for the rates.
        var patterns = new ChainCache();
        var points = ImmutableArray.CreateBuilder<TrainingSweepPoint>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var changed = parameter.Set(scenario, values[i]);
            var done = i;
            var inner = progress is null ? null : new Fraction(f => progress.Report((done + f) / values.Length));
            var training = new TrainingResult(TrainingDynamics.Continue(changed, changed.Dynamics, TrainingState.Start, changed.Phases, inner, cancellation, absorption: false, relaxation: false, patterns).Phases);
            points.Add(new TrainingSweepPoint(values[i], training));
        }

        progress?.Report(1);
        return new TrainingSweepResult(parameter.Path, parameter.Unit, scale, points.MoveToImmutable()) { Provenance = Provenance.Of(scenario) };
    }

    /// <summary>
    /// Checks a training sweep before any training and returns its points: the range (<see cref="Values"/>), the
    /// parameter's values at both ends, and the size of every phase's chain at both ends. The chain's size grows
    /// monotonically with every parameter that changes it (finer goal steps, more world steps, more goal
    /// bits), so the larger end bounds every point between.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="parameter">The parameter, resolved against <paramref name="scenario"/>.</param>
    /// <param name="from">First value, in the parameter's unit.</param>
    /// <param name="to">Last value, in the parameter's unit.</param>
    /// <param name="steps">Number of points, 1 to <see cref="MaxSteps"/>.</param>
    /// <param name="scale">Linear or logarithmic spacing.</param>
    /// <returns>The values the sweep trains at.</returns>
    /// <exception cref="ModelException">Something is out of range; the diagnostic names the parameter (and the end) or the option.</exception>
    public static double[] Check(Scenario scenario, ScenarioParameter parameter, double from, double to, int steps, SweepScale scale)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameter);
        if (steps > MaxSteps)
        {
            throw new ModelException($"a training sweep has {steps} points; each trains the whole chain, so at most {MaxSteps} are allowed", null, SweepRange.StepsPath);
        }

        var values = Values(parameter, from, to, steps, scale);
        foreach (var value in new[] { values[0], values[^1] })
        {
            var end = parameter.Set(scenario, value);
            foreach (var phase in end.Phases)
            {
                try
                {
                    ConfigurationSpace.CheckSize(end, end.Dynamics, phase);
                }
                catch (ModelException e)
                {
                    throw new ModelException(e.Diagnostics.Select(d => d with { Message = $"at {parameter.Path} = {SpecificationRules.Format(value)} (an end of the sweep), phase '{phase.Name}': {d.Message}", Path = parameter.Path }));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// The points of a training sweep: <see cref="SweepRange.Values"/>, except that a parameter taking whole
    /// numbers (<see cref="ScenarioParameter.IsInteger"/>) needs whole-number ends, and its points between
    /// are rounded to the nearest whole number, repeats dropped.
    /// </summary>
    /// <param name="parameter">The parameter swept.</param>
    /// <param name="from">First value, in the parameter's unit.</param>
    /// <param name="to">Last value, in the parameter's unit.</param>
    /// <param name="steps">Number of points asked for, 1 to <see cref="MaxSteps"/>.</param>
    /// <param name="scale">Linear or logarithmic spacing.</param>
    /// <returns>The values, in sweep order; fewer than <paramref name="steps"/> when rounding made some equal.</returns>
    /// <exception cref="ModelException">The range is invalid, or an end of a whole-number parameter is not whole (with the path <see cref="SweepRange.FromPath"/> or <see cref="SweepRange.ToPath"/>).</exception>
    public static double[] Values(ScenarioParameter parameter, double from, double to, int steps, SweepScale scale)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var values = SweepRange.Values(from, to, steps, scale, MaxSteps);
        if (!parameter.IsInteger)
        {
            return values;
        }

        foreach (var (end, what, path) in new[] { (from, "first", SweepRange.FromPath), (to, "last", SweepRange.ToPath) })
        {
            if (double.IsFinite(end) && end != Math.Round(end))
            {
                throw new ModelException($"the sweep's {what} value is {SpecificationRules.Format(end)}, but {parameter.Path} takes whole numbers only; the points between the ends are rounded to whole numbers", null, path);
            }
        }

        return [.. values.Select(v => Math.Round(v)).Distinct()];
    }

    private sealed class Fraction(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
