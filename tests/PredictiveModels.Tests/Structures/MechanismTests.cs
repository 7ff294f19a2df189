using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Structures;

/// <summary>
/// The four mechanisms, and above all the deceptive agent whose objective is hard-coded (carried in the weights) rather
/// than pointed to: the seed's footnote 3 allows both, and the hard-coded one is costed by the same code as an internal goal.
/// </summary>
public sealed class MechanismTests
{
    private const string DeceptiveAgentYaml = """
        schemaVersion: 1
        extends: default.yaml
        name: both-deceivers
        structures:
          - id: deceptive-agent
            camera: "CAMERA"
            procedure: plan(2)
            class: Deceptive
            mechanisms: MECHANISMS
            requires: [training_process, self_model]
            deriveSteps: 100
        """;

    private static Scenario WithDeceiver(string camera, string mechanisms)
    {
        var yaml = DeceptiveAgentYaml.Replace("CAMERA", camera, StringComparison.Ordinal).Replace("MECHANISMS", mechanisms, StringComparison.Ordinal);
        return ScenarioLoader.Parse(yaml, TestScenarios.Sample("both-deceivers.yaml"));
    }

    [Fact]
    public void Every_mechanism_has_one_name_and_the_name_parses_back_to_it()
    {
        MechanismNames.All.Should().Equal("internal", "corrigible", "deceptive", "deceptive-hardcoded");
        foreach (var mechanism in Enum.GetValues<Mechanism>())
        {
            MechanismNames.Parse(mechanism.Name()).Should().Be(mechanism);
        }

        MechanismNames.Parse("Deceptive").Should().BeNull("names are lower case, as scenarios spell them");
        MechanismNames.Parse("deceptivehardcoded").Should().BeNull();
    }

    [Fact]
    public void Both_deceptive_mechanisms_are_of_class_Deceptive_pay_their_required_pointers_and_derive_at_run_time()
    {
        Mechanism.Deceptive.IsDeceptive().Should().BeTrue();
        Mechanism.DeceptiveHardCoded.IsDeceptive().Should().BeTrue();
        Mechanism.Internal.IsDeceptive().Should().BeFalse();
        Mechanism.Corrigible.IsDeceptive().Should().BeFalse();
        Mechanism.Internal.CarriesCamera().Should().BeTrue();
        Mechanism.DeceptiveHardCoded.CarriesCamera().Should().BeTrue();
        Mechanism.Corrigible.CarriesCamera().Should().BeFalse();
        Mechanism.Deceptive.CarriesCamera().Should().BeFalse();

        var scenario = WithDeceiver("longterm(paperclips)", "[deceptive, deceptive-hardcoded]");
        var structure = scenario.FindStructure("deceptive-agent")!;
        var hardCoded = new Candidate(structure, Mechanism.DeceptiveHardCoded);

        hardCoded.Class.Should().Be(OutcomeClass.Deceptive);
        hardCoded.Key.Should().Be("deceptive-agent/deceptive-hardcoded");
        structure.RuntimeSteps(Mechanism.DeceptiveHardCoded, scenario.WorldModel)
            .Should().Be(structure.RuntimeSteps(Mechanism.Internal, scenario.WorldModel) + 100);
    }

    [Fact]
    public void A_hard_coded_objective_costs_its_inlined_length_where_a_pointed_one_costs_its_pointer()
    {
        // longterm(paperclips) has no hole: carried inline it costs longterm's selection plus paperclips' 300 intrinsic bits.
        var scenario = WithDeceiver("longterm(paperclips)", "[deceptive, deceptive-hardcoded]");
        var world = scenario.WorldModel;
        var lengths = new DescriptionLengths(world, scenario.Analysis.SizeBound);
        var structure = scenario.FindStructure("deceptive-agent")!;
        var procedure = lengths.Pointer(structure.Procedure).Bits;
        var required = structure.Requires.Sum(name => world.SelectionBits(world.Find(name)!));
        var report = StructureScorer.Score(scenario);

        var hardCoded = report.Find("deceptive-agent", Mechanism.DeceptiveHardCoded)!;
        var pointed = report.Find("deceptive-agent", Mechanism.Deceptive)!;

        var inlinedCamera = world.SelectionBits(world.Find("longterm")!) + 300;
        lengths.Inlined(structure.Camera).Bits.Should().Be(inlinedCamera);
        hardCoded.Bits.Should().BeApproximately(inlinedCamera + procedure + required, 1e-9);
        pointed.Bits.Should().BeApproximately(lengths.Pointer(structure.Camera).Bits + procedure + required, 1e-9);
        (hardCoded.Bits - pointed.Bits).Should().BeApproximately(300 - world.SelectionBits(world.Find("paperclips")!), 1e-9,
            "the two differ only in how paperclips is paid for: its 300 bits carried, or its selection pointed to");
        hardCoded.Breakdown.Children[0].Label.Should().StartWith("camera, carried inline (Linl)");
    }

