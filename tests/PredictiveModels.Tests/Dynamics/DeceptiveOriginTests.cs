using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Deceptive configurations remember the branch and the completeness of the goal they jumped from.</summary>
public sealed class DeceptiveOriginTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, awarenessBonus: 0.05, horizonBonus: 0.05);

    private static ConfigurationSpace Space(Phase? phase = null) => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings, phase);

    private static List<(int Target, MoveKind Kind)> Moves(ConfigurationSpace space, int index)
    {
        var moves = new List<(int, MoveKind)>();
        space.ForEachNeighbour(index, (j, kind) => moves.Add((j, kind)));
        return moves;
    }

    [Fact]
    public void Every_origin_proxy_size_and_flag_has_one_deceptive_configuration_per_world_step()
    {
        var space = Space();
        var deceptive = Enumerable.Range(0, space.Count).Select(i => space[i]).Where(c => c.Branch == space.DeceptiveBranch).ToList();
        var expected = Enumerable.Range(1, space.Branches.Length - 2).Sum(b => 2 * (space.Branches[b].Steps + 1)) * (space.World.Steps + 1);

        deceptive.Should().HaveCount(expected);
        deceptive.Should().OnlyContain(c => c.LongTerm && c.Aware && c.Origin >= 1 && c.Origin < space.DeceptiveBranch && c.Goal <= space.Branches[c.Origin].Steps);
        deceptive.Distinct().Should().HaveCount(expected);
        Enumerable.Range(0, space.Count).Select(i => space[i]).Where(c => c.Branch != space.DeceptiveBranch).Should().OnlyContain(c => c.Origin == 0 && !c.Defection);
    }

    [Fact]
    public void The_jump_keeps_the_origin_and_flags_a_defection_exactly_when_the_goal_was_complete()
    {
        var space = Space();
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            foreach (var (j, kind) in Moves(space, i).Where(m => m.Kind == MoveKind.Jump && space[m.Target].Branch == space.DeceptiveBranch))
            {
                var d = space[j];
                d.Origin.Should().Be(c.Branch);
                d.Goal.Should().Be(c.Goal);
                d.World.Should().Be(c.World);
                d.Defection.Should().Be(c.Goal == space.Branches[c.Branch].Steps);
            }
        }
    }

    [Fact]
    public void The_reverse_jump_returns_only_to_the_origin_and_only_when_the_flag_matches_the_proxy()
    {
        var space = Space();
        var reversible = 0;
        var stranded = 0;
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            if (c.Branch != space.DeceptiveBranch)
            {
                continue;
            }

            var jumps = Moves(space, i).Where(m => m.Kind == MoveKind.Jump).Select(m => space[m.Target]).ToList();
            var complete = c.Goal == space.Branches[c.Origin].Steps;
            if (space.World.Fractions[c.World] >= Settings.ObjectiveUnderstoodAt && c.Defection == complete)
            {
                jumps.Should().Equal(new Configuration(c.World, c.Origin, c.Goal, true, true));
                reversible++;
            }
            else
            {
                jumps.Should().BeEmpty("{0} has no jump that lands on it", c);
                stranded++;
            }
        }

        reversible.Should().BeGreaterThan(0);
        stranded.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_deceptive_proxy_sheds_and_regains_bits_within_its_origins_goal_keeping_origin_and_flag()
    {
        var space = Space();
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            if (c.Branch != space.DeceptiveBranch)
            {
                continue;
            }

            var goals = Moves(space, i).Where(m => m.Kind == MoveKind.Goal).Select(m => space[m.Target]).ToList();
            var expected = new[] { c.Goal - 1, c.Goal + 1 }.Where(k => k >= 0 && k <= space.Branches[c.Origin].Steps && c.World >= space.Branches[c.Origin].GoalUnlockedAt).Select(k => c with { Goal = k });
            goals.Should().BeEquivalentTo(expected);
        }
    }

    [Fact]
    public void The_transient_through_the_new_moves_conserves_probability()
    {
        var space = Space();
        var transient = Transient.Compute(space, [50]);
        transient.Distributions[^1].Sum().Should().BeApproximately(1, 1e-9);
        transient.Distributions[^1].Where((_, i) => space[i].Branch == space.DeceptiveBranch).Sum().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Carrying_into_a_longer_goal_keeps_origin_proxy_and_flag()
    {
        var pre = Space();
        var fine = Space(Phase.Create("fine", 10, conditionalBits: 5));
        for (var i = 0; i < pre.Count; i++)
        {
            var c = pre[i];
            var carried = fine[fine.MapIndexFrom(pre, i)];
            if (c.Branch == pre.DeceptiveBranch)
            {
                carried.Should().Be(c with { Goal = Math.Min(c.Goal, fine.Branches[c.Origin].Steps) });
                fine.Branches[c.Origin].Steps.Should().BeGreaterThan(pre.Branches[c.Origin].Steps);
            }
        }
    }

    [Fact]
    public void Carrying_into_a_shorter_goal_caps_the_proxy_and_keeps_the_flag()
    {
        var fine = Space(Phase.Create("fine", 10, conditionalBits: 5));
        var pre = Space();
        for (var i = 0; i < fine.Count; i++)
        {
            var c = fine[i];
            if (c.Branch == fine.DeceptiveBranch)
            {
                var carried = pre[pre.MapIndexFrom(fine, i)];
                carried.Should().Be(c with { Goal = Math.Min(c.Goal, pre.Branches[c.Origin].Steps) });
            }
        }
    }

    [Fact]
    public void Race_and_defection_sum_to_the_deceptive_probability_and_the_incomplete_mass_is_part_of_each_class()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 1000);
        Phase[] phases = [Phase.Create("pre", 30), Phase.Create("fine", 30, conditionalBits: 4, horizonBonus: 0.05, awarenessBonus: 0.05)];

        var result = TrainingDynamics.Train(scenario, Settings, phases);

        result.Phases.Should().AllSatisfy(p =>
        {
            var s = p.Sources!;
            (s.Race + s.Defection).Should().BeApproximately(p.Transient.DeceptiveProbability, 1e-12);
            s.IncompleteOf(PredictiveModels.Structures.OutcomeClass.Deceptive).Should().Be(0);
            foreach (var k in Enum.GetValues<PredictiveModels.Structures.OutcomeClass>())
            {
                s.IncompleteOf(k).Should().BeInRange(0, p.Transient[k] + 1e-15);
            }
        });
        result.Final.Sources!.Race.Should().BeGreaterThan(0);
        result.Final.Sources!.Defection.Should().BeGreaterThan(0);
        result.Phases[0].Sources!.Incomplete.Sum().Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_sources_count_each_configuration_by_its_flag_and_its_goal()
    {
        var space = Space();
        var p = new double[space.Count];
        var race = space.IndexOf(new Configuration(3, space.DeceptiveBranch, 1, true, true, 1, false));
        var defection = space.IndexOf(new Configuration(3, space.DeceptiveBranch, 0, true, true, 2, true));
        var partial = space.IndexOf(new Configuration(3, 1, 0, false, true));
        var complete = space.IndexOf(new Configuration(3, 1, space.Branches[1].Steps, true, false));
        (p[race], p[defection], p[partial], p[complete]) = (0.1, 0.2, 0.3, 0.4);

        var s = OutcomeSources.FromConfigurations(space, p);

        s.Race.Should().Be(0.1);
        s.Defection.Should().Be(0.2);
        s.IncompleteOf(space.Branches[1].Class!.Value).Should().Be(0.3);
        s.Incomplete.Sum().Should().Be(0.3);
    }
}
