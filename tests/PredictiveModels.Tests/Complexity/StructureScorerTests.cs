using PredictiveModels.Complexity;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Complexity;

public sealed class StructureScorerTests
{
    private static readonly string[] NineIds =
    [
        "cross-entropy-minimizer", "long-run-accuracy-maximizer", "deceptive-agent", "general-inductor",
        "physical-camera-predictor", "heuristic-collection", "token-transition-model", "human-repertoire-simulator",
        "proxy-aligned-agent",
    ];

    [Fact]
    public void The_default_catalog_holds_the_nine_structures_of_the_seed_with_their_mechanisms()
    {
        var scenario = TestScenarios.Default;

        scenario.Structures.Select(s => s.Id).Should().Equal(NineIds);
        Mechanisms(scenario, "cross-entropy-minimizer").Should().Equal(Mechanism.Internal, Mechanism.Corrigible);
        Mechanisms(scenario, "long-run-accuracy-maximizer").Should().Equal(Mechanism.Internal, Mechanism.Corrigible);
        Mechanisms(scenario, "general-inductor").Should().Equal(Mechanism.Internal, Mechanism.Corrigible);
        Mechanisms(scenario, "physical-camera-predictor").Should().Equal(Mechanism.Internal, Mechanism.Corrigible);
        Mechanisms(scenario, "deceptive-agent").Should().Equal(Mechanism.Deceptive);
        foreach (var id in NineIds[5..])
        {
            Mechanisms(scenario, id).Should().Equal(Mechanism.Internal);
            scenario.FindStructure(id)!.Class.Should().Be(OutcomeClass.NonScalable);
            scenario.FindStructure(id)!.LossGap.Should().BeGreaterThan(0, "structures that do not scale pay a loss gap");
        }
    }

    [Fact]
    public void Each_mechanism_pays_for_the_camera_as_the_model_says()
    {
        var scenario = TestScenarios.Default;
        var lengths = new DescriptionLengths(scenario.WorldModel, scenario.Analysis.SizeBound);
        var report = StructureScorer.Score(scenario);
        var physical = scenario.FindStructure("physical-camera-predictor")!;
        var deceptive = scenario.FindStructure("deceptive-agent")!;
        var procedureBits = lengths.Pointer(physical.Procedure).Bits;

        report.Find(physical.Id, Mechanism.Internal)!.Bits.Should().BeApproximately(lengths.Inlined(physical.Camera).Bits + procedureBits, 1e-9);
        report.Find(physical.Id, Mechanism.Corrigible)!.Bits.Should().BeApproximately(lengths.Pointer(physical.Camera).Bits + procedureBits, 1e-9);

        var world = scenario.WorldModel;
        var required = deceptive.Requires.Sum(name => world.SelectionBits(world.Find(name)!));
        var camera = lengths.Measure(deceptive.Camera, CostMode.Pointer);
        var score = report.Find(deceptive.Id, Mechanism.Deceptive)!;
        score.Kclass!.Value.Should().BeApproximately(camera.Kclass!.Value + lengths.Pointer(deceptive.Procedure).Bits + required, 1e-9);
        score.Kmin.Should().BeApproximately(camera.Kmin + lengths.Pointer(deceptive.Procedure).Bits + required, 1e-9);
        score.Bits.Should().Be(score.Kclass!.Value, "the default scenario charges holes their class cost");
        score.RuntimeSteps.Should().Be(deceptive.RuntimeSteps(Mechanism.Internal, world) + deceptive.DeriveSteps);
    }

    [Fact]
    public void Every_candidate_breakdown_sums_exactly_to_its_bits()
    {
        foreach (var score in StructureScorer.Score(TestScenarios.Default).Candidates)
        {
            score.Breakdown.Bits.Should().Be(score.Bits);
            foreach (var node in score.Breakdown.Descendants().Where(n => !n.Children.IsEmpty))
            {
                node.Bits.Should().Be(BitBreakdown.SumOf(node.Children), $"node '{node.Label}' of {score.Candidate.Key}");
            }
        }
    }

    [Fact]
    public void Claim_2_for_the_prediction_goal_the_best_non_deceptive_K_is_within_a_few_bits_of_the_deceptive_K()
    {
        // "A few bits" is taken to be at most 10: a gap that better training can buy back.
        var report = StructureScorer.Score(TestScenarios.Default);

        var gap = BestNonDeceptive(report) - BestDeceptive(report);

        Math.Abs(gap).Should().BeLessThanOrEqualTo(10);
    }

    [Fact]
    public void Claim_2_for_a_satisfy_human_preferences_goal_the_gap_is_large_and_favours_deception()
    {
        var scenario = HumanPreferencesGoal();
        var report = StructureScorer.Score(scenario);

        var gap = BestNonDeceptive(report) - BestDeceptive(report);

        gap.Should().BeGreaterThanOrEqualTo(20, "even a pointer to human preferences is long, and carrying them inline far longer");
        report.Find("preference-satisfier", Mechanism.Internal)!.Bits
            .Should().BeGreaterThan(report.Find("preference-satisfier", Mechanism.Corrigible)!.Bits + 1000);
    }

