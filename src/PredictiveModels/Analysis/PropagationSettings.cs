using System.Collections.Immutable;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Analysis;

/// <summary>
/// What a belief propagation (<see cref="BeliefPropagation"/>) computes: how many base samples, from which seed, which
/// measures and which sensitivity analysis. Immutable and validated on construction.
/// </summary>
public sealed record PropagationSettings
{
    /// <summary>The largest number of base samples a propagation takes.</summary>
    public const int MaxSamples = 1_000_000;

    /// <summary>The bootstrap resamples of the Sobol indices' intervals unless said otherwise.</summary>
    public const int DefaultBootstrapResamples = 1000;

    /// <summary>Creates validated settings.</summary>
    /// <param name="samples">Base samples N, 2 to <see cref="MaxSamples"/>. Each is one draw of every belief; with Sobol indices the model is evaluated N (d + 2) times for d beliefs.</param>
    /// <param name="seed">The seed of every draw (and of the bootstrap); the same seed gives the same result bit for bit.</param>
    /// <param name="dynamics">Whether every evaluation also trains the chain (the measures <see cref="PropagationMeasure.EndOfTraining"/> and <see cref="PropagationMeasure.Equilibrium"/>).</param>
    /// <param name="sensitivity">Rank correlations only, or Sobol indices as well.</param>
    /// <param name="bootstrapResamples">Resamples behind the Sobol indices' 95% intervals, 100 to 100,000 (ignored for rank correlations).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public PropagationSettings(int samples, ulong seed, bool dynamics = false, SensitivityMethod sensitivity = SensitivityMethod.Sobol, int bootstrapResamples = DefaultBootstrapResamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, MaxSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapResamples, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bootstrapResamples, 100_000);
        if (!Enum.IsDefined(sensitivity))
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "is no sensitivity method");
        }

        Samples = samples;
        Seed = seed;
        Dynamics = dynamics;
        Sensitivity = sensitivity;
        BootstrapResamples = bootstrapResamples;
    }

    /// <summary>Base samples N, 2 to <see cref="MaxSamples"/>.</summary>
    public int Samples { get; }

    /// <summary>The seed of every draw.</summary>
    public ulong Seed { get; }

    /// <summary>Whether every evaluation also trains the chain.</summary>
    public bool Dynamics { get; }

    /// <summary>Rank correlations only, or Sobol indices as well.</summary>
    public SensitivityMethod Sensitivity { get; }

    /// <summary>Bootstrap resamples behind the Sobol indices' intervals.</summary>
    public int BootstrapResamples { get; }

    /// <summary>The measures every evaluation records, in this order: the posterior, then with dynamics the end of training and the equilibrium.</summary>
    public ImmutableArray<PropagationMeasure> Measures => Dynamics
        ? [PropagationMeasure.Posterior, PropagationMeasure.EndOfTraining, PropagationMeasure.Equilibrium]
        : [PropagationMeasure.Posterior];

    /// <summary>Evaluations per base sample for <paramref name="beliefs"/> beliefs: 1 for rank correlations; d + 2 for Sobol indices (the rows A, B and A with each column in turn from B).</summary>
    /// <param name="beliefs">The number of beliefs d, at least 1.</param>
    public int EvaluationsPerSample(int beliefs) => Sensitivity == SensitivityMethod.Sobol ? SaltelliDesign.EvaluationsPerBaseSample(beliefs) : 1;
}
