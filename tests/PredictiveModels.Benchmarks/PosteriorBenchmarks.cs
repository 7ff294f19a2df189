using BenchmarkDotNet.Attributes;
using PredictiveModels.Complexity;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// One evaluation of the simplicity posterior of the default scenario after parsing: the number
/// that uncertainty propagation will repeat millions of times. <see cref="PosteriorModel.DeceptiveProbability"/>
/// is the allocation-free path; <see cref="PosteriorModel.Evaluate"/> builds the full result
/// (including eliminations); <see cref="SimplicityPosterior.Compute(Scenario)"/> also rescores.
/// </summary>
[MemoryDiagnoser]
public class PosteriorBenchmarks
{
    private Scenario _scenario = null!;
    private PosteriorModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Parse(DefaultScenario.Text, DefaultScenario.SourceLabel);
        _model = PosteriorModel.From(StructureScorer.Score(_scenario));
        var p = _model.DeceptiveProbability(1, 0, 1e9);
        if (!(p > 0 && p < 1))
        {
            throw new InvalidOperationException($"P(Deceptive) = {p} is not a probability strictly between 0 and 1.");
        }
    }

    [Benchmark(Baseline = true, Description = "P(Deceptive) at (a, lambda, n), allocation-free")]
    public double DeceptiveProbability() => _model.DeceptiveProbability(1, 0, 1e9);

    [Benchmark(Description = "Full posterior result, with eliminations")]
    public PosteriorResult Evaluate() => _model.Evaluate(1, 0, 1e9);

    [Benchmark(Description = "Score and posterior from a parsed scenario")]
    public PosteriorResult ScoreAndEvaluate() => SimplicityPosterior.Compute(_scenario);
}
