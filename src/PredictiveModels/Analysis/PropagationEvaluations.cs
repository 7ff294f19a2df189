using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Analysis;

/// <summary>
/// The raw evaluations of a run of consecutive base samples of a belief propagation: what each sample drew and every
/// outcome class's probability under every measure, at every evaluation of the sample's design (one for rank
/// correlations; A, B and A with each column in turn from B for Sobol indices). A shard of a propagation computes one
/// such run; <see cref="Concatenate"/> joins the shards and <see cref="BeliefPropagation.Summarise"/> reads the whole.
/// Immutable.
/// </summary>
public sealed record PropagationEvaluations
{
    /// <summary>Creates the evaluations of base samples <paramref name="firstSample"/> onwards, checking that the arrays fit the shape.</summary>
    /// <param name="firstSample">The index of the first base sample, at least 0.</param>
    /// <param name="count">The number of base samples, at least 1.</param>
    /// <param name="dimensions">The number of beliefs d, at least 1.</param>
    /// <param name="evaluationsPerSample">Evaluations per base sample: 1, or d + 2.</param>
    /// <param name="measures">The measures recorded, in order.</param>
    /// <param name="inputs">Each base sample's draws (its design's row A), row-major: count × d values.</param>
    /// <param name="outputs">Class probabilities, row-major over (sample, evaluation, measure, class): count × evaluations × measures × classes values, each 0 to 1.</param>
    /// <exception cref="ArgumentException">A size does not fit, or an output is not a probability.</exception>
    public PropagationEvaluations(long firstSample, int count, int dimensions, int evaluationsPerSample, ImmutableArray<PropagationMeasure> measures, ImmutableArray<double> inputs, ImmutableArray<double> outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (evaluationsPerSample != 1 && evaluationsPerSample != dimensions + 2)
        {
            throw new ArgumentException($"{evaluationsPerSample} evaluations per sample fits no design for {dimensions} beliefs (1 or {dimensions + 2})", nameof(evaluationsPerSample));
        }

        if (measures.IsDefaultOrEmpty || measures[0] != PropagationMeasure.Posterior)
        {
            throw new ArgumentException("the measures start with the posterior", nameof(measures));
        }

        if (inputs.Length != (long)count * dimensions)
        {
            throw new ArgumentException($"{inputs.Length} inputs where {count} samples of {dimensions} beliefs need {(long)count * dimensions}", nameof(inputs));
        }

        var expected = (long)count * evaluationsPerSample * measures.Length * OutcomeDistribution.Classes.Length;
        if (outputs.Length != expected)
        {
            throw new ArgumentException($"{outputs.Length} outputs where the shape needs {expected}", nameof(outputs));
        }

        if (outputs.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException("an output is not a probability from 0 to 1", nameof(outputs));
        }

        FirstSample = firstSample;
        Count = count;
        Dimensions = dimensions;
        EvaluationsPerSample = evaluationsPerSample;
        Measures = measures;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The index of the first base sample.</summary>
    public long FirstSample { get; }

    /// <summary>The number of base samples.</summary>
    public int Count { get; }

    /// <summary>The number of beliefs d.</summary>
    public int Dimensions { get; }

    /// <summary>Evaluations per base sample: 1 (rank correlations) or d + 2 (Sobol indices).</summary>
    public int EvaluationsPerSample { get; }

    /// <summary>The measures recorded, in order; the posterior first.</summary>
    public ImmutableArray<PropagationMeasure> Measures { get; }

    /// <summary>Each base sample's draws, row-major (count × d), in each belief's unit.</summary>
    public ImmutableArray<double> Inputs { get; }

    /// <summary>Class probabilities, row-major over (sample, evaluation, measure, class).</summary>
    public ImmutableArray<double> Outputs { get; }

    /// <summary>The value base sample <paramref name="sample"/> (counted within this run, from 0) drew for belief <paramref name="belief"/>.</summary>
    /// <param name="sample">0 to <see cref="Count"/> - 1.</param>
    /// <param name="belief">0 to <see cref="Dimensions"/> - 1.</param>
    public double Input(int sample, int belief)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(belief);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(belief, Dimensions);
        return Inputs[(sample * Dimensions) + belief];
    }

    /// <summary>A class's probability at one evaluation of one base sample (counted within this run) under one measure, 0 to 1.</summary>
    /// <param name="sample">0 to <see cref="Count"/> - 1.</param>
    /// <param name="evaluation">0 to <see cref="EvaluationsPerSample"/> - 1: 0 is the row A (the sample's draws), 1 the row B, 2 + k the row A with belief k from B.</param>
    /// <param name="measure">One of <see cref="Measures"/>.</param>
    /// <param name="outcome">The class.</param>
    public double Output(int sample, int evaluation, PropagationMeasure measure, OutcomeClass outcome)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(evaluation);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(evaluation, EvaluationsPerSample);
        var m = Measures.IndexOf(measure);
        if (m < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(measure), measure, "was not measured");
        }

        var c = OutcomeDistribution.Classes.IndexOf(outcome);
        return Outputs[Index(sample, evaluation, m, c)];
    }

    /// <summary>Joins runs of consecutive base samples, in order, into one run (the shards of a propagation into the whole).</summary>
    /// <param name="parts">At least one run; each starts where the one before ends, and all have the same shape.</param>
    /// <exception cref="ArgumentException">The runs leave a gap, overlap or differ in shape.</exception>
    public static PropagationEvaluations Concatenate(IReadOnlyList<PropagationEvaluations> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("there is nothing to join", nameof(parts));
        }

        var first = parts[0];
        var next = first.FirstSample;
        var count = 0L;
        foreach (var part in parts)
        {
            if (part.Dimensions != first.Dimensions || part.EvaluationsPerSample != first.EvaluationsPerSample || !part.Measures.SequenceEqual(first.Measures))
            {
                throw new ArgumentException($"the run from sample {part.FirstSample} has another shape than the run from sample {first.FirstSample}", nameof(parts));
            }

            if (part.FirstSample != next)
            {
                throw new ArgumentException(part.FirstSample > next
                    ? $"samples {next} to {part.FirstSample - 1} are missing"
                    : $"samples {part.FirstSample} to {next - 1} are there twice", nameof(parts));
            }

            next += part.Count;
            count += part.Count;
        }

        if (count > PropagationSettings.MaxSamples)
        {
            throw new ArgumentException($"{count} samples are more than the {PropagationSettings.MaxSamples} a propagation takes", nameof(parts));
        }

        return new PropagationEvaluations(
            first.FirstSample,
            (int)count,
            first.Dimensions,
            first.EvaluationsPerSample,
            first.Measures,
            [.. parts.SelectMany(p => p.Inputs)],
            [.. parts.SelectMany(p => p.Outputs)]);
    }

    /// <summary>The position in <see cref="Outputs"/> of one class's probability.</summary>
    internal int Index(int sample, int evaluation, int measure, int outcome) =>
        (((((sample * EvaluationsPerSample) + evaluation) * Measures.Length) + measure) * OutcomeDistribution.Classes.Length) + outcome;
}
