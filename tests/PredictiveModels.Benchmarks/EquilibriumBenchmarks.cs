using BenchmarkDotNet.Attributes;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// The exact equilibrium of a chain of about 10^7 configurations (the default scenario at 40 world
/// steps and 0.4 bits per goal step: 10,031,388 configurations). The chain is built once; the
/// benchmark is the closed-form <c>pi ~ 2^(-E/T)</c> in log space, summed into classes.
/// </summary>
[MemoryDiagnoser]
public class EquilibriumBenchmarks
{
    private ConfigurationSpace _space = null!;

    [GlobalSetup]
    public void Setup()
    {
        _space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(worldSteps: 40, goalResolution: 0.4));
        if (_space.Count < 10_000_000)
        {
            throw new InvalidOperationException($"The chain has {_space.Count} configurations, fewer than 10^7.");
        }
    }

    [Benchmark(Description = "Equilibrium classes, 10^7 configurations")]
    public OutcomeDistribution Classes() => Equilibrium.Classes(_space);
}