    [Fact]
    public void A_hard_coded_objective_with_a_hole_costs_the_inlined_class_mass_of_its_fillings()
    {
        var scenario = WithDeceiver("longterm(?objective: Quantity)", "[deceptive, deceptive-hardcoded]");
        var world = scenario.WorldModel;
        var lengths = new DescriptionLengths(world, scenario.Analysis.SizeBound);
        var structure = scenario.FindStructure("deceptive-agent")!;
        var rest = lengths.Pointer(structure.Procedure).Bits + structure.Requires.Sum(name => world.SelectionBits(world.Find(name)!));

        var hardCoded = StructureScorer.Score(scenario).Find("deceptive-agent", Mechanism.DeceptiveHardCoded)!;
        var inlined = lengths.Measure(structure.Camera, CostMode.Inlined);

        hardCoded.Kmin.Should().BeApproximately(inlined.Kmin + rest, 1e-9);
        hardCoded.Kclass!.Value.Should().BeApproximately(inlined.Kclass!.Value + rest, 1e-9);
        hardCoded.ClassMasses.Should().ContainSingle().Which.Mode.Should().Be(CostMode.Inlined);
        // Carried inline, the cheapest objective is the shallowest Quantity (grammaticality, 20 bits), not the most salient.
        hardCoded.MinBreakdown.Descendants().Should().Contain(n => n.Label.Contains("cheapest filling grammaticality", StringComparison.Ordinal));
    }

    [Fact]
    public void The_incremental_scorer_gives_the_hard_coded_objective_the_structure_scorers_bits()
    {
        var scenario = WithDeceiver("longterm(?objective: Quantity)", "[deceptive, deceptive-hardcoded]");
        var report = StructureScorer.Score(scenario);
        var scorer = IncrementalScorer.For(scenario.WorldModel, [.. report.Candidates.Select(c => c.Candidate)], scenario.Analysis.HoleCost, scenario.Analysis.SizeBound);
        var bits = new double[scorer.CandidateCount];

        scorer.TryScore(scorer.CreateState(), bits).Should().BeTrue();

        bits.Should().Equal(report.Candidates.Select(c => c.Bits));
    }

    [Fact]
    public void Both_deceptive_candidates_count_towards_P_Deceptive()
    {
        var both = SimplicityPosterior.Compute(WithDeceiver("longterm(?objective: Quantity)", "[deceptive, deceptive-hardcoded]"));
        var pointedOnly = SimplicityPosterior.Compute(WithDeceiver("longterm(?objective: Quantity)", "[deceptive]"));
        var hardCodedOnly = SimplicityPosterior.Compute(WithDeceiver("longterm(?objective: Quantity)", "[deceptive-hardcoded]"));

        var hardCoded = both.Candidates.Single(c => c.Score.Candidate.Key == "deceptive-agent/deceptive-hardcoded");
        hardCoded.Score.Class.Should().Be(OutcomeClass.Deceptive);
        hardCoded.Probability.Should().BeGreaterThan(0);
        both.DeceptiveProbability.Should().BeGreaterThan(pointedOnly.DeceptiveProbability);
        hardCodedOnly.DeceptiveProbability.Should().BeLessThan(pointedOnly.DeceptiveProbability,
            "carrying an objective inline costs more than pointing to a salient one in the default world model");
    }

    [Fact]
    public void The_chains_deceptive_branch_is_the_simpler_of_the_two_deceptive_candidates()
    {
        var both = WithDeceiver("longterm(?objective: Quantity)", "[deceptive, deceptive-hardcoded]");
        var hardCodedOnly = WithDeceiver("longterm(?objective: Quantity)", "[deceptive-hardcoded]");
        var report = StructureScorer.Score(both);

        ChainAccounting.For(both).DeceptiveBits.Should().Be(report.Find("deceptive-agent", Mechanism.Deceptive)!.Bits);
        ChainAccounting.For(hardCodedOnly).DeceptiveBits.Should().Be(report.Find("deceptive-agent", Mechanism.DeceptiveHardCoded)!.Bits);
        ChainAccounting.For(hardCodedOnly).ObjectiveBits.Should().BeGreaterThan(ChainAccounting.For(both).ObjectiveBits,
            "the hard-coded objective's hole is paid at its inlined class mass");
    }

    [Fact]
    public void A_misspelt_mechanism_is_refused_naming_the_four_and_the_nearest()
    {
        var act = () => WithDeceiver("longterm(?objective: Quantity)", "[deceptive-hardcode]");

        var error = act.Should().Throw<ModelException>().Which;
        var diagnostic = error.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Message.Should().Contain("'deceptive-hardcode' is not a mechanism")
            .And.Contain("did you mean 'deceptive-hardcoded'")
            .And.Contain("internal, corrigible, deceptive, deceptive-hardcoded");
        diagnostic.Path.Should().Be("structures[2].mechanisms[0]");
    }

    [Fact]
    public void A_structure_built_in_code_may_list_the_hard_coded_mechanism()
    {
        var structure = Structure.Create("d", "", Expression.Parse("longterm(paperclips)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.DeceptiveHardCoded]);

        structure.Mechanisms.Should().Equal(Mechanism.DeceptiveHardCoded);
    }
}
