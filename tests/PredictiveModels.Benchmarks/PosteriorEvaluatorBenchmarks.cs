using BenchmarkDotNet.Attributes;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Samples of the simplicity posterior per second on one thread, as Monte Carlo over beliefs takes them (issue 11's
/// acceptance): each operation is one sample with fresh values of every parameter on the default scenario. Samples
/// per second per core are 10^9 divided by the mean in nanoseconds.
/// <list type="bullet">
/// <item><description>five posterior-level parameters (<c>a</c>, <c>lambda</c>, <c>n</c>, a loss gap, a runtime);</description></item>
/// <item><description>six concept-level parameters, the bits and weights of three concepts: corpus, training_process
/// and self_model (the class mass of the deceptive agent's Quantity hole stays put), or corpus, training_process and
/// paperclips (a Quantity, so the class mass is recomputed every sample);</description></item>
/// <item><description>the slow path for comparison: every parameter set by <see cref="ScenarioParameter.Set"/> and
/// <see cref="SimplicityPosterior.Compute(Scenario)"/>.</description></item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class PosteriorEvaluatorBenchmarks
{
    private const int Samples = 1024;
    private const int SlowSamples = 16;

    private static readonly string[] PosteriorPaths =
        ["a", "lambda", "n", "structures.heuristic-collection.lossGap", "structures.general-inductor.runtimeSteps"];

    private static readonly string[] ConceptPaths =
    [
        "concepts.corpus.bits", "concepts.corpus.weight", "concepts.training_process.bits", "concepts.training_process.weight",
        "concepts.self_model.bits", "concepts.self_model.weight",
    ];

    private static readonly string[] ConceptPathsWithClassMass =
    [
        "concepts.corpus.bits", "concepts.corpus.weight", "concepts.training_process.bits", "concepts.training_process.weight",
        "concepts.paperclips.bits", "concepts.paperclips.weight",
    ];

    private readonly double[] _classes = new double[OutcomeDistribution.Classes.Length];
    private Scenario _scenario = null!;
    private PosteriorEvaluator.Worker _posterior = null!;
    private PosteriorEvaluator.Worker _concepts = null!;
    private PosteriorEvaluator.Worker _conceptsWithClassMass = null!;
    private ScenarioParameter[] _conceptParameters = null!;
    private ScenarioParameter[] _posteriorParameters = null!;
    private double[][] _posteriorValues = null!;
    private double[][] _conceptValues = null!;
    private double[][] _conceptValuesWithClassMass = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Parse(DefaultScenario.Text, DefaultScenario.SourceLabel);
        var random = new Random(11);
        double LogUniform(double low, double high) => low * Math.Pow(high / low, random.NextDouble());
        double Around(double value) => value * (0.5 + random.NextDouble());
        _posteriorValues = [.. Enumerable.Range(0, Samples).Select(_ => new[]
        {
            LogUniform(0.5, 2), LogUniform(0.01, 1), LogUniform(1e6, 1e10), LogUniform(1e-3, 0.1), LogUniform(100, 1e5),
        })];
        _conceptValues = [.. Enumerable.Range(0, Samples).Select(_ => new[]
        {
            Around(4000), LogUniform(1, 30), Around(8000), LogUniform(0.5, 5), Around(12000), LogUniform(0.2, 5),
        })];
        _conceptValuesWithClassMass = [.. Enumerable.Range(0, Samples).Select(_ => new[]
        {
            Around(4000), LogUniform(1, 30), Around(8000), LogUniform(0.5, 5), Around(300), LogUniform(0.2, 5),
        })];
        _posterior = PosteriorEvaluator.For(_scenario, PosteriorPaths).CreateWorker();
        _concepts = PosteriorEvaluator.For(_scenario, ConceptPaths).CreateWorker();
        _conceptsWithClassMass = PosteriorEvaluator.For(_scenario, ConceptPathsWithClassMass).CreateWorker();
        _conceptParameters = [.. ConceptPaths.Select(p => ScenarioParameter.Parse(p, _scenario))];
        _posteriorParameters = [.. PosteriorPaths.Select(p => ScenarioParameter.Parse(p, _scenario))];

        // The fast path must agree with the slow one on what is measured.
        Check(_concepts.Evaluate(_conceptValues[0], _classes), Slow(_conceptParameters, _conceptValues[0]));
        Check(_posterior.Evaluate(_posteriorValues[0], _classes), Slow(_posteriorParameters, _posteriorValues[0]));
    }

    [Benchmark(OperationsPerInvoke = Samples, Description = "Evaluator, 5 posterior-level parameters (per sample)")]
    public double PosteriorParameters() => Run(_posterior, _posteriorValues);

    [Benchmark(OperationsPerInvoke = Samples, Description = "Evaluator, bits and weights of corpus, training_process, self_model (per sample)")]
    public double ConceptParameters() => Run(_concepts, _conceptValues);

    [Benchmark(OperationsPerInvoke = Samples, Description = "Evaluator, bits and weights of corpus, training_process, paperclips: class mass recomputed (per sample)")]
    public double ConceptParametersWithClassMass() => Run(_conceptsWithClassMass, _conceptValuesWithClassMass);

    [Benchmark(OperationsPerInvoke = SlowSamples, Baseline = true, Description = "Slow path: Set and SimplicityPosterior.Compute, concept bits and weights (per sample)")]
    public double SlowPath() => RunSlow(_conceptParameters, _conceptValues);

    [Benchmark(OperationsPerInvoke = SlowSamples, Description = "Slow path: Set and SimplicityPosterior.Compute, 5 posterior-level parameters (per sample)")]
    public double SlowPathPosteriorParameters() => RunSlow(_posteriorParameters, _posteriorValues);

    private static void Check(double fast, double slow)
    {
        if (fast != slow)
        {
            throw new InvalidOperationException($"P(Deceptive) is {fast} by the evaluator but {slow} by the slow path.");
        }
    }

    private double Run(PosteriorEvaluator.Worker worker, double[][] values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += worker.Evaluate(v, _classes);
        }

        return total;
    }

    private double RunSlow(ScenarioParameter[] parameters, double[][] values)
    {
        var total = 0.0;
        for (var i = 0; i < SlowSamples; i++)
        {
            total += Slow(parameters, values[i]);
        }

        return total;
    }

    private double Slow(ScenarioParameter[] parameters, double[] values)
    {
        var scenario = _scenario;
        for (var k = 0; k < values.Length; k++)
        {
            scenario = parameters[k].Set(scenario, values[k]);
        }

        return SimplicityPosterior.Compute(scenario).DeceptiveProbability;
    }
}
