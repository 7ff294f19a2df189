using System.Collections.Immutable;
using MathNet.Numerics.Statistics;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Analysis;

/// <summary>
/// Carries a scenario's beliefs (<see cref="Scenario.UncertainParameters"/>) through the simplicity posterior (and, with
/// dynamics, through training) by Monte Carlo.
/// <para>
/// Base sample i draws every belief once by inverse-CDF sampling: belief j takes the quantile of
/// <see cref="CounterStream.Uniform"/>(seed, i, j). For Sobol indices the sample also draws a second, independent row
/// B (uniforms (seed, i, d + j) for d beliefs) and is evaluated at A, at B and at A with each belief in turn taken from
/// B (Saltelli's design). Sample i's draws therefore depend only on the seed and i, and each evaluation lands by its
/// index, so the result is the same for any number of threads and any split into shards
/// (<see cref="Evaluate"/> a range, <see cref="PropagationEvaluations.Concatenate"/>, <see cref="Summarise"/>).
/// </para>
/// </summary>
public static class BeliefPropagation
{
    /// <summary>The most class probabilities a propagation keeps (8 bytes each): base samples × evaluations per sample × measures × classes.</summary>
    public const long MaxOutputs = 100_000_000;

    /// <summary>Propagates the scenario's beliefs: evaluates every base sample and summarises.</summary>
    /// <param name="scenario">A scenario that states at least one belief.</param>
    /// <param name="settings">Samples, seed, measures and sensitivity method.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use: at least 1, or -1 for one per processor. The result does not depend on it.</param>
    /// <param name="progress">Receives the fraction of evaluations done (0 to 1), if given; may be called from several threads.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of threads is out of range.</exception>
    /// <exception cref="ModelException">The scenario states no belief, a belief cannot be varied, the run would be too large, or a chain would not fit in memory (the message says which).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static BeliefPropagationResult Run(Scenario scenario, PropagationSettings settings, int maxDegreeOfParallelism = -1, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var evaluations = Evaluate(scenario, settings, 0, settings.Samples, maxDegreeOfParallelism, progress, cancellation);
        return Summarise(scenario.UncertainParameters, settings, evaluations) with { Provenance = Provenance.Of(scenario, settings.Seed) };
    }

    /// <summary>
    /// The base samples one shard of a propagation computes: shard <paramref name="index"/> of <paramref name="shards"/>
    /// takes the consecutive samples from floor((index - 1) N / shards) up to floor(index N / shards), so the shards
    /// cover every sample once.
    /// </summary>
    /// <param name="samples">Base samples N, at least 1.</param>
    /// <param name="index">The shard, 1 to <paramref name="shards"/>.</param>
    /// <param name="shards">The number of shards, 1 to N.</param>
    /// <returns>The first sample and the number of samples (at least 1).</returns>
    public static (int First, int Count) Shard(int samples, int index, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shards, samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, shards);
        var first = (int)((long)(index - 1) * samples / shards);
        var end = (int)((long)index * samples / shards);
        return (first, end - first);
    }

    /// <summary>
    /// Evaluates a run of consecutive base samples: every evaluation of each sample's design under every measure. The
    /// numbers are those the whole propagation computes for these samples, to the bit.
    /// </summary>
    /// <param name="scenario">A scenario that states at least one belief.</param>
    /// <param name="settings">Samples, seed, measures and sensitivity method.</param>
    /// <param name="firstSample">The first base sample, 0 to N - 1.</param>
    /// <param name="count">How many, at least 1, ending at or before N.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use: at least 1, or -1 for one per processor. The result does not depend on it.</param>
    /// <param name="progress">Receives the fraction of evaluations done (0 to 1), if given; may be called from several threads.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range or the number of threads is out of range.</exception>
    /// <exception cref="ModelException">As for <see cref="Run"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static PropagationEvaluations Evaluate(Scenario scenario, PropagationSettings settings, int firstSample, int count, int maxDegreeOfParallelism = -1, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, settings.Samples - firstSample);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be at least 1, or -1 for one per processor");
        }

        var design = PropagationDesign.Of(scenario, settings);
        var d = design.Dimensions;
        var perSample = design.EvaluationsPerSample;
        var measures = settings.Measures;
        var classCount = OutcomeDistribution.Classes.Length;
        var rowWidth = measures.Length * classCount;
        var total = (long)settings.Samples * perSample * rowWidth;
        if (total > MaxOutputs)
        {
            throw new ModelException($"{settings.Samples:N0} samples of {d} belief{(d == 1 ? "" : "s")} with {perSample} evaluation{(perSample == 1 ? "" : "s")} each and {measures.Length} measure{(measures.Length == 1 ? "" : "s")} would keep {total:N0} probabilities, more than the {MaxOutputs:N0} a propagation holds; take fewer samples, or rank correlations instead of Sobol indices");
        }

        var degree = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        if (settings.Dynamics)
        {
            degree = CheckChains(scenario, design, firstSample, count, degree, cancellation);
        }

        var inputs = new double[count * d];
        var outputs = new double[(long)count * perSample * rowWidth];
        var patterns = settings.Dynamics ? new ChainCache() : null;
        var evaluator = PosteriorEvaluator.For(scenario, [.. scenario.UncertainParameters.Select(u => u.Path)]);
        var done = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellation };

        // One work item per base sample: its rows A and B are drawn once and its d + 2 evaluations made in order. Each
        // item writes only its own slots, so the result does not depend on the threads. The posterior comes from a
        // worker per thread that rescores incrementally (bit for bit the full computation).
        Parallel.For(
            0,
            count,
            options,
            () => (Worker: evaluator.CreateWorker(), A: new double[d], B: new double[d], Values: new double[d], Classes: new double[classCount]),
            (local, _, buffers) =>
            {
                var sample = firstSample + local;
                design.Draw(sample, buffers.A, buffers.B);
                buffers.A.CopyTo(inputs.AsSpan(local * d, d));
                for (var evaluation = 0; evaluation < perSample; evaluation++)
                {
                    SaltelliDesign.WriteRow(buffers.A, buffers.B, evaluation, buffers.Values);
                    var slot = outputs.AsSpan((int)((((long)local * perSample) + evaluation) * rowWidth), rowWidth);
                    buffers.Worker.Evaluate(buffers.Values, buffers.Classes);
                    Store(buffers.Classes, slot[..classCount]);
                    if (settings.Dynamics)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        var changed = design.Apply(buffers.Values);
                        var state = TrainingDynamics.Continue(changed, changed.Dynamics, TrainingState.Start, changed.Phases, null, cancellation, absorption: false, relaxation: false, patterns);
                        var training = new TrainingResult(state.Phases);
                        Store(training.Transient.Probabilities.AsSpan(), slot.Slice(classCount, classCount));
                        Store(training.Equilibrium.Probabilities.AsSpan(), slot.Slice(2 * classCount, classCount));
                        progress?.Report(Interlocked.Increment(ref done) / ((double)count * perSample));
                    }
                }

                if (!settings.Dynamics && progress is not null)
                {
                    var finished = Interlocked.Add(ref done, perSample);
                    if (finished % 1024 < perSample || finished == (long)count * perSample)
                    {
                        progress.Report(finished / ((double)count * perSample));
                    }
                }

                return buffers;
            },
            _ => { });

        return new PropagationEvaluations(firstSample, count, d, perSample, measures, [.. inputs], [.. outputs]);
    }

    /// <summary>
    /// Summarises a whole propagation's evaluations: for every measure, P(Deceptive) and each class over the base
    /// samples (the rows A), each belief's rank correlation with P(Deceptive), and with a Saltelli design the Sobol
    /// indices. Deterministic: the same evaluations give the same summary to the bit.
    /// </summary>
    /// <param name="parameters">The beliefs, in the order the evaluations hold them.</param>
    /// <param name="settings">The settings the evaluations were made with.</param>
    /// <param name="evaluations">Every base sample's evaluations, from sample 0 (the shards joined).</param>
    /// <exception cref="ArgumentException">The evaluations do not cover the settings' samples or do not fit the parameters and settings.</exception>
    public static BeliefPropagationResult Summarise(ImmutableArray<UncertainParameter> parameters, PropagationSettings settings, PropagationEvaluations evaluations)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(evaluations);
        if (parameters.IsDefaultOrEmpty || parameters.Length != evaluations.Dimensions)
        {
            throw new ArgumentException($"the evaluations hold {evaluations.Dimensions} beliefs, the parameters {(parameters.IsDefault ? 0 : parameters.Length)}", nameof(parameters));
        }

        if (evaluations.FirstSample != 0 || evaluations.Count != settings.Samples)
        {
            throw new ArgumentException($"the evaluations hold samples {evaluations.FirstSample} to {evaluations.FirstSample + evaluations.Count - 1}, the settings 0 to {settings.Samples - 1}", nameof(evaluations));
        }

        if (evaluations.EvaluationsPerSample != settings.EvaluationsPerSample(parameters.Length) || !evaluations.Measures.SequenceEqual(settings.Measures))
        {
            throw new ArgumentException("the evaluations were made with other settings (sensitivity method or measures)", nameof(evaluations));
        }

        var n = evaluations.Count;
        var d = evaluations.Dimensions;
        var columns = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Select(i => evaluations.Inputs[(i * d) + j]).ToArray()).ToArray();

        // Spearman's correlation is Pearson's of the ranks (MathNet's own definition, ties averaged): each column is
        // ranked once, not once per pair.
        var inputRanks = columns.Select(c => IsConstant(c) ? null : Statistics.Ranks(c)).ToArray();
        var classCount = OutcomeDistribution.Classes.Length;
        var deceptive = OutcomeDistribution.Classes.IndexOf(OutcomeClass.Deceptive);
        var summaries = ImmutableArray.CreateBuilder<MeasureSummary>(evaluations.Measures.Length);
        for (var m = 0; m < evaluations.Measures.Length; m++)
        {
            double[] Column(int evaluation, int outcome) =>
                [.. Enumerable.Range(0, n).Select(i => evaluations.Outputs[evaluations.Index(i, evaluation, m, outcome)])];

            var headline = Column(0, deceptive);
            var classes = Enumerable.Range(0, classCount).Select(c => SampleSummary.Of(Column(0, c))).ToImmutableArray();
            var headlineRanks = IsConstant(headline) ? null : Statistics.Ranks(headline);
            var correlations = inputRanks.Select(x => x is null || headlineRanks is null ? double.NaN : Correlation.Pearson(x, headlineRanks)).ToImmutableArray();
            SobolEstimate? sobol = null;
            if (settings.Sensitivity == SensitivityMethod.Sobol)
            {
                var mixed = new double[n * d];
                for (var i = 0; i < n; i++)
                {
                    for (var k = 0; k < d; k++)
                    {
                        mixed[(i * d) + k] = evaluations.Outputs[evaluations.Index(i, 2 + k, m, deceptive)];
                    }
                }

                sobol = SobolIndices.Estimate(headline, Column(1, deceptive), mixed, d, settings.BootstrapResamples, settings.Seed);
            }

            summaries.Add(new MeasureSummary(evaluations.Measures[m], SampleSummary.Of(headline), classes, correlations, sobol));
        }

        return new BeliefPropagationResult(parameters, settings, summaries.MoveToImmutable(), evaluations);
    }

    /// <summary>
    /// Checks every chain the run will train against the machine's memory shared among the threads, before any
    /// training; with too little memory for one chain per thread it trains one sample at a time.
    /// </summary>
    /// <returns>The number of trainings that may run at once.</returns>
    private static int CheckChains(Scenario scenario, PropagationDesign design, int firstSample, int count, int degree, CancellationToken cancellation)
    {
        var available = ChainBudget.AvailableBytes();
        var values = new double[design.Dimensions];
        for (var attempt = degree; ; attempt = 1)
        {
            try
            {
                ChainBudget.Check(scenario, available / attempt, relaxation: false);
                for (var i = firstSample; i < firstSample + count; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    for (var e = 0; e < design.EvaluationsPerSample; e++)
                    {
                        design.Values(i, e, values);
                        ChainBudget.Check(design.Apply(values), available / attempt, relaxation: false);
                    }
                }

                return attempt;
            }
            catch (ModelException) when (attempt > 1)
            {
                // Try again with the whole memory for one training at a time.
            }
        }
    }

    /// <summary>Copies a distribution's class probabilities, clipped to [0, 1] (a solver may leave a few units in the last place outside).</summary>
    private static void Store(ReadOnlySpan<double> probabilities, Span<double> slot)
    {
        for (var c = 0; c < slot.Length; c++)
        {
            slot[c] = Math.Clamp(probabilities[c], 0, 1);
        }
    }

    private static bool IsConstant(double[] values) => values.All(v => v == values[0]);
}
