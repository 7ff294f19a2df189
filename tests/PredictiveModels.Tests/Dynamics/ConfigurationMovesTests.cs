using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The moves of every configuration against the rules of <see cref="ConfigurationSpace"/>'s remarks, rewritten here from the
/// scenario (the thresholds from its world model), and the sparse generator against the moves and their rates.
/// </summary>
public sealed class ConfigurationMovesTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2);

    /// <summary>The world step from which a set of concepts is known: the largest acquisition among them, as a fraction of the world model.</summary>
    private static int StepOf(ConfigurationSpace space, Scenario scenario, IEnumerable<string> concepts)
    {
        var world = scenario.WorldModel;
        var bits = concepts.Select(world.FindConcept).OfType<PredictiveModels.WorldModels.Concept>().Select(world.AcquisitionBits).DefaultIfEmpty(0).Max();
        return space.World.StepAt(Math.Clamp(bits / world.TotalBits, 0, 1));
    }

    /// <summary>The moves of a configuration by the rules, as (target, kind) pairs.</summary>
    private static List<(Configuration Target, MoveKind Kind)> Rules(ConfigurationSpace space, Scenario scenario, Configuration c)
    {
        var moves = new List<(Configuration, MoveKind)>();
        var d = space.DeceptiveBranch;
        var objectiveAt = space.World.StepAt(space.Settings.ObjectiveUnderstoodAt);
        var awareAt = d < 0 ? 0 : StepOf(space, scenario, space.Branches[d].Candidate!.Structure.Requires);
        int UnlockedAt(int b) => space.Branches[b].Candidate!.Mechanism == Mechanism.Corrigible
            ? StepOf(space, scenario, space.Branches[b].Candidate!.Structure.Camera.Nodes().OfType<Application>().Select(a => a.Name))
            : 0;

        if (space.Phase.OversightDetectionRate > 0 && c.LongTerm && c.Aware)
        {
            moves.Add((new Configuration(c.World, 0, 0, false, false), MoveKind.Reset));
        }

        if (c.World > 0)
        {
            moves.Add((c with { World = c.World - 1 }, MoveKind.World));
        }

        if (c.World < space.World.Steps)
        {
            moves.Add((c with { World = c.World + 1 }, MoveKind.World));
        }

        var goalOf = c.Branch == d ? c.Origin : c.Branch;
        if (goalOf > 0 && c.World >= UnlockedAt(goalOf))
        {
            if (c.Goal > 0)
            {
                moves.Add((c with { Goal = c.Goal - 1 }, MoveKind.Goal));
            }

            if (c.Goal < space.Branches[goalOf].Steps)
            {
                moves.Add((c with { Goal = c.Goal + 1 }, MoveKind.Goal));
            }
        }

        if (c.Branch == d)
        {
            if (c.World >= objectiveAt && c.Defection == (c.Goal == space.Branches[c.Origin].Steps))
            {
                moves.Add((new Configuration(c.World, c.Origin, c.Goal, true, true), MoveKind.Jump));
            }

            return moves;
        }

        if (c.Branch == 0)
        {
            moves.AddRange(Enumerable.Range(1, space.Branches.Length - 1).Where(b => b != d).Select(b => (c with { Branch = b }, MoveKind.Enter)));
        }
        else
        {
            if (c.Goal == 0)
            {
                moves.Add((c with { Branch = 0 }, MoveKind.Enter));
            }

            if (d >= 0 && c.LongTerm && c.Aware && c.World >= objectiveAt)
            {
                moves.Add((new Configuration(c.World, d, c.Goal, true, true, c.Branch, c.Goal == space.Branches[c.Branch].Steps), MoveKind.Jump));
            }
        }

        moves.Add((c with { LongTerm = !c.LongTerm }, MoveKind.Horizon));
        if (c.World >= awareAt)
        {
            moves.Add((c with { Aware = !c.Aware }, MoveKind.Awareness));
        }

        return moves;
    }

    /// <summary>The same moves in any order (compared as sorted text first: an assertion per configuration would be slow).</summary>
    private static void ShouldBeTheSameMoves(List<(Configuration, MoveKind)> actual, List<(Configuration, MoveKind)> expected, Configuration c)
    {
        var a = actual.Select(m => m.ToString()).Order(StringComparer.Ordinal).ToList();
        var e = expected.Select(m => m.ToString()).Order(StringComparer.Ordinal).ToList();
        if (!a.SequenceEqual(e))
        {
            a.Should().Equal(e, "the moves of {0}", c);
        }
    }

    public static TheoryData<double, double> Chains => new() { { 0.5, 0 }, { 0.9, 0.5 }, { 0, 2 } };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Every_configuration_has_exactly_the_moves_the_rules_give(double objectiveUnderstoodAt, double detectionRate)
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var space = ConfigurationSpace.Build(scenario, Settings.With(objectiveUnderstoodAt: objectiveUnderstoodAt), Phase.Create("p", 1, oversightDetectionRate: detectionRate));
        var kinds = new HashSet<MoveKind>();

        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            var actual = new List<(Configuration, MoveKind)>();
            space.ForEachNeighbour(i, (j, kind) => actual.Add((space[j], kind)));

            ShouldBeTheSameMoves(actual, Rules(space, scenario, c), c);
            kinds.UnionWith(actual.Select(m => m.Item2));
        }

        kinds.Should().BeEquivalentTo(detectionRate > 0 ? Enum.GetValues<MoveKind>() : Enum.GetValues<MoveKind>().Where(k => k != MoveKind.Reset), "every kind of move occurs");
    }

    [Fact]
    public void The_thresholds_of_the_tiny_chain_lie_inside_the_world_axis_so_the_rules_are_tested_on_both_sides()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var space = ConfigurationSpace.Build(scenario, Settings);
        var deceiver = space.Branches[space.DeceptiveBranch].Candidate!.Structure;

        StepOf(space, scenario, deceiver.Requires).Should().BeInRange(1, space.World.Steps, "awareness needs part of the world model");
        space.World.StepAt(0.5).Should().BeInRange(1, space.World.Steps - 1);
    }

    [Fact]
    public void Indexing_round_trips_and_the_parts_of_a_configuration_read_back()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);

        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            space.IndexOf(c).Should().Be(i);
            space.ClassOf(i).Should().Be(space.Branches[c.Branch].Candidate?.Class);
            space.ShowsPrecursors(i).Should().Be(c.LongTerm && c.Aware);
            space[space.ResetTarget(i)].Should().Be(new Configuration(c.World, 0, 0, false, false));
        }

        space[space.Count - 1].Branch.Should().Be(space.DeceptiveBranch, "the deceptive branch comes last");
        space[space.Count - 1].Should().Be(new Configuration(space.World.Steps, space.DeceptiveBranch, space.Branches[space.DeceptiveBranch - 1].Steps, true, true, space.DeceptiveBranch - 1, true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_deceptive_configuration_without_a_valid_origin_has_no_index(int origin)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);
        var act = () => space.IndexOf(new Configuration(0, space.DeceptiveBranch, 0, true, true, origin));

        space.DeceptiveBranch.Should().Be(3);
        act.Should().Throw<ArgumentException>().WithMessage($"A deceptive configuration needs the non-deceptive branch its proxy came from (1 to 2); it has {origin}.*").Which.ParamName.Should().Be("c");
    }

    [Fact]
    public void Without_a_deceptive_candidate_there_is_no_deceptive_branch_and_no_jump()
    {
        var tiny = DynamicsTestScenarios.Tiny();
        var scenario = tiny.With(structures: tiny.Structures.Where(s => s.Id != "deceiver"));
        var space = ConfigurationSpace.Build(scenario, Settings);

        space.DeceptiveBranch.Should().Be(-1);
        space.Count.Should().Be(Enumerable.Range(0, space.Branches.Length).Sum(b => (space.World.Steps + 1) * (space.Branches[b].Steps + 1) * 4));
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            space.IndexOf(c).Should().Be(i);
            var actual = new List<(Configuration, MoveKind)>();
            space.ForEachNeighbour(i, (j, kind) => actual.Add((space[j], kind)));
            ShouldBeTheSameMoves(actual, Rules(space, scenario, c), c);
            space.DescriptionBits(i).Should().BeApproximately(
                (space.World.Fractions[c.World] * scenario.WorldModel.TotalBits) + Math.Min(c.Goal * 2, space.Branches[c.Branch].Bits)
                + (c.LongTerm ? space.Accounting.HorizonBits : 0) + (c.Aware ? space.Accounting.AwarenessBits : 0), 1e-9);
        }
    }

    /// <summary>The generator's entries, rebuilt from the moves and <see cref="ConfigurationSpace.Rate"/>: per target, its sources and rates, and per source, its exit rate.</summary>
    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 0.5)]
    [InlineData(1e9, 0.5)]
    public void The_generator_holds_every_moves_rate_into_its_target_and_every_exit_rate(double dataSize, double detectionRate)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize), Settings, Phase.Create("p", 1, oversightDetectionRate: detectionRate));
        var into = Enumerable.Range(0, space.Count).Select(_ => new List<(int Source, double Rate)>()).ToArray();
        var exit = new double[space.Count];
        for (var i = 0; i < space.Count; i++)
        {
            var from = i;
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(from, j, kind);
                into[j].Add((from, rate));
                exit[from] += rate;
            });
        }

        var generator = space.BuildGenerator();

        generator.Count.Should().Be(space.Count);
        generator.NonZeros.Should().Be(into.Sum(x => x.Count));
        generator.RowStart[0].Should().Be(0);
        for (var j = 0; j < space.Count; j++)
        {
            var row = Enumerable.Range(generator.RowStart[j], generator.RowStart[j + 1] - generator.RowStart[j])
                .Select(e => (generator.Sources[e], generator.Rates[e])).OrderBy(x => x.Item1).ToList();
            var expected = into[j].OrderBy(x => x.Source).ToList();
            row.Select(x => x.Item1).Should().Equal(expected.Select(x => x.Source), "the sources of the moves into {0}", space[j]);
            for (var e = 0; e < row.Count; e++)
            {
                row[e].Item2.Should().BeApproximately(expected[e].Rate, 1e-12 * Math.Max(1, expected[e].Rate));
            }

            double.IsFinite(generator.Exit[j]).Should().BeTrue();
            generator.Exit[j].Should().BeApproximately(exit[j], 1e-12 * Math.Max(1, exit[j]), "the exit rate of {0}", space[j]);
        }

        generator.MaxExitRate.Should().Be(generator.Exit.Max());
    }

    [Fact]
    public void Carrying_a_configuration_keeps_it_and_caps_its_goal_at_the_goal_length_here()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var longer = ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 1, conditionalBits: 4));
        var shorter = ConfigurationSpace.Build(scenario, Settings);

        for (var i = 0; i < longer.Count; i++)
        {
            var c = longer[i];
            var cap = shorter.Branches[c.Branch == longer.DeceptiveBranch ? c.Origin : c.Branch].Steps;
            shorter[shorter.MapIndexFrom(longer, i)].Should().Be(c with { Goal = Math.Min(c.Goal, cap) });
        }

        for (var i = 0; i < shorter.Count; i++)
        {
            longer[longer.MapIndexFrom(shorter, i)].Should().Be(shorter[i]);
        }
    }

    [Fact]
    public void Mapping_a_distribution_adds_the_mass_of_configurations_carried_to_the_same_place()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var longer = ConfigurationSpace.Build(scenario, Settings, Phase.Create("rl", 1, conditionalBits: 4));
        var shorter = ConfigurationSpace.Build(scenario, Settings);
        var b = 1;
        var p = new double[longer.Count];
        p[longer.IndexOf(new Configuration(2, b, longer.Branches[b].Steps, false, true))] = 0.25;
        p[longer.IndexOf(new Configuration(2, b, longer.Branches[b].Steps - 1, false, true))] = 0.5;
        p[longer.IndexOf(new Configuration(0, 0, 0, false, false))] = 0.25;

        var mapped = shorter.MapFrom(longer, p);

        mapped.Should().HaveCount(shorter.Count);
        mapped[shorter.IndexOf(new Configuration(2, b, shorter.Branches[b].Steps, false, true))].Should().Be(0.75);
        mapped[shorter.Start].Should().Be(0.25);
        mapped.Count(x => x != 0).Should().Be(2);
    }

    [Fact]
    public void Carrying_from_another_world_resolution_or_scenario_or_a_wrong_index_or_length_is_refused()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var space = ConfigurationSpace.Build(scenario, Settings);
        var finer = ConfigurationSpace.Build(scenario, Settings.With(worldSteps: 5));
        var fewer = ConfigurationSpace.Build(scenario.With(structures: scenario.Structures.Where(s => s.Id != "inductor")), Settings);

        FluentActions.Invoking(() => space.MapIndexFrom(finer, 0)).Should().Throw<ArgumentException>()
            .WithMessage("The previous space belongs to another scenario or world resolution.*").Which.ParamName.Should().Be("previous");
        FluentActions.Invoking(() => space.MapIndexFrom(fewer, 0)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("previous");
        FluentActions.Invoking(() => space.MapFrom(finer, new double[finer.Count])).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("previous");
        FluentActions.Invoking(() => space.MapIndexFrom(null!, 0)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => space.MapIndexFrom(space, -1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => space.MapIndexFrom(space, space.Count)).Should().Throw<ArgumentOutOfRangeException>();
        space.MapIndexFrom(space, space.Count - 1).Should().Be(space.Count - 1);
        FluentActions.Invoking(() => space.MapFrom(space, new double[space.Count - 1])).Should().Throw<ArgumentException>()
            .WithMessage($"The distribution has {space.Count - 1} entries; the previous space has {space.Count} configurations.*").Which.ParamName.Should().Be("distribution");
    }

    [Fact]
    public void Counting_and_checking_a_phases_chain_use_that_phases_goal_lengths()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var phase = Phase.Create("rl", 1, conditionalBits: 8);
        var pre = ConfigurationSpace.CountConfigurations(scenario, Settings);
        var fine = ConfigurationSpace.CountConfigurations(scenario, Settings, phase);

        pre.Should().Be(ConfigurationSpace.Build(scenario, Settings).Count);
        fine.Should().Be(ConfigurationSpace.Build(scenario, Settings, phase).Count).And.BeGreaterThan(pre);
        var limited = Settings.With() is var s ? DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, maxConfigurations: pre) : s;
        FluentActions.Invoking(() => ConfigurationSpace.CheckSize(scenario, limited)).Should().NotThrow();
        FluentActions.Invoking(() => ConfigurationSpace.CheckSize(scenario, limited, phase)).Should().Throw<PredictiveModels.Diagnostics.ModelException>();
        FluentActions.Invoking(() => ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, maxConfigurations: pre - 1))).Should().Throw<PredictiveModels.Diagnostics.ModelException>();
        ConfigurationSpace.Build(scenario, limited).Count.Should().Be((int)pre, "a chain exactly at the limit is built");
    }

    [Fact]
    public void A_chain_over_the_limit_is_refused_with_its_size_its_memory_and_its_largest_goal()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, maxConfigurations: 100);
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 2));
        var largest = space.Branches.Where(b => !b.IsDeceptive).MaxBy(b => b.Steps)!;
        var mib = space.Count * 300L / (1 << 20);

        var d = FluentActions.Invoking(() => ConfigurationSpace.CheckSize(scenario, settings)).Should().Throw<PredictiveModels.Diagnostics.ModelException>().Which.Diagnostics.Single();

        d.Path.Should().Be("dynamics.goalResolution");
        d.Message.Should().Be(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the training chain would have {space.Count:N0} configurations (about {mib:N0} MiB), more than the limit of 100; raise dynamics.goalResolution (now 2 bits per step; the largest goal, {largest.Label}, has {largest.Bits:F0} bits) or lower dynamics.worldSteps (now 4)"));
        largest.Label.Should().NotBe("none");
    }

    [Fact]
    public void A_chain_past_half_the_largest_int_is_refused_whatever_the_configured_limit()
    {
        var settings = DynamicsSettings.Create(worldSteps: 10_000, goalResolution: 0.001, maxConfigurations: long.MaxValue);
        var count = ConfigurationSpace.CountConfigurations(Scenario.Default, settings);

        count.Should().BeGreaterThan(int.MaxValue / 2);
        var d = FluentActions.Invoking(() => ConfigurationSpace.CheckSize(Scenario.Default, settings)).Should().Throw<PredictiveModels.Diagnostics.ModelException>().Which.Diagnostics.Single();
        d.Message.Should().StartWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the training chain would have {count:N0} configurations (about {count * 450 / (1 << 20):N0} MiB), more than the limit of"));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);

        FluentActions.Invoking(() => ConfigurationSpace.Build(null!, Settings)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConfigurationSpace.CountConfigurations(null!, Settings)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConfigurationSpace.CountConfigurations(DynamicsTestScenarios.Tiny(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConfigurationSpace.CheckSize(null!, Settings)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConfigurationSpace.CheckSize(DynamicsTestScenarios.Tiny(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => space.ForEachNeighbour(0, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_reset_runs_at_the_detection_rate_and_has_no_base_rate()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings, Phase.Create("p", 1, oversightDetectionRate: 0.7));
        var from = space.IndexOf(new Configuration(2, 1, 1, true, true));

        space.Rate(from, space.ResetTarget(from), MoveKind.Reset).Should().Be(0.7);
        FluentActions.Invoking(() => space.BaseRate(from, space.ResetTarget(from), MoveKind.Reset)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_deceptive_proxys_goal_step_runs_at_the_goal_rate_divided_by_the_bits_of_its_origins_step()
    {
        var settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: new Dictionary<MoveKind, double> { [MoveKind.Goal] = 3 });
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings);
        var d = space.DeceptiveBranch;
        for (var origin = 1; origin < d; origin++)
        {
            var steps = space.Branches[origin].Steps;
            for (var k = 0; k < steps; k++)
            {
                var at = space.IndexOf(new Configuration(4, d, k, true, true, origin));
                var up = space.IndexOf(new Configuration(4, d, k + 1, true, true, origin));
                var bits = Math.Min((k + 1) * 2, space.Branches[origin].Bits) - (k * 2);
                space.BaseRate(at, up, MoveKind.Goal).Should().BeApproximately(3 / Math.Max(bits, 1), 1e-12);
                space.BaseRate(up, at, MoveKind.Goal).Should().BeApproximately(3 / Math.Max(bits, 1), 1e-12);
            }
        }
    }
}
