using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

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
    /// <param name="maxDegreeOfParallelism">How many trainings run at once: at least 1, or -1 for one per processor. Fewer are used when the machine's memory would not hold that many chains. The result does not depend on it.</param>
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
        ChainBudget.Check(scenario, relaxation);
        var scores = StructureScorer.Score(scenario);
        var posterior = SimplicityPosterior.Compute(scores, scenario.Analysis);
        var otherCost = scenario.Analysis.HoleCost == HoleCost.Class ? HoleCost.Min : HoleCost.Class;
        var other = SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(holeCost: otherCost)));

        // Every lever's scenario is made first: a lever that cannot be applied fails before anything is trained.
        var scenarios = new Scenario[1 + pulled.Length];
        scenarios[0] = scenario;
        for (var k = 0; k < pulled.Length; k++)
        {
            scenarios[k + 1] = pulled[k].Apply(scenario);
        }

        // Two trainings per scenario: 2k on the scenario's grid, 2k + 1 on the next coarser one (the levers' and the
        // coarser grid's without absorption and relaxation, which are shown nowhere). Where a scenario has the
        // baseline's phases but the last (the levers that act on the last phase), it trains on from the baseline's
        // first phases, trained once per grid without absorption and relaxation: the same numbers as training them
        // again. Each training lands by index, so the result does not depend on the order of completion or the
        // number of threads; they are taken one at a time in order, so the longest (the baseline's, with its
        // relaxation) starts first and the shared first phases are ready when the levers need them.
        var coarser = Dynamics.Discretisation.Coarser(scenario.Dynamics);

        // Every training takes its generator's pattern from here when one has its layout: a lever that moves only
        // energies or rates (and a grid's phases that keep their goal lengths) builds none of its own.
        var patterns = new ChainCache();
        var head = scenario.Phases[..^1];
        var sharing = scenarios.Select(s => head.Length > 0 && SharesHead(scenario, s)).ToArray();
        if (sharing.Skip(1).Any(x => x))
        {
            // The baseline's own training (with absorption and relaxation) and the levers' shared first phases train
            // the same first phases on the same chains: each chain and generator is built once for both.
            foreach (var phase in head)
            {
                patterns.Share(scenario, scenario.Dynamics, phase, uses: 2);
            }
        }

        var shared = new[]
        {
            new Lazy<TrainingState>(() => TrainingDynamics.Continue(scenario, scenario.Dynamics, TrainingState.Start, head, null, cancellation, absorption: false, relaxation: false, patterns)),
            new Lazy<TrainingState>(() => TrainingDynamics.Continue(scenario, coarser, TrainingState.Start, head, null, cancellation, absorption: false, relaxation: false, patterns)),
        };
        var items = new List<Func<TrainingResult?>>();
        for (var k = 0; k < scenarios.Length; k++)
        {
            var s = scenarios[k];
            for (var g = 0; g < 2; g++)
            {
                var settings = g == 0 ? s.Dynamics : Dynamics.Discretisation.Coarser(s.Dynamics);
                var extra = k == 0 && g == 0;
                var from = sharing[k] && !extra ? shared[g] : null;
                items.Add(() => new TrainingResult(TrainingDynamics.Continue(s, settings, from?.Value ?? TrainingState.Start, s.Phases, null, cancellation, absorption: extra, relaxation: extra && relaxation, patterns).Phases));
            }

            if (k == 0 && sharing.Skip(1).Any(x => x))
            {
                // The shared first phases, right after the baseline's own training starts.
                items.Add(() => { _ = shared[0].Value; return null; });
                items.Add(() => { _ = shared[1].Value; return null; });
            }
        }

        var results = new TrainingResult?[items.Count];
        var failures = new ExceptionDispatchInfo?[items.Count];
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Degree(scenario, maxDegreeOfParallelism, items.Count, relaxation),
            CancellationToken = cancellation,
        };
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, items.Count), EnumerablePartitionerOptions.NoBuffering), options, i =>
        {
            try
            {
                results[i] = items[i]();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }

            progress?.Report(Interlocked.Increment(ref done) / (double)items.Count);
        });

        // The first training in order that failed is reported: the same error whatever the timing.
        Array.Find(failures, f => f is not null)?.Throw();
        var runs = results.Where(r => r is not null).Select(r => r!).ToArray();

        var training = runs[0] with { Provenance = Provenance.Of(scenario) };
        var grid = Dynamics.Discretisation.Compare(scenario.Dynamics, training, runs[1]);
        var outcomes = new LeverOutcome[pulled.Length];
        for (var k = 0; k < pulled.Length; k++)
        {
            var changed = scenarios[k + 1];
            var trained = runs[2 * (k + 1)];
            var leverGrid = Dynamics.Discretisation.Compare(changed.Dynamics, trained, runs[2 * (k + 1) + 1]);
            outcomes[k] = new LeverOutcome(
                pulled[k],
                SimplicityPosterior.Compute(changed).DeceptiveProbability,
                leverGrid,
                leverGrid.HighPathDependence.Minus(grid.HighPathDependence),
                leverGrid.LowPathDependence.Minus(grid.LowPathDependence),
                trained.Final.Sources);
        }

        return new AnalysisResult(scenario, scores, posterior, otherCost, other, training, grid, [.. outcomes]);
    }

    /// <summary>
    /// As <see cref="Run"/>, but a solver that cannot meet its tolerance is returned instead of thrown (the Math.NET
    /// convention of <c>TryFindRoot</c> beside <c>FindRoot</c>): for a notebook or a batch of scenarios that goes on past
    /// one that does not converge. Invalid input still throws <see cref="Diagnostics.ModelException"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="result">The result when the analysis succeeded; otherwise null.</param>
    /// <param name="failure">What did not converge, with its figures and what to change, when it failed; otherwise null.</param>
    /// <param name="levers">As for <see cref="Run"/>.</param>
    /// <param name="relaxation">As for <see cref="Run"/>.</param>
    /// <param name="maxDegreeOfParallelism">As for <see cref="Run"/>.</param>
    /// <param name="progress">As for <see cref="Run"/>.</param>
    /// <param name="cancellation">As for <see cref="Run"/>.</param>
    /// <returns>True when every solver met its tolerance.</returns>
    public static bool TryRun(
        Scenario scenario,
        [NotNullWhen(true)] out AnalysisResult? result,
        [NotNullWhen(false)] out SolverException? failure,
        IReadOnlyList<Lever>? levers = null,
        bool relaxation = true,
        int maxDegreeOfParallelism = -1,
        IProgress<double>? progress = null,
        CancellationToken cancellation = default)
    {
        try
        {
            result = Run(scenario, levers, relaxation, maxDegreeOfParallelism, progress, cancellation);
            failure = null;
            return true;
        }
        catch (SolverException e)
        {
            result = null;
            failure = e;
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="changed"/> trains exactly as <paramref name="baseline"/> up to its last phase: the same
    /// world model, structures, analysis and dynamics settings and the same phases but the last (the same objects: a
    /// lever that changes none of them keeps them).
    /// </summary>
    private static bool SharesHead(Scenario baseline, Scenario changed) =>
        ReferenceEquals(baseline.WorldModel, changed.WorldModel)
        && Same(baseline.Structures.AsSpan(), changed.Structures.AsSpan())
        && ReferenceEquals(baseline.Analysis, changed.Analysis)
        && ReferenceEquals(baseline.Dynamics, changed.Dynamics)
        && baseline.Phases.Length == changed.Phases.Length
        && Same(baseline.Phases.AsSpan()[..^1], changed.Phases.AsSpan()[..^1]);

    private static bool Same<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : class
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The number of trainings run at once: what was asked (one per processor for -1), no more than there are
    /// trainings, and no more than the machine's memory holds with every chain of the scenario at its largest.
    /// </summary>
    private static int Degree(Scenario scenario, int asked, int trainings, bool relaxation)
    {
        var degree = Math.Min(asked == -1 ? Environment.ProcessorCount : asked, trainings);
        var largest = scenario.Phases.Max(p => ConfigurationSpace.CountConfigurations(scenario, scenario.Dynamics, p));
        var fits = ChainBudget.AvailableBytes() / Math.Max(1, ChainBudget.EstimateBytes(largest, relaxation));
        return (int)Math.Clamp(fits, 1, degree);
    }
}
