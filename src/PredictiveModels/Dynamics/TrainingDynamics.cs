using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Runs training as a Markov chain on a scenario, phase after phase: each phase's exact transient
/// (by <see cref="KrylovTransient"/>, checked in tests against uniformization) starts from the
/// distribution the previous phase ended in (carried over by absolute progress), and each phase's
/// exact equilibrium is reported beside it, with (unless asked not to) where the phase would end if it
/// ran until absorption, from the distribution it starts with (<see cref="Absorption"/>).
/// </summary>
public static class TrainingDynamics
{
    /// <summary>The fractions of a phase's duration at which the path-dependence index is reported.</summary>
    public static IReadOnlyList<double> IndexFractions { get; } = [0.0, 0.125, 0.25, 0.5, 1.0];

    /// <summary>Trains through the given phases (by default one pre-training phase of the settings' duration).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="phases">The phases in order; null or empty for pre-training alone.</param>
    /// <param name="progress">Receives the fraction of the work done (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <param name="absorption">
    /// Whether to compute each phase's <see cref="PhaseResult.Absorption"/> (about as long again as the transient on
    /// the default scenario); false leaves it null. Where it has no answer the solver can give, the phase's
    /// <see cref="PhaseResult.AbsorptionProblem"/> says why and the rest of the result stands.
    /// </param>
    /// <param name="relaxation">
    /// Whether to compute each phase's <see cref="PhaseResult.Relaxation"/> and <see cref="PhaseResult.Reachability"/>
    /// (the transient continued to <see cref="Reachability.HorizonFactor"/> times the phase's duration); false leaves them null.
    /// </param>
    /// <exception cref="Diagnostics.ModelException">A chain is too large; the message says what to change.</exception>
    /// <exception cref="Diagnostics.SolverException">The transient or an equilibrium with resets cannot meet the tolerance; it says what to change.</exception>
    public static TrainingResult Train(Scenario scenario, DynamicsSettings settings, IReadOnlyList<Phase>? phases = null, IProgress<double>? progress = null, CancellationToken cancellation = default, bool absorption = true, bool relaxation = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var list = phases is null || phases.Count == 0 ? [Phase.Pretraining(settings.Duration)] : phases;
        return new TrainingResult(Continue(scenario, settings, TrainingState.Start, list, progress, cancellation, absorption, relaxation).Phases) { Provenance = Provenance.Of(scenario) };
    }

    /// <summary>
    /// As <see cref="Train"/>, but a solver that cannot meet its tolerance is returned instead of thrown (the Math.NET
    /// convention of <c>TryFindRoot</c> beside <c>FindRoot</c>). Invalid input still throws <see cref="Diagnostics.ModelException"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="result">The result when training succeeded; otherwise null.</param>
    /// <param name="failure">What did not converge, with its figures and what to change; otherwise null.</param>
    /// <param name="phases">As for <see cref="Train"/>.</param>
    /// <param name="progress">As for <see cref="Train"/>.</param>
    /// <param name="cancellation">As for <see cref="Train"/>.</param>
    /// <param name="absorption">As for <see cref="Train"/>.</param>
    /// <param name="relaxation">As for <see cref="Train"/>.</param>
    /// <returns>True when every solver met its tolerance.</returns>
    public static bool TryTrain(
        Scenario scenario,
        DynamicsSettings settings,
        [NotNullWhen(true)] out TrainingResult? result,
        [NotNullWhen(false)] out Diagnostics.SolverException? failure,
        IReadOnlyList<Phase>? phases = null,
        IProgress<double>? progress = null,
        CancellationToken cancellation = default,
        bool absorption = true,
        bool relaxation = true)
    {
        try
        {
            result = Train(scenario, settings, phases, progress, cancellation, absorption, relaxation);
            failure = null;
            return true;
        }
        catch (Diagnostics.SolverException e)
        {
            result = null;
            failure = e;
            return false;
        }
    }

