using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>The chain's description bits K(c) against section 4's K, for every candidate of every shipped scenario.</summary>
public sealed class BitAccountingTests
{
    /// <summary>A coarse grid: the accounting does not depend on it, and the chains stay small.</summary>
    private static readonly DynamicsSettings Coarse = DynamicsSettings.Create(worldSteps: 2, goalResolution: 64);

    public static TheoryData<string, HoleCost> Scenarios()
    {
        var data = new TheoryData<string, HoleCost>();
        var files = TestScenarios.SampleFiles()
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Prepend("(default)");
        foreach (var file in files)
        {
            data.Add(file, HoleCost.Class);
            data.Add(file, HoleCost.Min);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_complete_myopic_unaware_configuration_holds_its_candidates_section_4_K_and_precursors_add_the_derived_bits(string file, HoleCost holeCost)
    {
        var scenario = Load(file, holeCost);
        var space = ConfigurationSpace.Build(scenario, Coarse);
        var world = scenario.WorldModel.TotalBits;
        var report = StructureScorer.Score(scenario);
        var accounting = space.Accounting;
        var w = space.World.Steps;

        foreach (var score in report.Candidates.Where(c => c.Mechanism != Mechanism.Deceptive))
        {
            var b = space.Branches.IndexOf(space.Branches.Single(x => x.Candidate == score.Candidate));
            var steps = space.Branches[b].Steps;
            double Bits(bool longTerm, bool aware) => space.DescriptionBits(space.IndexOf(new Configuration(w, b, steps, longTerm, aware))) - world;

            Bits(false, false).Should().BeApproximately(score.Bits, 1e-9, $"{score.Candidate.Key} complete, myopic, unaware");
            Bits(true, false).Should().BeApproximately(score.Bits + accounting.HorizonBits, 1e-9, $"{score.Candidate.Key} long-term");
            Bits(false, true).Should().BeApproximately(score.Bits + accounting.AwarenessBits, 1e-9, $"{score.Candidate.Key} aware");
            Bits(true, true).Should().BeApproximately(score.Bits + accounting.HorizonBits + accounting.AwarenessBits, 1e-9, $"{score.Candidate.Key} long-term and aware");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_deceptive_proxies_together_weigh_the_deceptive_candidates_section_4_K(string file, HoleCost holeCost)
    {
        var scenario = Load(file, holeCost);
        var space = ConfigurationSpace.Build(scenario, Coarse);
        var report = StructureScorer.Score(scenario);
        var deceptive = report.Candidates.Where(c => c.Mechanism == Mechanism.Deceptive).MinBy(c => c.Bits);
        if (deceptive is null)
        {
            space.DeceptiveBranch.Should().Be(-1);
            return;
        }

        var expected = holeCost == HoleCost.Class ? deceptive.Kclass ?? deceptive.Kmin : deceptive.Kmin;
        for (var w = 0; w <= space.World.Steps; w++)
        {
            var world = space.World.Fractions[w] * scenario.WorldModel.TotalBits;
            var terms = Enumerable.Range(0, space.Count)
                .Where(i => space[i].Branch == space.DeceptiveBranch && space[i].World == w)
                .Select(i => -(space.DescriptionBits(i) - world))
                .ToArray();

            terms.Should().NotBeEmpty();
            (-Log2Math.Sum(terms)).Should().BeApproximately(expected, 1e-9, $"the deceptive branch at world step {w}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_derived_bits_are_the_parts_of_the_deceptive_candidates_breakdown(string file, HoleCost holeCost)
    {
        var scenario = Load(file, holeCost);
        var accounting = ConfigurationSpace.Build(scenario, Coarse).Accounting;
        var world = scenario.WorldModel;
        var deceptive = StructureScorer.Score(scenario).Candidates.Where(c => c.Mechanism == Mechanism.Deceptive).MinBy(c => c.Bits);
        var longterm = world.SelectionBits(world.Find(ChainAccounting.LongTermBuiltIn)!);

        accounting.HorizonBits.Should().Be(accounting.DerivedHorizonBits);
        accounting.AwarenessBits.Should().Be(accounting.DerivedAwarenessBits);
        if (deceptive is null)
        {
            accounting.HorizonBits.Should().Be(longterm);
            accounting.AwarenessBits.Should().Be(0);
            return;
        }

        var required = deceptive.Structure.Requires.Sum(name => world.SelectionBits(world.Find(name)!));
        var holes = deceptive.Breakdown.Descendants().Where(n => n.Label.StartsWith('?')).Sum(n => n.Bits);
        accounting.HorizonBits.Should().BeApproximately(longterm, 1e-12, "the deceptive camera selects longterm once");
        accounting.AwarenessBits.Should().BeApproximately(required, 1e-12);
        accounting.ObjectiveBits.Should().BeApproximately(holes, 1e-12);
        accounting.OverheadBits.Should().BeGreaterThan(0);
        (accounting.HorizonBits + accounting.AwarenessBits + accounting.OverheadBits + accounting.ObjectiveBits).Should().BeApproximately(deceptive.Bits, 1e-9);
    }

    [Fact]
    public void On_the_default_scenario_the_derived_bits_are_the_longterm_selection_and_the_two_pointers_of_the_explain_output()
    {
        var scenario = Scenario.Default;
        var world = scenario.WorldModel;
        var accounting = ConfigurationSpace.Build(scenario, Coarse).Accounting;

        // predictive-models explain deceptive-agent: longterm among 10 Quantity alternatives 2.58, training_process 2.91, self_model 3.91, plan(2) 6.17.
        accounting.HorizonBits.Should().BeApproximately(2.58, 0.005);
        accounting.AwarenessBits.Should().BeApproximately(2.91 + 3.91, 0.01);
        accounting.OverheadBits.Should().BeApproximately(6.17, 0.005);
        accounting.ObjectiveBits.Should().BeApproximately(0, 0.005, "under Kclass the objective hole's class mass is about 1");
    }

    [Fact]
    public void With_a_and_T_equal_and_no_loss_or_speed_terms_the_energy_is_the_description_bits()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 0);
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 3, goalResolution: 2));

        for (var i = 0; i < space.Count; i++)
        {
            space.Energy(i).Should().BeApproximately(space.DescriptionBits(i), 1e-9, "configuration {0}", space[i]);
        }
    }

    [Fact]
    public void Overridden_horizon_and_awareness_bits_are_paid_by_aligned_and_deceptive_configurations_alike()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var derived = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 2, goalResolution: 2)).Accounting;
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 2, goalResolution: 2, horizonBits: 20, awarenessBits: 30));
        var deceptive = StructureScorer.Score(scenario).Find("deceiver", Mechanism.Deceptive)!;

        space.Accounting.HorizonBits.Should().Be(20);
        space.Accounting.AwarenessBits.Should().Be(30);
        space.Accounting.DerivedHorizonBits.Should().Be(derived.HorizonBits);
        var aligned = space.IndexOf(new Configuration(0, 1, 0, false, false));
        space.DescriptionBits(space.IndexOf(new Configuration(0, 1, 0, true, true))).Should().BeApproximately(space.DescriptionBits(aligned) + 50, 1e-9);
        var terms = Enumerable.Range(0, space.Count).Where(i => space[i].Branch == space.DeceptiveBranch && space[i].World == 0).Select(i => -space.DescriptionBits(i)).ToArray();
        (-Log2Math.Sum(terms)).Should().BeApproximately(deceptive.Bits - derived.HorizonBits - derived.AwarenessBits + 50, 1e-9);
    }

    [Fact]
    public void Without_a_deceptive_candidate_the_horizon_costs_the_longterm_selection_and_awareness_costs_nothing()
    {
        var tiny = DynamicsTestScenarios.Tiny();
        var scenario = Scenario.Create("honest", "", tiny.WorldModel, tiny.Structures.Where(s => s.Id != "deceiver"), tiny.Analysis);
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 2, goalResolution: 2));
        var world = scenario.WorldModel;

        space.DeceptiveBranch.Should().Be(-1);
        space.Accounting.HorizonBits.Should().Be(world.SelectionBits(world.Find("longterm")!));
        space.Accounting.AwarenessBits.Should().Be(0);
        space.Accounting.OverheadBits.Should().Be(0);
    }

    [Fact]
    public void A_deceptive_camera_without_longterm_still_pays_the_longterm_selection_for_its_horizon()
    {
        var tiny = DynamicsTestScenarios.Tiny();
        var flat = Structure.Create("deceiver", "", Expression.Parse("?o: Quantity"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], requires: ["training_process", "self_model"]);
        var scenario = Scenario.Create("flat", "", tiny.WorldModel, tiny.Structures.Where(s => s.Id != "deceiver").Append(flat), tiny.Analysis);
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 2, goalResolution: 2));
        var deceptive = StructureScorer.Score(scenario).Find("deceiver", Mechanism.Deceptive)!;
        var world = scenario.WorldModel;
        var longterm = world.SelectionBits(world.Find("longterm")!);

        space.Accounting.HorizonBits.Should().Be(longterm);
        var a = space.Accounting;
        (a.AwarenessBits + a.OverheadBits + a.ObjectiveBits).Should().BeApproximately(deceptive.Bits, 1e-9, "section 4 charged nothing for the horizon");
        var terms = Enumerable.Range(0, space.Count).Where(i => space[i].Branch == space.DeceptiveBranch && space[i].World == 0).Select(i => -space.DescriptionBits(i)).ToArray();
        (-Log2Math.Sum(terms)).Should().BeApproximately(deceptive.Bits + longterm, 1e-9, "the chain's deceptive model is long-term and pays for it");
    }

    private static Scenario Load(string file, HoleCost holeCost)
    {
        var scenario = file == "(default)" ? Scenario.Default : ScenarioLoader.Load(TestScenarios.Sample(file));
        return scenario.With(analysis: scenario.Analysis.With(holeCost: holeCost));
    }
}
