using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// What a chain costs before any solver runs, on the default scenario's pre-training chain (the chain of
/// <c>samples/scenarios/pretraining-only.yaml</c>) at three goal resolutions: 16 bits (about 1.1 x 10^5 configurations),
/// 1 bit (1.6 x 10^6, the default) and 0.1 bit (1.6 x 10^7). The rows: the space with its energies
/// (<see cref="ConfigurationSpace.Build(Scenario, DynamicsSettings, Phase?)"/>), the generator's pattern
/// (<see cref="GeneratorPattern.Build"/>, once per layout) and filling it with rates (<see cref="GeneratorPattern.Fill"/>,
/// what a sweep point or lever with the same layout pays). Time and allocation should grow linearly with the chain;
/// the allocation per configuration is the memory figure of issue 14 (at most 150 bytes for pattern and generator).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GeneratorBenchmarks
{
    private Scenario _scenario = null!;
    private ConfigurationSpace _space = null!;
    private GeneratorPattern _pattern = null!;

    /// <summary>Bits per goal step.</summary>
    [Params(16.0, 1.0, 0.1)]
    public double GoalResolution { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Scenario.Default;
        _scenario = scenario.With(dynamics: scenario.Dynamics.With(goalResolution: GoalResolution), phases: [Phase.Create("pre-training", 100)]);
        _space = ConfigurationSpace.Build(_scenario, _scenario.Dynamics, _scenario.Phases[0]);
        _pattern = GeneratorPattern.Build(_space);
        Console.WriteLine($"// {_space.Count:N0} configurations, {_pattern.NonZeros:N0} non-zeros, pattern {_pattern.Bytes / (double)_space.Count:F1} bytes per configuration");
    }

    [Benchmark(Baseline = true, Description = "Space and energies")]
    public int Space() => ConfigurationSpace.Build(_scenario, _scenario.Dynamics, _scenario.Phases[0]).Count;

    [Benchmark(Description = "Pattern (once per layout)")]
    public int Pattern() => GeneratorPattern.Build(_space).NonZeros;

    [Benchmark(Description = "Fill the pattern with rates")]
    public int Fill() => _pattern.Fill(_space).Count;
}
