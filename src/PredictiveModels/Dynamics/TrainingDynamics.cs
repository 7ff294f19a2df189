using System.Collections.Immutable;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>Runs training as a Markov chain on a scenario: the exact transient at the settings' duration and the exact equilibrium.</summary>
public static class TrainingDynamics
{
    /// <summary>The fractions of the duration at which the path-dependence index is reported.</summary>
    public static IReadOnlyList<double> IndexFractions { get; } = [0.0, 0.125, 0.25, 0.5, 1.0];

    /// <summary>Builds the chain and computes its transient and equilibrium.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="progress">Receives the fraction of the transient computed, if given.</param>
    /// <param name="cancellation">Stops the computation.</param>
    public static TrainingResult Train(Scenario scenario, DynamicsSettings settings, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var space = ConfigurationSpace.Build(scenario, settings);
        var times = IndexFractions.Select(f => f * settings.Duration).ToArray();
        var transient = Transient.Compute(space, times, progress, cancellation);
        var equilibrium = Equilibrium.Classes(space);
        var classes = transient.Distributions.Select(d => ClassDistribution.FromConfigurations(space, d.AsSpan())).ToArray();
        var index = times.Select((t, i) => (t, classes[i].TotalVariation(equilibrium))).ToImmutableArray();
        return new TrainingResult(space.Count, settings.Duration, classes[^1], transient.ErrorBounds[^1], equilibrium, index, transient.UniformizationRate, transient.Products);
    }
}
