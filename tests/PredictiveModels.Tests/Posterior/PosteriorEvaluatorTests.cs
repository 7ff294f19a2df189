using CsCheck;
using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Posterior;

public sealed class PosteriorEvaluatorTests
{
    private static readonly string[] PosteriorPaths =
    [
        "a", "lambda", "n", "structures.heuristic-collection.lossGap", "structures.deceptive-agent.deriveSteps", "structures.general-inductor.runtimeSteps",
    ];

    // Three concepts of three types (the deceptive agent's hole is a Quantity, so paperclips' weight moves its class
    // mass), the derived concept and one of its parts, a built-in and the literal production.
    private static readonly string[] WorldPaths =
    [
        "concepts.corpus.bits", "concepts.corpus.weight", "concepts.training_process.bits", "concepts.training_process.weight",
        "concepts.paperclips.bits", "concepts.paperclips.weight", "concepts.human_preferences.weight", "concepts.aggregate.bits",
        "builtins.longterm.weight", "builtins.restrict.weight", "worldModel.literalWeight",
    ];

    // A Stream hole carried inline (its class mass reaches Stream, Predicate, Time and Nat, and derived concepts'
    // inlined bits) beside literals and a Quantity hole behind a pointer.
    private const string InlinedHoles = """
        schemaVersion: 1
        name: inlined-holes
        worldModel:
          concepts:
            - name: corpus
              type: Stream
              bits: 4000
              weight: 8
            - name: websites
              type: Stream
              bits: 2500
              weight: 2
            - name: physical
              type: Predicate
              bits: 1500
            - name: paperclips
              type: Quantity
              bits: 300
            - name: web_physical
              type: Stream
              definition: restrict(websites, and(physical, between(year(2015), year(2022))))
        structures:
          - id: open-predictor
            camera: "restrict(?source: Stream, physical)"
            procedure: most_likely_next
            class: Desired
            mechanisms: [internal, corrigible]
          - id: web-predictor
            camera: web_physical
            procedure: most_likely_next
            class: Desired
            mechanisms: [internal]
            lossGap: 0.001
          - id: paperclip-agent
            camera: "longterm(?objective: Quantity)"
            procedure: plan(2)
            class: Deceptive
            mechanisms: [deceptive]
            requires: [corpus]
        analysis:
          holeCost: HOLECOST
          dataSize: 1000
        """;

    [Fact]
    public void Posterior_parameters_give_the_slow_paths_class_probabilities_bit_for_bit()
    {
        AgreesBitForBit(TestScenarios.Default, PosteriorPaths, iter: 200);
    }

    [Fact]
    public void Concept_bits_and_weights_give_the_slow_paths_class_probabilities_bit_for_bit()
    {
        AgreesBitForBit(TestScenarios.Default, WorldPaths, iter: 150);
    }

    [Theory]
    [InlineData("minimal.yaml")]
    [InlineData("complex-camera.yaml")]
    [InlineData("human-preferences.yaml")]
    public void Any_mix_of_a_shipped_scenarios_paths_gives_the_slow_paths_class_probabilities_bit_for_bit(string file)
    {
        var scenario = ScenarioLoader.Load(TestScenarios.Sample(file));
        var paths = ScenarioParameter.ValidPaths(scenario).ToArray();
        Gen.Int[0, paths.Length - 1].Array[1, 6].Sample(picks =>
        {
            var chosen = picks.Select(i => paths[i]).ToArray();
            AgreesBitForBit(scenario, chosen, iter: 3);
        }, iter: 40, threads: 1);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("min")]
    public void Holes_carried_inline_and_literals_give_the_slow_paths_class_probabilities_bit_for_bit(string holeCost)
    {
        var scenario = ScenarioLoader.Parse(InlinedHoles.Replace("HOLECOST", holeCost, StringComparison.Ordinal), "inlined-holes.yaml");
        string[] paths =
        [
            "concepts.corpus.bits", "concepts.websites.weight", "concepts.physical.bits", "concepts.physical.weight",
            "concepts.web_physical.weight", "builtins.any_stream.weight", "builtins.year.weight", "worldModel.literalWeight",
        ];

        AgreesBitForBit(scenario, paths, iter: 100);
    }