    /// <summary>
    /// Trains on from <paramref name="from"/> (the first phases of <paramref name="phases"/>, already trained with the
    /// same scenario and settings) through the rest of <paramref name="phases"/>: the same numbers as training them all
    /// in one call. Runs that share their first phases train those once. Chains whose layout has a pattern in
    /// <paramref name="patterns"/> take it rather than building their own, and a chain registered there as shared is
    /// built once for every training that needs it (the numbers are the same to the bit).
    /// </summary>
    internal static TrainingState Continue(Scenario scenario, DynamicsSettings settings, TrainingState from, IReadOnlyList<Phase> phases, IProgress<double>? progress, CancellationToken cancellation, bool absorption, bool relaxation, ChainCache? patterns = null)
    {
        // Without a cache from the caller, the phases of this training still share patterns among themselves.
        patterns ??= new ChainCache();
        var results = ImmutableArray.CreateBuilder<PhaseResult>(phases.Count);
        results.AddRange(from.Phases);
        var previous = from.Space;
        var carried = from.Carried;
        for (var k = from.Phases.Length; k < phases.Count; k++)
        {
            var phase = phases[k];
            // Building a chain is not cancellable, so a request that came during it is honoured before the next step.
            cancellation.ThrowIfCancellationRequested();
            var (space, generator) = patterns.Chain(scenario, settings, phase, cancellation);
            cancellation.ThrowIfCancellationRequested();
            var initial = previous is null ? null : space.MapFrom(previous, carried.AsSpan());
            var times = IndexFractions.Select(f => f * phase.Duration).ToArray();

            // The reachability grid's times within the phase come from the same pass (they change none of its steps).
            var grid = relaxation ? Reachability.GridWithin(phase.Duration) : [];
            var offset = k;
            var inner = progress is null ? null : new Progress(f => progress.Report((offset + f) / phases.Count));
            // The class sums of each reported time are taken as the transient reaches it; only the phase's last
            // distribution (carried on, and the outcome sources) is kept, and the reachability grid's when it is searched.
            var classes = new OutcomeDistribution[times.Length];
            bool Observe(int t, double[] distribution)
            {
                if (t < times.Length)
                {
                    classes[t] = ClassSums.Distribution(space, distribution);
                }

                return relaxation || t == times.Length - 1;
            }

            var pass = KrylovTransient.Compute(generator, space.Start, [.. times, .. grid], settings.Tolerance, KrylovTransient.BasisSize, prune: true, inner, cancellation, initial, Observe);
            var transient = pass with { Times = pass.Times[..times.Length], Distributions = pass.Distributions[..times.Length], ErrorBounds = pass.ErrorBounds[..times.Length] };
            AbsorptionResult? absorbed = null;
            string? problem = null;
            if (absorption)
            {
                // Absorption is a side analysis: a chain where it has no finite or computable answer still
                // has its transient and equilibrium, so the reason is reported instead of failing the run.
                try
                {
                    absorbed = Absorption.Compute(space, generator, initial, cancellation);
                }
                catch (Diagnostics.ModelException e)
                {
                    problem = string.Join("; ", e.Diagnostics.Select(d => d.Message));
                }
                catch (Diagnostics.SolverException e)
                {
                    problem = $"{e.Problem}; {e.Advice}";
                }
            }

            var equilibrium = Equilibrium.Classes(space, generator, cancellation);
            var index = times.Select((t, i) => (t, classes[i].TotalVariation(equilibrium))).ToImmutableArray();
            var relaxed = relaxation ? Relaxation.Compute(space, cancellation) : null;
            var reached = relaxation ? Reachability.Search(space, generator, equilibrium, phase.Duration, pass.Times, pass.Distributions, pass.ErrorBounds.Max(), cancellation) : null;
            var sources = OutcomeSources.FromConfigurations(space, transient.Distributions[^1].AsSpan());
            results.Add(new PhaseResult(phase.Name, phase.Duration, space.Count, classes[^1], transient.ErrorBounds[^1], equilibrium, index, transient.UniformizationRate, transient.Products, absorbed, problem, sources, relaxed, reached, [.. times.Select((t, i) => (t, classes[i]))]));
            previous = space;
            carried = transient.Distributions[^1];
        }

        return new TrainingState(results.MoveToImmutable(), previous, carried);
    }

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
