using System.Runtime.ExceptionServices;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Analysis;

/// <summary>
/// The analysis the <c>run</c> command reports, as one call: scores, the simplicity posterior under both hole
/// costs, training with its discretisation estimates, and every lever. Front ends (the command-line tool, a
/// notebook) call it and only render the result.
/// </summary>
public static class ScenarioAnalysis
{
    /// <summary>Runs the whole analysis of a scenario.</summary>
    /// <param name="scenario">The scenario; its chains are checked against <see cref="ChainBudget"/> first.</param>
    /// <param name="levers">The levers to pull, one at a time; <see cref="Lever.Standard"/> when null.</param>
    /// <param name="relaxation">Whether the baseline's relaxation time and the time its equilibrium is reached are computed (most of the cost on the default scenario); the levers never compute them.</param>
    /// <param name="maxDegreeOfParallelism">How many levers train at once: at least 1, or -1 for one per processor. Fewer are used when the machine's memory would not hold that many chains. The result does not depend on it.</param>
    /// <param name="progress">Receives the fraction of the trainings done (0 to 1), if given; with several levers at once it may be called from several threads.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <returns>The result, with the levers in the order given.</returns>
    /// <exception cref="Diagnostics.ModelException">A chain is too large for its limits or for the machine's memory, or a solver cannot meet its tolerance.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static AnalysisResult Run(
        Scenario scenario,
        IReadOnlyList<Lever>? levers = null,
        bool relaxation = true,
        int maxDegreeOfParallelism = -1,
        IProgress<double>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "must be at least 1, or -1 for one per processor");
        }

        var pulled = levers is null ? Lever.Standard : [.. levers];
        ChainBudget.Check(scenario);
        var scores = StructureScorer.Score(scenario);
        var posterior = SimplicityPosterior.Compute(scores, scenario.Analysis);
        var otherCost = scenario.Analysis.HoleCost == HoleCost.Class ? HoleCost.Min : HoleCost.Class;
        var other = SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(holeCost: otherCost)));

        // One unit of progress per training: the baseline and each lever (each with its coarser grid).
        var units = 1.0 + pulled.Length;
        var done = 0;
        var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, null, cancellation, relaxation: relaxation);
        var grid = Discretisation.Estimate(scenario, scenario.Dynamics, training, null, cancellation);
        progress?.Report(Interlocked.Increment(ref done) / units);

        var outcomes = new LeverOutcome[pulled.Length];
        var failures = new ExceptionDispatchInfo?[pulled.Length];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Degree(scenario, maxDegreeOfParallelism, pulled.Length),
            CancellationToken = cancellation,
        };

        // Each lever is trained on its own and its outcome lands by index, so the result does not depend on the
        // order of completion or the number of threads.
        Parallel.For(0, pulled.Length, options, i =>
        {
            try
            {
                outcomes[i] = Pull(scenario, pulled[i], grid, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }

            progress?.Report(Interlocked.Increment(ref done) / units);
        });

        // The first lever in order that failed is reported, as a sequential run would have: the same error
        // whatever the timing.
        Array.Find(failures, f => f is not null)?.Throw();

        return new AnalysisResult(scenario, scores, posterior, otherCost, other, training, grid, [.. outcomes]);
    }

    private static LeverOutcome Pull(Scenario scenario, Lever lever, TrainingDiscretisation baseline, CancellationToken cancellation)
    {
        var changed = lever.Apply(scenario);

        // A lever's absorption and relaxation are shown nowhere, so they are not computed.
        var trained = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases, null, cancellation, absorption: false, relaxation: false);
        var grid = Discretisation.Estimate(changed, changed.Dynamics, trained, null, cancellation);
        return new LeverOutcome(
            lever,
            SimplicityPosterior.Compute(changed).DeceptiveProbability,
            grid,
            grid.HighPathDependence.Minus(baseline.HighPathDependence),
            grid.LowPathDependence.Minus(baseline.LowPathDependence),
            trained.Final.Sources);
    }

    /// <summary>
    /// The number of levers trained at once: what was asked (one per processor for -1), no more than there are
    /// levers, and no more than the machine's memory holds with every chain of the scenario at its largest.
    /// </summary>
    private static int Degree(Scenario scenario, int asked, int levers)
    {
        var degree = Math.Min(asked == -1 ? Environment.ProcessorCount : asked, Math.Max(1, levers));
        var largest = scenario.Phases.Max(p => ConfigurationSpace.CountConfigurations(scenario, scenario.Dynamics, p));
        var fits = ChainBudget.AvailableBytes() / Math.Max(1, ChainBudget.EstimateBytes(largest));
        return (int)Math.Clamp(fits, 1, degree);
    }
}
