using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Absorption probabilities and mean absorption time on the default scenario's pre-training chain
/// (269,819 configurations at the default 10 world steps and 4-bit goal steps), from the start
/// configuration, by Gauss–Seidel sweeps (<see cref="Absorption"/>). The public entry point builds the
/// generator first; the "prebuilt" row times the sweeps alone. The former method, stepping the
/// uniformized chain, took about 54 s here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AbsorptionBenchmarks
{
    private ConfigurationSpace _space = null!;
    private Generator _generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Scenario.Default;
        _space = ConfigurationSpace.Build(scenario, scenario.Dynamics, scenario.Phases[0]);
        _generator = _space.BuildGenerator();
        var result = Absorption.Compute(_space);
        Console.WriteLine($"// {_space.Count:N0} configurations, {result.Sweeps} sweeps, residual {result.Residual:G3}, mean time {result.MeanTime:G8}");
    }

    [Benchmark(Baseline = true, Description = "Absorption (Absorption.Compute)")]
    public AbsorptionResult Compute() => Absorption.Compute(_space);

    [Benchmark(Description = "Absorption, prebuilt generator")]
    public AbsorptionResult ComputePrebuilt() => Absorption.Compute(_space, _generator, null, default);
}
