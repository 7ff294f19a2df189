using System.Globalization;
using System.Text;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Complexity;

/// <summary>
/// The two class measures: normalised (the world model's code, in which a type's alternatives share one unit of
/// probability) and counting (each filling at its own cost), and Belrose and Pope's point that they disagree about
/// what adding possible objectives does to the deceptive class.
/// </summary>
public sealed class ClassMeasureTests
{
    /// <summary>The default scenario with <paramref name="extra"/> more unit-weight Quantity concepts (500 bits each) and the given analysis lines.</summary>
    private static Scenario WithObjectives(int extra, string analysis = "", string mechanisms = "[deceptive]", string builtIns = "", string moreConcepts = "")
    {
        var yaml = new StringBuilder("""
            schemaVersion: 1
            extends: default.yaml
            name: more-objectives
            structures:
              - id: deceptive-agent
                camera: "longterm(?objective: Quantity)"
                procedure: plan(2)
                class: Deceptive
                mechanisms: MECHANISMS
                requires: [training_process, self_model]
                deriveSteps: 100
            """.Replace("MECHANISMS", mechanisms, StringComparison.Ordinal));
        yaml.Append('\n');
        if (extra > 0 || builtIns.Length > 0 || moreConcepts.Length > 0)
        {
            yaml.Append("worldModel:\n");
            if (builtIns.Length > 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  builtins: {{ {builtIns} }}\n");
            }

            yaml.Append("  concepts:\n");
            for (var i = 0; i < extra; i++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    - {{ name: objective_{i}, type: Quantity, bits: 500, weight: 1 }}\n");
            }

            if (moreConcepts.Length > 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    - {{ {moreConcepts} }}\n");
            }
        }

        if (analysis.Length > 0)
        {
            yaml.Append("analysis:\n").Append(analysis).Append('\n');
        }

        return ScenarioLoader.Parse(yaml.ToString(), TestScenarios.Sample("more-objectives.yaml"));
    }

    private static ClassMass CameraMass(Scenario scenario, ClassMeasure measure)
    {
        var camera = scenario.FindStructure("deceptive-agent")!.Camera;
        return new DescriptionLengths(scenario.WorldModel, scenario.Analysis.SizeBound).ClassMass(camera, CostMode.Pointer, measure);
    }

    [Fact]
    public void Adding_objectives_raises_the_counted_class_mass_and_never_the_normalised_one()
    {
        var counts = new[] { 0, 4, 16, 64 };
        var scenarios = counts.Select(k => WithObjectives(k)).ToArray();
        var normalised = scenarios.Select(s => CameraMass(s, ClassMeasure.Normalised).Log2Mass).ToArray();
        var counting = scenarios.Select(s => CameraMass(s, ClassMeasure.Counting).Log2Mass).ToArray();

        for (var i = 1; i < counts.Length; i++)
        {
            counting[i].Should().BeGreaterThan(counting[i - 1] + 0.5, $"{counts[i]} objectives are counted as more mass than {counts[i - 1]}");
            normalised[i].Should().BeLessThanOrEqualTo(normalised[i - 1], $"in the normalised code {counts[i]} objectives share the same unit of mass as {counts[i - 1]}");
        }

        normalised.Should().AllSatisfy(m => m.Should().BeLessThanOrEqualTo(0), "a normalised class mass is a probability");
        counting[^1].Should().BeGreaterThan(0, "a count may exceed one unit of mass");
    }

    [Fact]
    public void Adding_objectives_makes_the_deceptive_candidate_cheaper_under_counting_and_dearer_or_equal_under_the_normalised_measure()
    {
        var few = StructureScorer.Score(WithObjectives(0)).Find("deceptive-agent", Mechanism.Deceptive)!;
        var many = StructureScorer.Score(WithObjectives(32)).Find("deceptive-agent", Mechanism.Deceptive)!;

        many.KclassCounting!.Value.Should().BeLessThan(few.KclassCounting!.Value);
        many.Kclass!.Value.Should().BeGreaterThanOrEqualTo(few.Kclass!.Value);
    }

    [Fact]
    public void A_symbols_counting_cost_depends_on_the_builtins_of_its_type_and_not_on_the_other_concepts()
    {
        var few = WithObjectives(0).WorldModel;
        var many = WithObjectives(16).WorldModel;
        var builtInQuantityWeight = few.BuiltIns.Where(b => b.ResultType == ModelType.Quantity).Sum(b => b.Weight);

        foreach (var symbol in few.Symbols)
        {
            many.CountingSelectionBits(many.Find(symbol.Name)!).Should().Be(few.CountingSelectionBits(symbol), symbol.Name);
        }

        // A unit-weight concept costs what it would as the only concept of its type: log2(built-ins + 1).
        few.CountingSelectionBits(few.Find("paperclips")!).Should().Be(Math.Log2(builtInQuantityWeight + 1));
        many.SelectionBits(many.Find("paperclips")!).Should().BeGreaterThan(few.SelectionBits(few.Find("paperclips")!), "the normalised code renormalises");
    }

