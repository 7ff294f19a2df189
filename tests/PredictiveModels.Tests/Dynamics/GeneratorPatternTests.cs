using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// <see cref="GeneratorPattern"/> and <see cref="ChainCache"/>: a generator filled into a pattern is the chain's
/// generator move for move, and a pattern shared by chains of the same layout changes no number.
/// </summary>
public sealed class GeneratorPatternTests
{
    private static readonly DynamicsSettings Small = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(4, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    public static TheoryData<string> Chains => ["tiny", "tiny with resets", "tiny fine-tuned", "default, coarse", "default with oversight, coarse", "no deceptive candidate"];

    private static ConfigurationSpace Space(string name) => name switch
    {
        "tiny" => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Small),
        "tiny with resets" => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Small, Phase.Create("watched", 20, oversightDetectionRate: 0.3)),
        "tiny fine-tuned" => ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Small, Phase.Create("rl", 20, conditionalBits: 3)),
        "default, coarse" => ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(worldSteps: 6, goalResolution: 64)),
        "default with oversight, coarse" => ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(worldSteps: 6, goalResolution: 64), Phase.Create("watched", 10, oversightDetectionRate: 0.01)),
        "no deceptive candidate" => ConfigurationSpace.Build(WithoutDeceptive(DynamicsTestScenarios.Tiny(dataSize: 100)), Small),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Scenario WithoutDeceptive(Scenario scenario) =>
        scenario.With(structures: [.. scenario.Structures.Where(s => s.Class != OutcomeClass.Deceptive)]);

    [Theory]
    [MemberData(nameof(Chains))]
    public void A_filled_pattern_holds_every_move_into_each_configuration_with_the_rate_the_space_gives_it(string chain)
    {
        var space = Space(chain);
        var generator = space.BuildGenerator();
        var resetsInto = Enumerable.Range(0, space.Count)
            .Where(i => space.Phase.OversightDetectionRate > 0 && space.ShowsPrecursors(i))
            .ToLookup(space.ResetTarget);

        for (var j = 0; j < space.Count; j++)
        {
            // The moves into j: the resets of every configuration that resets to j, then the reverses of j's own moves.
            var expected = resetsInto[j].Select(i => (i, space.Rate(i, j, MoveKind.Reset))).ToList();

            var exit = 0.0;
            var target = j;
            space.ForEachNeighbour(j, (i, kind) =>
            {
                exit += space.Rate(target, i, kind);
                if (kind != MoveKind.Reset)
                {
                    expected.Add((i, space.Rate(i, target, kind)));
                }
            });

            var row = Enumerable.Range(generator.RowStart[j], generator.RowStart[j + 1] - generator.RowStart[j])
                .Select(e => (generator.Sources[e], generator.Rates[e]))
                .ToList();
            row.Should().Equal(expected, $"row {j} ({space[j]}) lists its moves in order with their exact rates");
            generator.Exit[j].Should().BeApproximately(exit, 1e-12 * Math.Max(1, exit), $"configuration {j} leaves at the sum of its moves' rates");
        }
    }

    [Fact]
    public void Spaces_whose_layout_is_the_same_share_one_pattern_and_another_layout_gets_its_own()
    {
        var cache = new ChainCache();
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 100);
        var a = ConfigurationSpace.BuildReusing(scenario, Small, null, cache);
        var b = ConfigurationSpace.BuildReusing(scenario.With(analysis: scenario.Analysis.With(dataSize: 30)), Small, null, cache);
        var finer = ConfigurationSpace.BuildReusing(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 1), null, cache);

        b.Energies.Should().NotEqual(a.Energies, "the data size moves the energies");
        b.Pattern.Should().BeSameAs(a.Pattern);
        finer.Pattern.Should().NotBeSameAs(a.Pattern);
        cache.Built.Should().Be(2);
        a.Pattern.Fits(finer).Should().BeFalse();
        FluentActions.Invoking(() => a.Pattern.Fill(finer)).Should().Throw<ArgumentException>().WithMessage("*another layout*");
    }

    [Fact]
    public void A_generator_filled_into_a_borrowed_pattern_equals_one_filled_into_the_chains_own()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 100);
        var cache = new ChainCache();
        _ = ConfigurationSpace.BuildReusing(scenario.With(analysis: scenario.Analysis.With(dataSize: 30)), Small, null, cache).Pattern;

        var borrowed = ConfigurationSpace.BuildReusing(scenario, Small, null, cache).BuildGenerator();
        var own = ConfigurationSpace.Build(scenario, Small).BuildGenerator();

        cache.Built.Should().Be(1);
        borrowed.RowStart.Should().Equal(own.RowStart);
        borrowed.Sources.Should().Equal(own.Sources);
        borrowed.Rates.Should().Equal(own.Rates);
        borrowed.Exit.Should().Equal(own.Exit);
    }

    [Fact]
    public void Training_with_patterns_shared_across_scenarios_gives_the_numbers_of_training_each_alone()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 100).With(dynamics: Small, phases: [Phase.Create("pre", 10), Phase.Create("rl", 5, conditionalBits: 2)]);
        var other = scenario.With(analysis: scenario.Analysis.With(dataSize: 300));
        var cache = new ChainCache();

        _ = TrainingDynamics.Continue(other, Small, TrainingState.Start, other.Phases, null, default, absorption: false, relaxation: false, cache);
        var shared = TrainingDynamics.Continue(scenario, Small, TrainingState.Start, scenario.Phases, null, default, absorption: true, relaxation: false, cache);
        var alone = TrainingDynamics.Train(scenario, Small, scenario.Phases, relaxation: false);

        cache.Built.Should().Be(2, "the two phases have two layouts (the conditional lengthens the goals) and the second scenario reuses both");
        for (var k = 0; k < 2; k++)
        {
            shared.Phases[k].Transient.Probabilities.Should().Equal(alone.Phases[k].Transient.Probabilities);
            shared.Phases[k].Equilibrium.Probabilities.Should().Equal(alone.Phases[k].Equilibrium.Probabilities);
            shared.Phases[k].Absorption!.Probabilities.Should().Equal(alone.Phases[k].Absorption!.Probabilities);
            shared.Phases[k].ErrorBound.Should().Be(alone.Phases[k].ErrorBound);
        }
    }

    [Fact]
    public void A_cache_keeps_its_most_recently_used_patterns_up_to_its_capacity()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 100);
        var cache = new ChainCache();
        ConfigurationSpace WithResolution(double bits) => ConfigurationSpace.BuildReusing(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: bits), null, cache);

        // Resolutions whose chains differ in size, so each has a layout of its own.
        var resolutions = new[] { 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12 }
            .DistinctBy(bits => ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: bits)).Count)
            .Take(ChainCache.Capacity + 1)
            .ToArray();
        resolutions.Should().HaveCount(ChainCache.Capacity + 1);

        var first = WithResolution(resolutions[0]).Pattern;
        foreach (var bits in resolutions[1..^1])
        {
            _ = WithResolution(bits).Pattern;
        }

        cache.Built.Should().Be(ChainCache.Capacity);
        _ = WithResolution(resolutions[0]).Pattern;
        cache.Built.Should().Be(ChainCache.Capacity, "a cache at its capacity still holds its first layout");
        _ = WithResolution(resolutions[^1]).Pattern;
        _ = WithResolution(resolutions[1]).Pattern;
        cache.Built.Should().Be(ChainCache.Capacity + 2, "the new layout pushed out the least recently used one, the second");
        WithResolution(resolutions[0]).Pattern.Should().BeSameAs(first, "the first layout was used again, so it was kept");
        cache.Built.Should().Be(ChainCache.Capacity + 2);
    }

    [Fact]
    public void A_shared_chain_is_built_once_for_its_registered_uses_and_then_let_go()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 100).With(dynamics: Small);
        var phase = Phase.Create("pre", 10);
        var cache = new ChainCache();
        cache.Share(scenario, scenario.Dynamics, phase, uses: 2);

        var first = cache.Chain(scenario, scenario.Dynamics, phase, default);
        var second = cache.Chain(scenario, scenario.Dynamics, phase, default);
        var third = cache.Chain(scenario, scenario.Dynamics, phase, default);
        var otherPhase = cache.Chain(scenario, scenario.Dynamics, Phase.Create("pre", 10), default);

        second.Space.Should().BeSameAs(first.Space);
        second.Generator.Should().BeSameAs(first.Generator);
        third.Space.Should().NotBeSameAs(first.Space, "the two registered uses are spent");
        otherPhase.Space.Should().NotBeSameAs(first.Space, "an equal phase is another object, so another chain");
        cache.ChainsBuilt.Should().Be(3);
        cache.Built.Should().Be(1, "the three chains have one layout");
        third.Generator.Rates.Should().Equal(first.Generator.Rates);
    }
}
