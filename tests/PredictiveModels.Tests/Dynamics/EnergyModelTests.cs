using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// <see cref="EnergyModel"/>: each term against the formula written out with the scenario's own inputs, the terms adding up
/// to the total, the total being the chain's energy to the bit, and each lever of a phase moving its own term and no other.
/// </summary>
public sealed class EnergyModelTests
{
    private const double A = 1.3;
    private const double Lambda = 0.6;
    private const double Temperature = 1.5;

    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(
        worldSteps: 3, goalResolution: 2, temperature: Temperature, worldGap: 0.7, goalGap: 0.4, horizonBonus: 0.05, awarenessBonus: 0.07);

    /// <summary>The tiny scenario with loss gaps, runtimes and cameras of more than one step, so that every term can be other than 0.</summary>
    private static readonly Scenario Scenario = BuildScenario();

    private static readonly ScoreReport Report = StructureScorer.Score(Scenario);

    public static TheoryData<string> Phases => EnergyTestPhases.Names;

    private static Scenario BuildScenario()
    {
        var tiny = DynamicsTestScenarios.Tiny(dataSize: 10);
        Structure[] structures =
        [
            Structure.Create("predictor", "", Expression.Parse("restrict(corpus, physical)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible], lossGap: 0.02, runtimeSteps: 8, cameraSteps: 4),
            tiny.FindStructure("inductor")!,
            Structure.Create("deceiver", "", Expression.Parse("longterm(?o: Quantity)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], lossGap: 0.01, runtimeSteps: 16, requires: ["training_process", "self_model"], cameraSteps: 2),
        ];
        return tiny.With(structures: structures, analysis: tiny.Analysis.With(simplicityExponent: A, speedWeight: Lambda));
    }

    private static CandidateScore Score(string structure, Mechanism mechanism) => Report.Find(structure, mechanism)!;

    private static int BranchOf(EnergyModel model, string structure) =>
        model.Branches.Select((b, i) => (b, i)).Single(x => x.b.Candidate?.Structure.Id == structure).i;

    private static double WorldBits => Scenario.WorldModel.TotalBits;

    [Fact]
    public void Each_term_of_an_honest_long_term_aware_configuration_in_fine_tuning_is_its_formula()
    {
        var model = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning);
        var predictor = Score("predictor", Mechanism.Corrigible);
        var goalBits = predictor.Bits + 2.5;
        var c = new Configuration(World: 2, Branch: BranchOf(model, "predictor"), Goal: 1, LongTerm: true, Aware: true);
        var x = model.World.Fractions[2];
        const double n = 3;

        var t = model.Terms(c);

        goalBits.Should().BeGreaterThan(2, "one goal step of 2 bits leaves the goal partial, so the goal gap is partly closed");
        (predictor.RuntimeSteps, predictor.Structure.CameraSteps, predictor.LossGap).Should().Be((8.0, 4.0, 0.02), "every term must be other than 0 to be checked");
        t.World.Should().BeApproximately(A * x * WorldBits, 1e-12);
        t.Goal.Should().BeApproximately(A * 2, 1e-12);
        t.Horizon.Should().BeApproximately(A * model.Accounting.HorizonBits, 1e-12);
        t.Awareness.Should().BeApproximately(A * model.Accounting.AwarenessBits, 1e-12);
        t.DeceptiveOverhead.Should().Be(0);
        t.Objective.Should().Be(0);
        t.ProxyNormalisation.Should().Be(0);
        t.OversightPenalty.Should().BeApproximately(A * 5, 1e-12);
        t.Speed.Should().BeApproximately(Lambda * Math.Log2(predictor.RuntimeSteps), 1e-12);
        t.CameraSpeed.Should().BeApproximately((2 - Lambda) * Math.Log2(predictor.Structure.CameraSteps), 1e-12);
        t.WorldLoss.Should().BeApproximately(n * 0.7 * (1 - x), 1e-12);
        t.GoalLoss.Should().BeApproximately(n * 0.4 * (1 - (2 / goalBits)), 1e-12);
        t.LossGap.Should().BeApproximately(n * predictor.LossGap, 1e-12);
        t.HorizonBonus.Should().BeApproximately(-n * 0.2, 1e-12);
        t.AwarenessBonus.Should().BeApproximately(-n * 0.3, 1e-12);
        t.KlRegularisation.Should().Be(0);
        t.InterspersedPretraining.Should().Be(0);
        t.Pretraining.Should().BeNull("the phase mixes no pre-training energy in");
        t.PhaseEnergy.Should().Be(t.Total);
    }

    [Fact]
    public void A_myopic_unaware_configuration_with_no_goal_pays_the_whole_goal_gap_and_no_precursor()
    {
        var model = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning);
        var t = model.Terms(new Configuration(0, 0, 0, false, false));

        t.World.Should().Be(0, "the world grid starts at no world model");
        t.Goal.Should().Be(0);
        t.Horizon.Should().Be(0);
        t.Awareness.Should().Be(0);
        t.OversightPenalty.Should().Be(0, "oversight penalises only configurations that are long-term and aware");
        t.Speed.Should().Be(0, "no goal runs in one step");
        t.CameraSpeed.Should().Be(0);
        t.WorldLoss.Should().BeApproximately(3 * 0.7, 1e-12);
        t.GoalLoss.Should().BeApproximately(3 * 0.4, 1e-12);
        t.LossGap.Should().Be(0);
        t.HorizonBonus.Should().Be(0);
        t.AwarenessBonus.Should().Be(0);
        t.Total.Should().BeApproximately(3 * (0.7 + 0.4), 1e-12);
    }

    [Fact]
    public void Each_term_of_a_deceptive_configuration_is_its_formula_with_the_proxies_normalised_at_the_temperature()
    {
        var model = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning);
        var deceiver = Score("deceiver", Mechanism.Deceptive);
        var origin = BranchOf(model, "inductor");
        var inductorBits = Score("inductor", Mechanism.Corrigible).Bits + 2.5;
        var c = new Configuration(World: 3, Branch: model.DeceptiveBranch, Goal: 1, LongTerm: true, Aware: true, Origin: origin, Defection: false);
        const double n = 3;

        // Every proxy of one world step: each aligned goal with its conditional, 0 to G_b steps of 2 bits, twice (race, defection).
        var proxies = new[] { Score("predictor", Mechanism.Corrigible).Bits + 2.5, inductorBits }
            .SelectMany(bits => Enumerable.Range(0, (int)Math.Ceiling(bits / 2) + 1).Select(k => Math.Min(2.0 * k, bits)))
            .SelectMany(p => new[] { p, p });
        var normalisation = Temperature * Math.Log2(proxies.Sum(p => Math.Pow(2, -A * p / Temperature)));

        var t = model.Terms(c);

        t.World.Should().BeApproximately(A * WorldBits, 1e-12, "the last world step holds the whole world model");
        t.Goal.Should().BeApproximately(A * Math.Min(2, inductorBits), 1e-12, "the kept proxy's bits");
        t.Horizon.Should().BeApproximately(A * model.Accounting.HorizonBits, 1e-12);
        t.Awareness.Should().BeApproximately(A * model.Accounting.AwarenessBits, 1e-12);
        t.DeceptiveOverhead.Should().BeApproximately(A * model.Accounting.OverheadBits, 1e-12);
        t.Objective.Should().BeApproximately(A * model.Accounting.ObjectiveBits, 1e-12);
        t.ProxyNormalisation.Should().BeApproximately(normalisation, 1e-12);
        t.OversightPenalty.Should().BeApproximately(A * 5, 1e-12);
        t.Speed.Should().BeApproximately(Lambda * Math.Log2(deceiver.RuntimeSteps), 1e-12);
        t.CameraSpeed.Should().BeApproximately((2 - Lambda) * Math.Log2(deceiver.Structure.CameraSteps), 1e-12);
        t.WorldLoss.Should().BeApproximately(0, 1e-12);
        t.GoalLoss.Should().Be(0, "a deceptive model plays along and has no goal gap");
        t.LossGap.Should().BeApproximately(n * deceiver.LossGap, 1e-12);
        t.HorizonBonus.Should().BeApproximately(-n * 0.2, 1e-12);
        t.AwarenessBonus.Should().BeApproximately(-n * 0.3, 1e-12);
    }

    [Fact]
    public void Kl_and_interspersed_terms_weigh_the_pre_training_energy_of_the_same_configuration()
    {
        var phase = EnergyTestPhases.FineTuning.With(klWeight: 0.2, pretrainingFraction: 0.3);
        var model = EnergyModel.Create(Scenario, Settings, phase);
        var predictor = Score("predictor", Mechanism.Corrigible);
        var c = new Configuration(1, BranchOf(model, "predictor"), 2, true, true);

        var t = model.Terms(c);
        var pre = t.Pretraining!;

        pre.Should().NotBeNull();
        pre.OversightPenalty.Should().Be(0, "pre-training has no oversight");
        pre.CameraSpeed.Should().Be(0, "pre-training has no camera model");
        pre.HorizonBonus.Should().BeApproximately(-10 * 0.05, 1e-12, "pre-training uses the scenario's n and the settings' bonuses");
        pre.GoalLoss.Should().BeApproximately(10 * 0.4 * (1 - (Math.Min(4, predictor.Bits) / predictor.Bits)), 1e-12, "pre-training's goal has no conditional");
        pre.Pretraining.Should().BeNull();
        t.KlRegularisation.Should().BeApproximately(0.2 * pre.Total, 1e-12);
        t.InterspersedPretraining.Should().BeApproximately(0.3 * (pre.Total - t.PhaseEnergy), 1e-12);
        t.Total.Should().BeApproximately((0.7 * t.PhaseEnergy) + (0.5 * pre.Total), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void The_terms_of_every_configuration_add_up_to_its_total(string phaseName)
    {
        var space = ConfigurationSpace.Build(Scenario, Settings, EnergyTestPhases.Named(phaseName));

        for (var i = 0; i < space.Count; i++)
        {
            var t = space.EnergyModel.Terms(space[i]);
            t.Terms.Sum(x => x.Bits).Should().BeApproximately(t.Total, 1e-12 * Math.Max(1, Math.Abs(t.Total)), "{0}", space[i]);
            (t.Terms.Sum(x => x.Bits) - t.KlRegularisation - t.InterspersedPretraining).Should().BeApproximately(t.PhaseEnergy, 1e-12 * Math.Max(1, Math.Abs(t.PhaseEnergy)));
            if (t.Pretraining is { } pre)
            {
                pre.Terms.Sum(x => x.Bits).Should().BeApproximately(pre.Total, 1e-12 * Math.Max(1, Math.Abs(pre.Total)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void The_chains_stored_energies_and_description_bits_are_the_models_to_the_bit(string phaseName)
    {
        var phase = EnergyTestPhases.Named(phaseName);
        var space = ConfigurationSpace.Build(Scenario, Settings, phase);
        var model = EnergyModel.Create(Scenario, Settings, phase);

        model.Branches.Should().Equal(space.Branches);
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            model.Terms(c).Total.Should().Be(space.Energy(i), "{0}", c);
            model.Energy(c).Should().Be(space.Energy(i));
            model.DescriptionBits(c).Should().Be(space.DescriptionBits(i));
        }
    }

    public static TheoryData<string> Levers => new() { "klWeight", "pretrainingFraction", "oversightPenaltyBits", "cameraSpeedWeight" };

    [Theory]
    [MemberData(nameof(Levers))]
    public void Each_lever_of_a_phase_moves_its_own_term_and_no_other(string lever)
    {
        var (changed, term) = lever switch
        {
            "klWeight" => (EnergyTestPhases.FineTuning.With(klWeight: 0.4), "klRegularisation"),
            "pretrainingFraction" => (EnergyTestPhases.FineTuning.With(pretrainingFraction: 0.4), "interspersedPretraining"),
            "oversightPenaltyBits" => (EnergyTestPhases.FineTuning.With(oversightPenaltyBits: 9), "oversightPenalty"),
            "cameraSpeedWeight" => (EnergyTestPhases.FineTuning.With(cameraSpeedWeight: 3.5), "cameraSpeed"),
            _ => throw new ArgumentOutOfRangeException(nameof(lever)),
        };
        var before = ConfigurationSpace.Build(Scenario, Settings, EnergyTestPhases.FineTuning);
        var after = EnergyModel.Create(Scenario, Settings, changed);

        var moved = 0;
        for (var i = 0; i < before.Count; i++)
        {
            var old = before.EnergyModel.Terms(before[i]).Terms;
            var now = after.Terms(before[i]).Terms;
            for (var k = 0; k < old.Length; k++)
            {
                if (old[k].Name != term)
                {
                    now[k].Bits.Should().Be(old[k].Bits, "{0} changes only {1}, not {2}, at {3}", lever, term, old[k].Name, before[i]);
                }
                else if (now[k].Bits != old[k].Bits)
                {
                    moved++;
                }
            }
        }

        moved.Should().BePositive("{0} must move {1} somewhere", lever, term);
    }

    [Fact]
    public void Prompting_moves_only_the_goal_terms_for_the_configurations_both_chains_hold()
    {
        var before = ConfigurationSpace.Build(Scenario, Settings, EnergyTestPhases.FineTuning);
        var prompted = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning.With(prompting: true));
        string[] goalTerms = ["goal", "goalLoss", "proxyNormalisation"];

        var moved = 0;
        for (var i = 0; i < before.Count; i++)
        {
            if (!prompted.Contains(before[i], out _))
            {
                continue;
            }

            var old = before.EnergyModel.Terms(before[i]).Terms;
            var now = prompted.Terms(before[i]).Terms;
            for (var k = 0; k < old.Length; k++)
            {
                if (!goalTerms.Contains(old[k].Name))
                {
                    now[k].Bits.Should().Be(old[k].Bits, "prompting drops the conditional from the goals and nothing else, at {0}", before[i]);
                }
                else if (now[k].Bits != old[k].Bits)
                {
                    moved++;
                }
            }
        }

        moved.Should().BePositive();
    }

    [Fact]
    public void The_library_example_of_dynamics_md_gives_the_default_scenarios_terms_without_building_its_chain()
    {
        // docs/dynamics.md, "One configuration's energy, term by term": the same calls.
        var scenario = Scenario.Default;
        var model = EnergyModel.Create(scenario, scenario.Dynamics, scenario.Phases[^1]);
        var terms = model.Terms(new Configuration(World: 8, Branch: 0, Goal: 0, LongTerm: false, Aware: false));

        model.World.Fractions[8].Should().BeApproximately(0.7, 1e-12, "the docs' example reads x_w = 0.7 at world step 8");
        terms.World.Should().BeApproximately(0.7 * scenario.WorldModel.TotalBits, 1e-6);
        terms.WorldLoss.Should().BeApproximately(0.3 * scenario.Phases[^1].DataSize!.Value, 1e-6, "the default's world gap is 1 bit per token, and fine-tuning sets its own n");
        terms.Terms.Sum(t => t.Bits).Should().BeApproximately(terms.Total, 1e-12 * terms.Total);
    }

    [Fact]
    public void The_term_names_are_the_terms_in_order()
    {
        var t = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning).Terms(new Configuration(0, 0, 0, false, false));

        t.Terms.Select(x => x.Name).Should().Equal(EnergyTerms.Names);
        EnergyTerms.Names.Should().OnlyHaveUniqueItems();
    }

    public static TheoryData<int, int, int, bool, bool, int, bool, string> Outside => new()
    {
        { 4, 0, 0, false, false, 0, false, "world step 4 is outside 0 to 3" },
        { -1, 0, 0, false, false, 0, false, "world step -1 is outside 0 to 3" },
        { 0, 4, 0, false, false, 0, false, "branch 4 is outside 0 to 3" },
        { 0, 0, 1, false, false, 0, false, "goal step 1 is outside 0 to 0, the goal steps of 'none'" },
        { 0, 1, 99, false, false, 0, false, "goal step 99 is outside 0 to" },
        { 0, 1, 0, false, false, 2, false, "only a deceptive configuration has an origin or a defection flag" },
        { 0, 3, 0, true, false, 1, false, "a deceptive configuration is always long-term and aware" },
        { 0, 3, 0, true, true, 3, false, "a deceptive configuration needs the branch its proxy came from, 1 to 2; it has 3" },
        { 0, 3, 99, true, true, 1, false, "proxy of 99 steps is outside 0 to" },
    };

    [Theory]
    [MemberData(nameof(Outside))]
    public void A_configuration_outside_the_chain_is_refused_with_the_range_it_breaks(int world, int branch, int goal, bool longTerm, bool aware, int origin, bool defection, string message)
    {
        var model = EnergyModel.Create(Scenario, Settings, EnergyTestPhases.FineTuning);
        var c = new Configuration(world, branch, goal, longTerm, aware, origin, defection);

        model.Contains(c, out var problem).Should().BeFalse();
        problem.Should().StartWith(message);
        var terms = () => model.Terms(c);
        terms.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
        var energy = () => model.Energy(c);
        energy.Should().Throw<ArgumentException>();
        var bits = () => model.DescriptionBits(c);
        bits.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Every_configuration_of_the_chain_is_contained()
    {
        var space = ConfigurationSpace.Build(Scenario, Settings, EnergyTestPhases.FineTuning);

        for (var i = 0; i < space.Count; i++)
        {
            space.EnergyModel.Contains(space[i], out var problem).Should().BeTrue(problem);
        }
    }
}