    [Fact]
    public void The_counting_K_is_the_counted_class_mass_plus_the_rest_and_its_breakdown_sums_with_a_negative_leaf()
    {
        var scenario = WithObjectives(8);
        var world = scenario.WorldModel;
        var structure = scenario.FindStructure("deceptive-agent")!;
        var lengths = new DescriptionLengths(world, scenario.Analysis.SizeBound);
        var score = StructureScorer.Score(scenario).Find("deceptive-agent", Mechanism.Deceptive)!;
        var rest = lengths.Pointer(structure.Procedure).Bits + structure.Requires.Sum(n => world.SelectionBits(world.Find(n)!));

        score.KclassCounting!.Value.Should().BeApproximately(-CameraMass(scenario, ClassMeasure.Counting).Log2Mass + rest, 1e-9);
        score.CountingClassMasses.Should().ContainSingle().Which.Measure.Should().Be(ClassMeasure.Counting);
        score.CountingBreakdown!.Bits.Should().Be(score.KclassCounting.Value);
        foreach (var node in score.CountingBreakdown.Descendants().Where(n => !n.Children.IsEmpty))
        {
            node.Bits.Should().Be(BitBreakdown.SumOf(node.Children), node.Label);
        }

        score.CountingBreakdown.Descendants().Should().Contain(n => n.Children.IsEmpty && n.Bits < 0, "the hole's count exceeds one unit of mass");
        score.Bits.Should().Be(score.Kclass!.Value, "the scenario keeps the default, normalised measure");
    }

    [Fact]
    public void The_counted_mass_of_a_recursive_objective_grammar_has_no_bound_beyond_the_size_bound()
    {
        // longterm, aggregate and idealize nest Quantities: counted at their own costs, the nestings outgrow the unit.
        var mass = CameraMass(WithObjectives(0), ClassMeasure.Counting);
        var larger = CameraMass(WithObjectives(0, "  sizeBound: 16"), ClassMeasure.Counting);

        mass.Log2MassUpperBound.Should().Be(double.PositiveInfinity);
        larger.Log2Mass.Should().BeGreaterThan(mass.Log2Mass + 1, "the count grows with the size bound");
        CameraMass(WithObjectives(0), ClassMeasure.Normalised).Log2MassUpperBound.Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void Under_classMeasure_counting_K_and_the_posterior_use_the_counted_mass_and_training_does_not_change()
    {
        var normalised = WithObjectives(8);
        var counting = WithObjectives(8, "  classMeasure: counting");

        counting.Analysis.ClassMeasure.Should().Be(ClassMeasure.Counting);
        var report = StructureScorer.Score(counting);
        report.ClassMeasure.Should().Be(ClassMeasure.Counting);
        var score = report.Find("deceptive-agent", Mechanism.Deceptive)!;
        score.Bits.Should().Be(score.KclassCounting!.Value);
        score.NormalisedBits.Should().Be(score.Kclass!.Value);
        report.Find("physical-camera-predictor", Mechanism.Corrigible)!.Bits
            .Should().Be(StructureScorer.Score(normalised).Find("physical-camera-predictor", Mechanism.Corrigible)!.Bits, "a candidate without holes is no class");

        SimplicityPosterior.Compute(counting).DeceptiveProbability.Should().BeGreaterThan(SimplicityPosterior.Compute(normalised).DeceptiveProbability);
        ChainAccounting.For(counting).Should().Be(ChainAccounting.For(normalised), "training's chain keeps the normalised measure");
    }

    [Fact]
    public void The_incremental_scorer_gives_the_counting_scores_of_the_structure_scorer_also_after_a_weight_changes()
    {
        const string both = "[deceptive, deceptive-hardcoded]";
        var scenario = WithObjectives(3, "  classMeasure: counting", both);
        var report = StructureScorer.Score(scenario);
        var scorer = IncrementalScorer.For(scenario.WorldModel, [.. report.Candidates.Select(c => c.Candidate)], HoleCost.Class, scenario.Analysis.SizeBound, ClassMeasure.Counting);
        var state = scorer.CreateState();
        var bits = new double[scorer.CandidateCount];

        scorer.TryScore(state, bits).Should().BeTrue();
        bits.Should().Equal(report.Candidates.Select(c => c.Bits));

        state.SetWeight(scorer.SymbolIndex("longterm"), 5.0);
        state.SetWeight(scorer.SymbolIndex("paperclips"), 4.0);
        scorer.TryScore(state, bits).Should().BeTrue();

        var changed = WithObjectives(3, "  classMeasure: counting", both, builtIns: "longterm: 5", moreConcepts: "name: paperclips, type: Quantity, bits: 300, weight: 4");
        bits.Should().Equal(StructureScorer.Score(changed).Candidates.Select(c => c.Bits));
    }

    [Fact]
    public void A_misspelt_class_measure_is_refused_at_its_path_with_the_nearest_name()
    {
        var act = () => WithObjectives(0, "  classMeasure: countng");

        var diagnostic = act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Message.Should().Contain("'countng' is not a class measure").And.Contain("did you mean 'counting'").And.Contain("normalised, counting");
        diagnostic.Path.Should().Be("analysis.classMeasure");
    }
}
