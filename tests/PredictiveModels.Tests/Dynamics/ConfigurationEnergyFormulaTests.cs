using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Every configuration's energy and description bits against the formulas of <see cref="ConfigurationSpace"/>'s remarks,
/// recomputed here from the scenario's scores (not from the space's branches) with every term of a phase switched on.
/// </summary>
public sealed class ConfigurationEnergyFormulaTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(
        worldSteps: 3, goalResolution: 2, temperature: 1.5, worldGap: 0.7, goalGap: 0.4, horizonBonus: 0.05, awarenessBonus: 0.07);

    private static readonly Scenario Scenario = DynamicsTestScenarios.Tiny(dataSize: 10) is var s
        ? s.With(analysis: s.Analysis.With(simplicityExponent: 1.3, speedWeight: 0.6))
        : throw new InvalidOperationException();

    public static TheoryData<string> Phases => EnergyTestPhases.Names;

    /// <summary>The formulas, from the scores: branch 0 is no goal, then the non-deceptive candidates in report order, then the deceptive one.</summary>
    private sealed class Reference
    {
        private readonly ConfigurationSpace _space;
        private readonly Phase _phase;
        private readonly CandidateScore?[] _scores;
        private readonly double _conditional;

        public Reference(ConfigurationSpace space, Phase phase)
        {
            _space = space;
            _phase = phase;
            var report = StructureScorer.Score(Scenario);
            _scores = [null, .. report.Candidates.Where(c => c.Mechanism != Mechanism.Deceptive), report.Candidates.Single(c => c.Mechanism == Mechanism.Deceptive)];
            _conditional = phase.Prompting ? 0 : phase.ConditionalBits;
        }

        private int Deceptive => _scores.Length - 1;

        private double GoalBits(int b, bool pretraining) => b == 0 ? 0 : _scores[b]!.Bits + (pretraining ? 0 : _conditional);

        private int Steps(int b) => b == 0 ? 0 : Math.Max(1, (int)Math.Ceiling((GoalBits(b, false) / Settings.GoalResolution) - 1e-9));

        private static double Learned(int steps, double bits) => Math.Min(steps * Settings.GoalResolution, bits);

        /// <summary>Every proxy's bits, twice (race and defection), over the non-deceptive candidates.</summary>
        private IEnumerable<double> Proxies() =>
            Enumerable.Range(1, Deceptive - 1).SelectMany(b => Enumerable.Range(0, Steps(b) + 1).SelectMany(k => new[] { Learned(k, GoalBits(b, false)), Learned(k, GoalBits(b, false)) }));

        private double WorldBits(Configuration c) => _space.World.Fractions[c.World] * Scenario.WorldModel.TotalBits;

        public double DescriptionBits(Configuration c)
        {
            var a = _space.Accounting;
            if (c.Branch == Deceptive)
            {
                var normalisation = Math.Log2(Proxies().Sum(p => Math.Pow(2, -p)));
                return WorldBits(c) + a.HorizonBits + a.AwarenessBits + a.OverheadBits + a.ObjectiveBits + Learned(c.Goal, GoalBits(c.Origin, false)) + normalisation;
            }

            return WorldBits(c) + Learned(c.Goal, GoalBits(c.Branch, false)) + (c.LongTerm ? a.HorizonBits : 0) + (c.Aware ? a.AwarenessBits : 0);
        }

        public double Energy(Configuration c)
        {
            var own = Energy(c, pretraining: false);
            var pre = Energy(c, pretraining: true);
            return ((1 - _phase.PretrainingFraction) * own) + ((_phase.PretrainingFraction + _phase.KlWeight) * pre);
        }

        private double Energy(Configuration c, bool pretraining)
        {
            var analysis = Scenario.Analysis;
            var accounting = _space.Accounting;
            var a = analysis.SimplicityExponent;
            var lambda = analysis.SpeedWeight;
            var n = pretraining ? analysis.DataSize : _phase.DataSize ?? analysis.DataSize;
            var horizonBonus = pretraining ? Settings.HorizonBonus : _phase.HorizonBonus ?? Settings.HorizonBonus;
            var awarenessBonus = pretraining ? Settings.AwarenessBonus : _phase.AwarenessBonus ?? Settings.AwarenessBonus;
            var penalty = !pretraining && c.LongTerm && c.Aware ? _phase.OversightPenaltyBits : 0;
            var score = _scores[c.Branch];
            var runtime = score?.RuntimeSteps ?? 1;
            var camera = score?.Structure.CameraSteps ?? 1;
            var speed = (lambda * Math.Log2(runtime)) + (!pretraining && _phase.CameraSpeedWeight is { } weight ? (weight - lambda) * Math.Log2(camera) : 0);
            var x = _space.World.Fractions[c.World];
            var worldLoss = Settings.WorldGap * (1 - x);
            var lossGap = score?.LossGap ?? 0;
            if (c.Branch == Deceptive)
            {
                var bits = WorldBits(c) + accounting.HorizonBits + accounting.AwarenessBits + accounting.OverheadBits + accounting.ObjectiveBits
                    + Learned(c.Goal, GoalBits(c.Origin, false)) + penalty;
                var entropy = Settings.Temperature * Math.Log2(Proxies().Sum(p => Math.Pow(2, -a * p / Settings.Temperature)));
                return (a * bits) + entropy + speed + (n * (worldLoss + lossGap - horizonBonus - awarenessBonus));
            }

            var goalBits = GoalBits(c.Branch, pretraining);
            var learned = Learned(c.Goal, goalBits);
            var held = WorldBits(c) + learned + penalty + (c.LongTerm ? accounting.HorizonBits : 0) + (c.Aware ? accounting.AwarenessBits : 0);
            var goalFraction = c.Branch == 0 ? 0 : learned / goalBits;
            var loss = worldLoss + (Settings.GoalGap * (1 - goalFraction)) + lossGap - (c.LongTerm ? horizonBonus : 0) - (c.Aware ? awarenessBonus : 0);
            return (a * held) + speed + (n * loss);
        }
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void Every_configurations_energy_is_the_remarks_formula_with_every_term_of_the_phase(string phaseName)
    {
        var phase = EnergyTestPhases.Named(phaseName);
        var space = ConfigurationSpace.Build(Scenario, Settings, phase);
        var reference = new Reference(space, phase);

        space.DeceptiveBranch.Should().Be(3, "the tiny scenario has two aligned candidates and one deceptive");
        for (var i = 0; i < space.Count; i++)
        {
            var expected = reference.Energy(space[i]);
            space.Energy(i).Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)), "{0} in phase {1}", space[i], phaseName);
        }
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void Every_configurations_description_bits_are_the_remarks_formula_without_oversights_penalty(string phaseName)
    {
        var phase = EnergyTestPhases.Named(phaseName);
        var space = ConfigurationSpace.Build(Scenario, Settings, phase);
        var reference = new Reference(space, phase);

        for (var i = 0; i < space.Count; i++)
        {
            var expected = reference.DescriptionBits(space[i]);
            space.DescriptionBits(i).Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)), "{0} in phase {1}", space[i], phaseName);
        }
    }

    [Fact]
    public void The_branches_carry_the_candidates_bits_with_the_phases_conditional_and_their_goal_steps()
    {
        var space = ConfigurationSpace.Build(Scenario, Settings, EnergyTestPhases.FineTuning);
        var report = StructureScorer.Score(Scenario);

        space.Branches[0].Should().Be(new Branch(null, 0, 0, 1, 0, 0, 0, 1));
        for (var b = 1; b < space.Branches.Length; b++)
        {
            var branch = space.Branches[b];
            var score = report.Find(branch.Candidate!.Structure.Id, branch.Candidate.Mechanism)!;
            branch.PretrainingBits.Should().Be(score.Bits);
            branch.RuntimeSteps.Should().Be(score.RuntimeSteps);
            branch.CameraSteps.Should().Be(score.Structure.CameraSteps);
            branch.LossGap.Should().Be(score.LossGap);
            if (branch.IsDeceptive)
            {
                branch.Bits.Should().Be(score.Bits, "the deceptive branch infers the conditional at run time");
                branch.Steps.Should().Be(space.Branches.Where(x => !x.IsDeceptive).Max(x => x.Steps), "its proxies reach the largest goal");
                branch.GoalUnlockedAt.Should().Be(0);
                continue;
            }

            branch.Bits.Should().Be(score.Bits + 2.5);
            branch.Steps.Should().Be((int)Math.Ceiling((score.Bits + 2.5) / 2));
        }
    }
}
