using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// One point of <c>sweep --dynamics</c> on the default scenario (both phases, 1.6 x 10^6 configurations each) against a
/// fresh training. A sweep point computes each phase's transient and equilibrium; "with shared patterns" is what a sweep
/// pays for every point after its first (the layout unchanged: here the temperature moves), "alone" what it paid before
/// patterns were shared. The fresh trainings are <c>train --skip-relaxation</c> (absorption too) and <c>train</c>
/// (absorption, relaxation and reachability).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SweepPointBenchmarks
{
    private readonly ChainCache _patterns = new();
    private Scenario _scenario = null!;
    private int _point;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.Default;
        _ = Point(_patterns);
    }

    [Benchmark(Baseline = true, Description = "Sweep point, with shared patterns")]
    public int Shared() => Point(_patterns).Phases.Length;

    [Benchmark(Description = "Sweep point, alone")]
    public int Alone() => Point(null).Phases.Length;

    [Benchmark(Description = "Fresh training without relaxation")]
    public TrainingResult FreshWithoutRelaxation() => TrainingDynamics.Train(_scenario, _scenario.Dynamics, _scenario.Phases, relaxation: false);

    [Benchmark(Description = "Fresh training")]
    public TrainingResult Fresh() => TrainingDynamics.Train(_scenario, _scenario.Dynamics, _scenario.Phases);

    /// <summary>A point of a temperature sweep: each call moves the temperature, so no two points are the same chain.</summary>
    private TrainingState Point(ChainCache? patterns)
    {
        var settings = _scenario.Dynamics.With(temperature: 1 + (0.01 * (++_point % 10)));
        var scenario = _scenario.With(dynamics: settings);
        return TrainingDynamics.Continue(scenario, settings, TrainingState.Start, scenario.Phases, null, default, absorption: false, relaxation: false, patterns);
    }
}
