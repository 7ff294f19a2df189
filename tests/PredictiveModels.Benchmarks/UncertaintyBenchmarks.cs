using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PredictiveModels.Analysis;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Monte Carlo over posterior-level beliefs (issue 11's acceptance benchmark): <see cref="BeliefPropagation.Run"/>
/// on <c>squiggle/uncertain-posterior.yaml</c> (the default scenario with five beliefs: a, lambda, n, and the general
/// inductor's loss gap and runtime steps), <see cref="Samples"/> samples per call, on one thread, so samples/s per core
/// is <see cref="Samples"/> divided by the median time of a call. <c>squiggle/compare.sh</c> runs this and Squiggle 0.10 on the same
/// posterior and prints the ratio (<c>squiggle/README.md</c>). The benchmark is the one call, so that it follows the
/// call when <see cref="BeliefPropagation"/>'s API or its evaluator changes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class UncertaintyBenchmarks
{
    /// <summary>Monte Carlo samples per call.</summary>
    public const int Samples = 1_000;

    /// <summary>The scenario file, relative to the repository root.</summary>
    public const string ScenarioPath = "tests/PredictiveModels.Benchmarks/squiggle/uncertain-posterior.yaml";

    private Scenario _scenario = null!;

    /// <summary>
    /// One short job, run in the benchmark process itself, so that compare.sh needs no second build of a generated
    /// project: 3 warm-up calls (on a loaded machine the JIT's background tier-1 compilation lags, and one warm-up
    /// call left the first timed calls slower) and 7 timed calls of about a fifth of a second each.
    /// </summary>
    public sealed class ShortInProcess : ManualConfig
    {
        /// <summary>Adds the job.</summary>
        public ShortInProcess() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7)
                .WithToolchain(InProcessEmitToolchain.Instance).WithId("short-in-process"));
    }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Load(FindScenario());
        if (_scenario.UncertainParameters.Length != 5)
        {
            throw new InvalidOperationException($"{ScenarioPath} states {_scenario.UncertainParameters.Length} beliefs; the comparison with Squiggle expects 5.");
        }

        var result = Posterior();
        Console.WriteLine($"// {Samples:N0} samples per call; P(Deceptive) mean {result.Posterior.DeceptiveProbability.Mean:G6} (standard error {result.Posterior.DeceptiveProbability.StandardError:G3})");
    }

    [Benchmark(Description = "BeliefPropagation.Run, 5 beliefs, rank correlations, one thread")]
    public BeliefPropagationResult Posterior() =>
        BeliefPropagation.Run(_scenario, new PropagationSettings(Samples, seed: 1, sensitivity: SensitivityMethod.RankCorrelation), maxDegreeOfParallelism: 1);

    /// <summary>The scenario file: <c>UNCERTAIN_POSTERIOR_YAML</c> if set, else found above the working directory or the assembly (BenchmarkDotNet runs from a folder of its own).</summary>
    private static string FindScenario()
    {
        if (Environment.GetEnvironmentVariable("UNCERTAIN_POSTERIOR_YAML") is { Length: > 0 } set)
        {
            return set;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, ScenarioPath);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"{ScenarioPath} not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; set UNCERTAIN_POSTERIOR_YAML");
    }
}
