using BenchmarkDotNet.Attributes;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// The work behind <c>predictive-models score</c> on the default scenario: parsing and validating
/// the scenario text, and scoring every candidate of an already parsed scenario (which builds the
/// inside tables afresh on each call, as <see cref="StructureScorer.Score(Scenario)"/> does).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private string _text = "";
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Read the embedded resource once so that parsing alone is measured.
        _text = DefaultScenario.Text;
        _scenario = ScenarioLoader.Parse(_text, DefaultScenario.SourceLabel);
    }

    [Benchmark(Description = "Parse and validate the default scenario")]
    public Scenario ParseAndValidate() => ScenarioLoader.Parse(_text, DefaultScenario.SourceLabel);

    [Benchmark(Description = "Score the default scenario")]
    public ScoreReport Score() => StructureScorer.Score(_scenario);
}
