using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Analysis;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// The analysis <c>run</c> reports, on the embedded default scenario, side by side:
/// <list type="bullet">
/// <item>"one after another": what <c>run</c> did before <see cref="ScenarioAnalysis"/>: the baseline, then each
/// lever, each trained in full on its grid and on the coarser one, on one thread;</item>
/// <item><see cref="ScenarioAnalysis.Run"/> on one thread: the levers that change only the last phase train on from
/// the first phases, trained once per grid;</item>
/// <item><see cref="ScenarioAnalysis.Run"/> with one training per processor.</item>
/// </list>
/// All three give the same numbers (the tests check it); only the time differs. Relaxation is computed for the
/// baseline, as <c>run</c> does by default.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class AnalysisBenchmarks
{
    [Benchmark(Baseline = true, Description = "run, one after another (before)")]
    public double OneAfterAnother()
    {
        var scenario = Scenario.Default;
        ChainBudget.Check(scenario);
        var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases);
        var grid = Discretisation.Estimate(scenario, scenario.Dynamics, training);
        var sum = grid.HighPathDependence.Estimate + SimplicityPosterior.Compute(scenario).DeceptiveProbability;
        foreach (var lever in Lever.Standard)
        {
            var changed = lever.Apply(scenario);
            var trained = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases, absorption: false, relaxation: false);
            sum += Discretisation.Estimate(changed, changed.Dynamics, trained).HighPathDependence.Minus(grid.HighPathDependence).Value;
            sum += SimplicityPosterior.Compute(changed).DeceptiveProbability;
        }

        return sum;
    }

    [Benchmark(Description = "ScenarioAnalysis.Run, one thread")]
    public AnalysisResult OneThread() => ScenarioAnalysis.Run(Scenario.Default, maxDegreeOfParallelism: 1);

    [Benchmark(Description = "ScenarioAnalysis.Run, one training per processor")]
    public AnalysisResult EveryProcessor() => ScenarioAnalysis.Run(Scenario.Default);
}
