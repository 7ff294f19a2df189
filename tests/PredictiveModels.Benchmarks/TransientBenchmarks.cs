using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// The exact transient of the default scenario's training chain at <c>tau * max exit rate = 1000</c>,
/// by uniformization (<see cref="Transient"/>) and by Krylov steps (<see cref="KrylovTransient"/>), on
/// chains of about 340,000 and 1,340,000 configurations (40 world steps, goal resolution 16 or 4
/// bits). Both public entry points build the generator first; the "prebuilt" rows time the Krylov
/// steps alone, as SciPy's <c>expm_multiply</c> is timed on a matrix already in memory, with and
/// without dropping negligible probabilities (without, the regions still follow the exact non-zeros).
/// scipy/compare-scipy times the same Krylov steps against SciPy on one exported matrix.
/// Allocation should grow at most linearly with the chain.
/// Each operation takes up to about 20 s, so the job runs three measured iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TransientBenchmarks
{
    /// <summary>Product of the training time and the largest exit rate.</summary>
    public const double TimeTimesRate = 1000;

    private ConfigurationSpace _space = null!;
    private Generator _generator = null!;
    private double _time;

    /// <summary>Bits per goal step: 16 gives 337,922 configurations, 4 gives 1,339,142 (counted by export-generator on 3 December 2026).</summary>
    [Params(16.0, 4.0)]
    public double GoalResolution { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(worldSteps: 40, goalResolution: GoalResolution));
        _generator = _space.BuildGenerator();
        _time = TimeTimesRate / _generator.MaxExitRate;
        Console.WriteLine($"// {_space.Count:N0} configurations, {_generator.NonZeros:N0} off-diagonal non-zeros ({_generator.Rates.Count(r => r > 0):N0} with a rate above 0), tau = {_time:G6}");
        if (_space.Count < 200_000)
        {
            throw new InvalidOperationException($"The chain has {_space.Count} configurations; the benchmark is meant for hundreds of thousands.");
        }
    }

    [Benchmark(Baseline = true, Description = "Uniformization (Transient.Compute)")]
    public TransientResult Uniformization() => Transient.Compute(_space, [_time]);

    [Benchmark(Description = "Krylov (KrylovTransient.Compute)")]
    public TransientResult Krylov() => KrylovTransient.Compute(_space, [_time]);

    [Benchmark(Description = "Krylov steps, prebuilt generator")]
    public TransientResult KrylovPrebuilt() =>
        KrylovTransient.Compute(_generator, _space.Start, [_time], _space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);

    [Benchmark(Description = "Krylov steps, prebuilt generator, nothing dropped")]
    public TransientResult KrylovPrebuiltNoPruning() =>
        KrylovTransient.Compute(_generator, _space.Start, [_time], _space.Settings.Tolerance, KrylovTransient.BasisSize, prune: false, null, default);

    [Benchmark(Description = "Build the generator alone")]
    public int BuildGenerator() => _space.BuildGenerator().NonZeros;
}
