using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Analysis;

/// <summary>
/// What a belief propagation (<see cref="BeliefPropagation.Run"/>) found: a summary per measure, and the raw
/// evaluations it rests on. Immutable.
/// </summary>
/// <param name="Parameters">The beliefs that were sampled, in the scenario's order.</param>
/// <param name="Settings">The samples, seed, measures and sensitivity method.</param>
/// <param name="Measures">One summary per measure, in the order of <see cref="PropagationSettings.Measures"/> (the posterior first).</param>
/// <param name="Evaluations">Every base sample's draws and class probabilities.</param>
public sealed record BeliefPropagationResult(
    ImmutableArray<UncertainParameter> Parameters,
    PropagationSettings Settings,
    ImmutableArray<MeasureSummary> Measures,
    PropagationEvaluations Evaluations)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint and the seed of its draws. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null, Settings.Seed);

    /// <summary>The summary of the simplicity posterior (always measured).</summary>
    public MeasureSummary Posterior => Measures[0];

    /// <summary>The summary of one measure.</summary>
    /// <param name="measure">A measure of <see cref="Settings"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The measure was not measured (dynamics off).</exception>
    public MeasureSummary Of(PropagationMeasure measure) =>
        Measures.FirstOrDefault(m => m.Measure == measure) ?? throw new ArgumentOutOfRangeException(nameof(measure), measure, "was not measured; it needs dynamics");

    /// <summary>P(Deceptive) of each base sample (its row A) under a measure, by sample index.</summary>
    /// <param name="measure">A measure of <see cref="Settings"/>.</param>
    public ImmutableArray<double> DeceptiveSamples(PropagationMeasure measure = PropagationMeasure.Posterior)
    {
        _ = Of(measure);
        return [.. Enumerable.Range(0, Evaluations.Count).Select(i => Evaluations.Output(i, 0, measure, OutcomeClass.Deceptive))];
    }

    /// <summary>The value base sample <paramref name="sample"/> drew for parameter <paramref name="parameter"/>, in the parameter's unit.</summary>
    /// <param name="sample">0 to the number of samples - 1.</param>
    /// <param name="parameter">0 to the number of <see cref="Parameters"/> - 1.</param>
    public double Input(int sample, int parameter) => Evaluations.Input(sample, parameter);
}