    [Fact]
    public void Every_path_of_the_default_scenario_alone_gives_the_slow_paths_class_probabilities_bit_for_bit()
    {
        var scenario = TestScenarios.Default;
        foreach (var path in ScenarioParameter.ValidPaths(scenario))
        {
            AgreesBitForBit(scenario, [path], iter: 2);
        }
    }

    [Fact]
    public void Parameters_of_the_training_chain_leave_the_posterior_as_the_scenario_has_it()
    {
        var scenario = TestScenarios.Default;
        var worker = PosteriorEvaluator.For(scenario, ["phases.rl-fine-tuning.klWeight", "dynamics.temperature"]).CreateWorker();
        var classes = new double[OutcomeDistribution.Classes.Length];

        var p = worker.Evaluate([3.5, 0.25], classes);

        var expected = SimplicityPosterior.Compute(scenario);
        p.Should().Be(expected.DeceptiveProbability);
        classes.Should().Equal(expected.Classes.Probabilities);
        worker.FullEvaluations.Should().Be(0);
    }

    [Fact]
    public void A_repeated_path_takes_its_last_value_as_repeated_sets_do()
    {
        var scenario = TestScenarios.Default;
        var worker = PosteriorEvaluator.For(scenario, ["concepts.corpus.weight", "a", "concepts.corpus.weight"]).CreateWorker();
        var classes = new double[OutcomeDistribution.Classes.Length];

        var p = worker.Evaluate([0.5, 1.2, 30], classes);

        var expected = SimplicityPosterior.Compute(Set(scenario, ["concepts.corpus.weight", "a"], [30, 1.2]));
        p.Should().Be(expected.DeceptiveProbability);
        classes.Should().Equal(expected.Classes.Probabilities);
    }

    [Fact]
    public void A_value_out_of_its_range_throws_what_setting_it_throws()
    {
        var scenario = TestScenarios.Default;
        var worker = PosteriorEvaluator.For(scenario, ["a", "concepts.corpus.weight"]).CreateWorker();
        var classes = new double[OutcomeDistribution.Classes.Length];
        var expected = ((Action)(() => ScenarioParameter.Parse("concepts.corpus.weight", scenario).Set(scenario, -1)))
            .Should().Throw<ModelException>().Which.Message;

        var evaluate = () => worker.Evaluate([1, -1], classes);

        evaluate.Should().Throw<ModelException>().WithMessage(expected);
    }

    [Fact]
    public void A_scenario_that_cannot_be_scored_throws_as_the_slow_path_does()
    {
        // human_preferences inlines aggregate and idealize: 2e15 bits are more than a concept may have.
        var scenario = TestScenarios.Default;
        string[] paths = ["concepts.aggregate.bits", "concepts.idealize.bits"];
        var worker = PosteriorEvaluator.For(scenario, paths).CreateWorker();
        var classes = new double[OutcomeDistribution.Classes.Length];
        var expected = ((Action)(() => SimplicityPosterior.Compute(Set(scenario, paths, [1e15, 1e15]))))
            .Should().Throw<ModelException>().Which.Message;

        var evaluate = () => worker.Evaluate([1e15, 1e15], classes);

        evaluate.Should().Throw<ModelException>().WithMessage(expected);
    }

    [Theory]
    [InlineData("concepts.nope.bits")]
    [InlineData("concepts.human_preferences.bits")]
    [InlineData("dynamics.maxConfigurations")]
    [InlineData("analysis.sizeBound")]
    public void A_path_that_cannot_be_varied_is_refused_with_the_parsers_message(string path)
    {
        var scenario = TestScenarios.Default;
        var expected = ((Action)(() => ScenarioParameter.Parse(path, scenario))).Should().Throw<ModelException>().Which.Message;

        var create = () => PosteriorEvaluator.For(scenario, [path]);

        create.Should().Throw<ModelException>().WithMessage(expected);
    }

