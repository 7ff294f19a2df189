using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Stochastic simulation of the training chain; the facets live in the partial files beside this one.</summary>
public sealed partial class TrajectorySimulatorTests
{
    /// <summary>Trajectories per Monte Carlo comparison: the standard error of a probability is at most 0.0035.</summary>
    private const int Trajectories = 20_000;

    private static readonly Lazy<ConfigurationSpace> LazySpace = new(() => ConfigurationSpace.Build(
        DynamicsTestScenarios.Tiny(dataSize: 100),
        DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(4, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05)));

    /// <summary>
    /// The Tiny chain (250 configurations) in a regime where every passage happens: data make the
    /// world model grow, cheap horizon and awareness bits with small loss bonuses make the
    /// deceptive jump possible. At tau = 20 about 4% of training runs are deceptive, 6% have been,
    /// and three quarters are aware.
    /// </summary>
    private static ConfigurationSpace Space => LazySpace.Value;

    private static readonly Lazy<TrajectorySimulator> LazySimulator = new(() => new TrajectorySimulator(Space));

    private static TrajectorySimulator Simulator => LazySimulator.Value;

    /// <summary>The Monte Carlo tolerance of a probability estimated from <paramref name="n"/> trials: 4.5 standard errors plus 1e-3 (the chance a correct simulation fails is about 1e-5 per check).</summary>
    private static double Tolerance(double p, int n) => (4.5 * Math.Sqrt(p * (1 - p) / n)) + 1e-3;
}
