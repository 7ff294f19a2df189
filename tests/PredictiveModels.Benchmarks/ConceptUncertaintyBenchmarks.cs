using BenchmarkDotNet.Attributes;
using PredictiveModels.Analysis;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Monte Carlo over concept-level beliefs (issue 11's second acceptance benchmark: at least 10^5 samples per second
/// per core): <see cref="BeliefPropagation.Run"/> on the default scenario with the bits and weights of three concepts
/// (corpus, training_process, self_model) stated as beliefs, rank correlations only, <see cref="Samples"/> samples
/// per call on one thread, so samples/s per core is <see cref="Samples"/> over the time of a call. Every sample
/// changes concept numbers, so each one rescores (incrementally) before its posterior.
/// Run: <c>dotnet run -c Release --project tests/PredictiveModels.Benchmarks -- --filter '*ConceptUncertainty*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ConceptUncertaintyBenchmarks
{
    /// <summary>Monte Carlo samples per call.</summary>
    public const int Samples = 100_000;

    private const string Yaml = """
        schemaVersion: 1
        extends: default
        name: uncertain-concepts
        worldModel:
          concepts:
            - name: corpus
              type: Stream
              bits: 2000 to 8000
              weight: 4 to 16
            - name: training_process
              type: Predicate
              bits: 4000 to 16000
              weight: 1 to 4
            - name: self_model
              type: Predicate
              bits: 6000 to 24000
              weight: 0.5 to 2
        """;

    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Parse(Yaml, "uncertain-concepts.yaml");
        if (_scenario.UncertainParameters.Length != 6)
        {
            throw new InvalidOperationException($"the scenario states {_scenario.UncertainParameters.Length} beliefs; the benchmark expects 6 (bits and weight of three concepts)");
        }
    }

    [Benchmark(Description = "BeliefPropagation.Run, 6 concept-level beliefs, rank correlations, one thread")]
    public BeliefPropagationResult ConceptBeliefs() =>
        BeliefPropagation.Run(_scenario, new PropagationSettings(Samples, seed: 1, sensitivity: SensitivityMethod.RankCorrelation), maxDegreeOfParallelism: 1);
}