    [Fact]
    public void Values_and_room_for_the_classes_must_fit_the_parameters()
    {
        var worker = PosteriorEvaluator.For(TestScenarios.Default, ["a", "n"]).CreateWorker();

        ((Action)(() => worker.Evaluate([1.0], new double[OutcomeDistribution.Classes.Length]))).Should().Throw<ArgumentException>();
        ((Action)(() => worker.Evaluate([1.0, 1.0], new double[OutcomeDistribution.Classes.Length - 1]))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Workers_of_one_evaluator_on_several_threads_agree_with_one_worker()
    {
        var evaluator = PosteriorEvaluator.For(TestScenarios.Default, WorldPaths);
        var samples = Enumerable.Range(0, 64).Select(i => WorldPaths.Select((_, k) => 1.0 + ((i * 7 + k * 3) % 11)).ToArray()).ToArray();
        var classCount = OutcomeDistribution.Classes.Length;
        var single = evaluator.CreateWorker();
        var expected = samples.Select(v => single.Evaluate(v, new double[classCount])).ToArray();
        var actual = new double[samples.Length];

        Parallel.For(0, 4, t =>
        {
            var worker = evaluator.CreateWorker();
            for (var i = t; i < samples.Length; i += 4)
            {
                actual[i] = worker.Evaluate(samples[i], new double[classCount]);
            }
        });

        actual.Should().Equal(expected);
    }

    /// <summary>Random values in each parameter's range: the fast path's classes are the slow path's, to the bit, without falling back.</summary>
    private static void AgreesBitForBit(Scenario scenario, string[] paths, int iter)
    {
        var evaluator = PosteriorEvaluator.For(scenario, paths);
        var worker = evaluator.CreateWorker();
        var gens = evaluator.Parameters.Select(p => ValueIn(p.Definition.Range)).ToArray();
        var classes = new double[OutcomeDistribution.Classes.Length];
        var fallbacks = 0;
        gens.Aggregate(Gen.Const(Array.Empty<double>()), (all, g) => all.SelectMany(a => g.Select(v => (double[])[.. a, v])))
            .Sample(values =>
            {
                PosteriorResult expected;
                try
                {
                    expected = SimplicityPosterior.Compute(Set(scenario, paths, values));
                }
                catch (ModelException e)
                {
                    ((Action)(() => worker.Evaluate(values, classes))).Should().Throw<ModelException>().WithMessage(e.Message);
                    fallbacks++;
                    return;
                }

                var p = worker.Evaluate(values, classes);

                classes.Should().Equal(expected.Classes.Probabilities, $"the values of {string.Join(", ", paths)} are {string.Join(", ", values)}");
                p.Should().Be(expected.DeceptiveProbability);
            }, iter: iter, threads: 1);

        worker.FullEvaluations.Should().Be(fallbacks, "only values the slow path refuses go to the full computation");
    }

    private static Scenario Set(Scenario scenario, IReadOnlyList<string> paths, IReadOnlyList<double> values)
    {
        for (var k = 0; k < paths.Count; k++)
        {
            scenario = ScenarioParameter.Parse(paths[k], scenario).Set(scenario, values[k]);
        }

        return scenario;
    }

    /// <summary>Values in a range: its inclusive lower bound, values near it, and values spread over twelve decades.</summary>
    private static Gen<double> ValueIn(ParameterRange range)
    {
        var low = range.Minimum;
        var high = range.Maximum;
        var near = Math.Min(high, low + 10);
        var gen = Gen.OneOf(
            Gen.Const(low),
            Gen.Double[low, near],
            Gen.Double[-6, 6].Select(x => low + Math.Pow(10, x)),
            Gen.Double[0, 1].Select(x => low + (x * (Math.Min(high, 1e6) - low))));
        return gen
            .Select(v => range.WholeNumbers ? Math.Round(v) : v)
            .Select(v => Math.Min(v, high))
            .Where(range.Contains);
    }
}
