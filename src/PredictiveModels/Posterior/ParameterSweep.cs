using System.Collections.Immutable;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Posterior;

/// <summary>
/// Sweeps one numeric parameter of a scenario over a range and evaluates the simplicity posterior
/// at each point. Parameters of the posterior itself (<c>a</c>, <c>lambda</c>, <c>n</c>) reuse one
/// set of scores; any other parameter rescores the scenario at each point.
/// </summary>
public static class ParameterSweep
{
    /// <summary>The largest number of points a sweep may have.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Runs a sweep.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="parameter">The parameter, resolved against <paramref name="scenario"/>.</param>
    /// <param name="from">First value.</param>
    /// <param name="to">Last value.</param>
    /// <param name="steps">Number of points, 1 to <see cref="MaxSteps"/>; with 1 only <paramref name="from"/> is evaluated.</param>
    /// <param name="scale">Linear or logarithmic spacing; logarithmic needs both ends greater than 0.</param>
    /// <param name="progress">Receives the number of points done, if given.</param>
    /// <param name="cancellation">Stops the sweep between points.</param>
    /// <exception cref="ModelException">An argument is out of range, a value is invalid for the parameter (checked at both ends before any work), or the parameter belongs to a training phase.</exception>
    public static SweepResult Run(
        Scenario scenario,
        ScenarioParameter parameter,
        double from,
        double to,
        int steps,
        SweepScale scale = SweepScale.Linear,
        IProgress<int>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.ChangesOnlyTraining)
        {
            var what = parameter.IsPhaseParameter ? "a parameter of a training phase" : "a setting of the training chain";
            throw new ModelException($"{parameter.Path} is {what}: it changes the training chain, not the posterior; sweep it with Dynamics.TrainingSweep", null, parameter.Path);
        }

        var values = Values(from, to, steps, scale);

        // Both ends are checked before any work, so an invalid range fails at once.
        parameter.Set(scenario, values[0]);
        parameter.Set(scenario, values[^1]);

        var fixedModel = parameter.ChangesScores ? null : PosteriorModel.From(StructureScorer.Score(scenario));
        var points = ImmutableArray.CreateBuilder<SweepPoint>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var changed = parameter.Set(scenario, values[i]);
            var model = fixedModel ?? PosteriorModel.From(StructureScorer.Score(changed));
            var s = changed.Analysis;
            var result = model.Evaluate(s.SimplicityExponent, s.SpeedWeight, s.DataSize, s.EliminationThreshold);
            points.Add(new SweepPoint(values[i], result.Classes, result.DeceptiveProbability, result.BitsUnderwater));
            progress?.Report(i + 1);
        }

        return new SweepResult(parameter.Path, parameter.Unit, scale, points.MoveToImmutable()) { Provenance = Provenance.Of(scenario) };
    }

    /// <summary>The values a sweep visits: <paramref name="steps"/> points from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">First value, finite.</param>
    /// <param name="to">Last value, finite.</param>
    /// <param name="steps">Number of points, 1 to <see cref="MaxSteps"/>.</param>
    /// <param name="scale">Linear or logarithmic spacing.</param>
    /// <exception cref="ModelException">An argument is out of range; the diagnostics carry the paths of <see cref="SweepRange"/>.</exception>
    public static double[] Values(double from, double to, int steps, SweepScale scale) => SweepRange.Values(from, to, steps, scale, MaxSteps);
}