    [Fact]
    public void Claim_4_the_general_inductor_has_the_simplest_camera()
    {
        // Among the ways a predictive model can track its data: the non-deceptive structures that scale.
        // (The deceptive agent's objective camera, longterm(?objective), collects the mass of every
        // objective and is cheaper still as a class: the seed's worry, shown by the scores.)
        var scenario = TestScenarios.Default;
        var lengths = new DescriptionLengths(scenario.WorldModel, scenario.Analysis.SizeBound);
        var inductor = scenario.FindStructure("general-inductor")!;

        foreach (var other in scenario.Structures.Where(s => s.Id != inductor.Id && s.Class is not (OutcomeClass.NonScalable or OutcomeClass.Deceptive)))
        {
            foreach (var mode in new[] { CostMode.Pointer, CostMode.Inlined })
            {
                var camera = lengths.Measure(other.Camera, mode);
                var simplest = lengths.Measure(inductor.Camera, mode).Kmin;
                simplest.Should().BeLessThan(camera.Kmin, $"any_stream is simpler than the camera of {other.Id} ({mode})");
                simplest.Should().BeLessThan(camera.Kclass ?? camera.Kmin, $"any_stream is simpler than the camera class of {other.Id} ({mode})");
            }
        }
    }

    [Fact]
    public void Claim_4_the_general_inductor_beats_the_physical_camera_unless_the_physical_camera_prior_is_cheap()
    {
        // A simpler data-collection procedure: the physical camera is one salient concept of the world model.
        var defaults = StructureScorer.Score(TestScenarios.Default);
        var cheapCamera = StructureScorer.Score(WithSimpleDataCollection(TestScenarios.Default));

        K(defaults, "general-inductor").Should().BeLessThan(K(defaults, "physical-camera-predictor"));
        K(cheapCamera, "physical-camera-predictor").Should().BeLessThan(K(cheapCamera, "general-inductor"));
    }

    [Fact]
    public void Scoring_the_same_scenario_twice_gives_identical_numbers()
    {
        var first = StructureScorer.Score(TestScenarios.Default).Candidates.Select(c => (c.Candidate.Key, c.Bits, c.Kmin, c.Kclass));
        var second = StructureScorer.Score(ScenarioLoader.Parse(DefaultScenario.Text)).Candidates.Select(c => (c.Candidate.Key, c.Bits, c.Kmin, c.Kclass));

        second.Should().Equal(first);
    }

    private static double K(ScoreReport report, string id) => report.Candidates.Where(c => c.Structure.Id == id).Min(c => c.Bits);

    private static double BestDeceptive(ScoreReport report) =>
        report.Candidates.Where(c => c.Class == OutcomeClass.Deceptive).Min(c => c.Bits);

    private static double BestNonDeceptive(ScoreReport report) =>
        report.Candidates.Where(c => c.Class is not OutcomeClass.Deceptive and not OutcomeClass.NonScalable).Min(c => c.Bits);

    private static Mechanism[] Mechanisms(Scenario scenario, string id) => [.. scenario.FindStructure(id)!.Mechanisms];

    /// <summary>The default world model, with the intended goal switched to satisfying human preferences.</summary>
    private static Scenario HumanPreferencesGoal()
    {
        var d = TestScenarios.Default;
        var satisfier = Structure.Create(
            "preference-satisfier", "Human-preference satisfier", Expression.Parse("human_preferences"), Expression.Parse("plan(2)"),
            OutcomeClass.Desired, [Mechanism.Internal, Mechanism.Corrigible]);
        return Scenario.Create("human-preferences", "", d.WorldModel, [satisfier, d.FindStructure("deceptive-agent")!], d.Analysis);
    }

    private static Scenario WithSimpleDataCollection(Scenario scenario)
    {
        var concepts = scenario.WorldModel.Concepts.Append(Concept.Base("curated_corpus", ModelType.Stream, 3000, weight: 8));
        var builtIns = scenario.WorldModel.BuiltIns.ToDictionary(b => b.Name, b => b.Weight);
        var world = WorldModel.Create(concepts, builtIns, scenario.WorldModel.LiteralWeight);
        var structures = scenario.Structures.Select(s => s.Id != "physical-camera-predictor"
            ? s
            : Structure.Create(s.Id, s.Name, Expression.Parse("curated_corpus"), s.Procedure, s.Class, s.Mechanisms, s.LossGap, s.RuntimeStepsOverride, s.DeriveSteps, s.Requires, s.Description));
        return Scenario.Create(scenario.Name, scenario.Description, world, structures, scenario.Analysis);
    }
}
