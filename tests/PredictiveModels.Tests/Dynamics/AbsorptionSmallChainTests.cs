using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The absorption analysis on chains of a few hundred configurations, cheap enough to run against every mutant: which
/// configurations absorb, agreement with a dense solve, the accounting of the residual, and the checks of a starting
/// distribution (<see cref="AbsorptionTests"/> has the slower comparisons with first passage and the default chain).
/// </summary>
public sealed class AbsorptionSmallChainTests
{
    private static ConfigurationSpace Space(double dataSize = 100, double tolerance = 1e-12) =>
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, horizonBits: 1, awarenessBits: 1, awarenessBonus: 0.05, horizonBonus: 0.05, tolerance: tolerance));

    [Fact]
    public void Only_complete_goals_of_honest_branches_and_every_deceptive_configuration_absorb()
    {
        var space = Space();

        Absorption.IsAbsorbing(space, space.Start).Should().BeFalse("training starts with no goal");
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            var expected = c.Branch == space.DeceptiveBranch || (c.Branch != 0 && c.Goal == space.Branches[c.Branch].Steps);
            Absorption.IsAbsorbing(space, i).Should().Be(expected, $"configuration {i} ({c})");
        }

        Enumerable.Range(0, space.Count).Count(i => Absorption.IsAbsorbing(space, i) && space[i].Branch != space.DeceptiveBranch).Should().BePositive();
        Enumerable.Range(0, space.Count).Count(i => !Absorption.IsAbsorbing(space, i) && space[i].Branch != 0).Should().BePositive();
    }

    [Fact]
    public void A_missing_chain_is_an_argument_error()
    {
        ((Action)(() => Absorption.IsAbsorbing(null!, 0))).Should().Throw<ArgumentNullException>();
        ((Action)(() => Absorption.Compute(null!))).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public void Class_probabilities_and_mean_time_agree_with_a_dense_solve(double dataSize)
    {
        var space = Space(dataSize);
        var (classes, meanTime) = DenseAbsorption.Solve(space, null);

        var result = Absorption.Compute(space);

        result.Probabilities.Probabilities.Should().Equal(classes, (a, b) => Math.Abs(a - b) <= 1e-11);
        result.MeanTime.Should().BeApproximately(meanTime, 1e-8 * meanTime);
        result.Residual.Should().BeLessThanOrEqualTo(1e-12);
        result.Sweeps.Should().BePositive();
        (result.Probabilities.Probabilities.Sum() + result.Unaccounted).Should().BeApproximately(1, 1e-14);
    }

    [Fact]
    public void A_starting_distribution_on_transient_and_absorbing_configurations_agrees_with_a_dense_solve()
    {
        var space = Space(dataSize: 10);
        var initial = new double[space.Count];
        var transient = Enumerable.Range(0, space.Count).Where(i => !Absorption.IsAbsorbing(space, i)).ToArray();
        var absorbing = Enumerable.Range(0, space.Count).Where(i => Absorption.IsAbsorbing(space, i)).ToArray();
        initial[transient[^1]] = 0.25;
        initial[transient[transient.Length / 2]] = 0.25;
        initial[absorbing[0]] = 0.5;
        var (classes, meanTime) = DenseAbsorption.Solve(space, initial);

        var result = Absorption.Compute(space, initial);

        result.Probabilities.Probabilities.Should().Equal(classes, (a, b) => Math.Abs(a - b) <= 1e-11);
        result.MeanTime.Should().BeApproximately(meanTime, 1e-8 * meanTime);
        result.Probabilities[space.ClassOf(absorbing[0])!.Value].Should().BeGreaterThanOrEqualTo(0.5);
    }

    [Fact]
    public void The_residual_is_the_mass_left_unaccounted_and_a_looser_tolerance_stops_sooner()
    {
        var loose = Absorption.Compute(Space(dataSize: 10, tolerance: 1e-3));
        var tight = Absorption.Compute(Space(dataSize: 10, tolerance: 1e-12));

        loose.Residual.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(1e-3);
        var total = loose.Probabilities.Probabilities.Sum();
        loose.Unaccounted.Should().Be(Math.Abs(1 - total));
        loose.Probabilities.Undecided.Should().Be(Math.Max(0, 1 - total));
        loose.Unaccounted.Should().BeApproximately(loose.Residual, 1e-12);
        loose.Sweeps.Should().BeLessThan(tight.Sweeps);
        loose.MeanTime.Should().BeLessThan(tight.MeanTime, "the sweeps raise every expected time towards its exact value");
    }

    [Fact]
    public void Mass_that_starts_absorbed_needs_no_sweep_and_takes_no_time()
    {
        var space = Space();
        var initial = new double[space.Count];
        var honest = Enumerable.Range(0, space.Count).First(i => Absorption.IsAbsorbing(space, i) && space[i].Branch != space.DeceptiveBranch);
        initial[honest] = 1;

        var result = Absorption.Compute(space, initial);

        result.Sweeps.Should().Be(0);
        result.MeanTime.Should().Be(0);
        result.Residual.Should().Be(0);
        result.Probabilities[space.ClassOf(honest)!.Value].Should().Be(1);
        result.Unaccounted.Should().Be(0);
    }

    [Fact]
    public void A_cancelled_computation_stops_before_its_first_sweep()
    {
        var act = () => Absorption.Compute(Space(), null, new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData(5e-7)]
    [InlineData(-5e-7)]
    public void A_distribution_summing_to_one_within_a_millionth_is_accepted(double excess)
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 1 + excess;

        var result = Absorption.Compute(space, initial);

        result.Probabilities.Probabilities.Sum().Should().BeApproximately(1 + excess, 1e-11);
        result.Unaccounted.Should().BeApproximately(Math.Abs(excess), 1e-11);
    }

    [Theory]
    [InlineData(2e-6)]
    [InlineData(-2e-6)]
    public void A_distribution_summing_further_from_one_is_refused_with_its_sum(double excess)
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 1 + excess;

        var act = () => Absorption.Compute(space, initial);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Path.Should().Be("dynamics");
        error.Message.Should().Contain($"sums to {(1 + excess).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}").And.Contain("within 1E-06");
    }

    [Theory]
    [InlineData(-1e-300)]
    [InlineData(double.PositiveInfinity)]
    public void An_entry_that_is_not_a_probability_is_refused_naming_its_configuration(double value)
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 1;
        initial[3] = value;

        var act = () => Absorption.Compute(space, initial);

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Path.Should().Be("dynamics");
        error.Message.Should().Contain("at configuration 3;").And.Contain("finite and at least 0");
    }

    [Fact]
    public void Mass_that_can_reach_a_configuration_with_no_way_to_absorption_is_refused_naming_such_a_configuration()
    {
        // With one token of data the world model's first step has rate 0 (see DynamicsTestScenarios.Frozen): a corrigible goal
        // that needs it can never be completed, so the start configuration can fall into a trap.
        var scenario = DynamicsTestScenarios.Frozen();
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics);

        var act = () => Absorption.Compute(space);

        // The example is the first configuration, in index order, that is not absorbing and from which no absorbing one
        // can be reached along moves of positive rate (found here by a search on the dense generator).
        var q = DenseTransient.Generator(space);
        var reaches = Enumerable.Range(0, space.Count).Select(i => Absorption.IsAbsorbing(space, i)).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < space.Count; i++)
            {
                if (!reaches[i] && Enumerable.Range(0, space.Count).Any(j => j != i && q[i, j] > 0 && reaches[j]))
                {
                    reaches[i] = changed = true;
                }
            }
        }

        var trap = space[Array.IndexOf(reaches, false)];
        var described = $"world step {trap.World}, goal '{space.Branches[trap.Branch].Label}' at step {trap.Goal}, {(trap.LongTerm ? "long-term" : "myopic")}, {(trap.Aware ? "aware" : "unaware")}";
        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Path.Should().Be("dynamics");
        error.Message.Should().Contain("no finite answer").And.Contain($"(for example {described})");
    }

    [Fact]
    public void A_starting_distribution_of_the_wrong_length_is_an_argument_error()
    {
        var space = Space();

        var act = () => Absorption.Compute(space, new double[space.Count - 1]);

        act.Should().Throw<ArgumentException>().WithParameterName("initial");
    }

    [Fact]
    public void Flags_that_flip_far_faster_than_anything_else_cost_no_more_sweeps_and_agree_with_a_dense_solve()
    {
        // Horizon and awareness flipping 10^4 times faster than the other moves: point Gauss-Seidel gains only what leaves
        // the flags' block between two flips per sweep, so it would need thousands of sweeps; the block solve needs as
        // few as with ordinary rates.
        DynamicsSettings Settings(double flagRate) => DynamicsSettings.Create(
            worldSteps: 3, goalResolution: 2, horizonBits: 1, awarenessBits: 1, awarenessBonus: 0.05, horizonBonus: 0.05, tolerance: 1e-12,
            rates: new Dictionary<MoveKind, double> { [MoveKind.Horizon] = flagRate, [MoveKind.Awareness] = flagRate });
        var ordinary = Absorption.Compute(ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(100), Settings(1)));
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(100), Settings(1e4));
        var (classes, meanTime) = DenseAbsorption.Solve(space, null);

        var fast = Absorption.Compute(space);

        fast.Sweeps.Should().BeLessThanOrEqualTo(ordinary.Sweeps + 2);
        fast.Probabilities.Probabilities.Should().Equal(classes, (a, b) => Math.Abs(a - b) <= 1e-11);
        fast.MeanTime.Should().BeApproximately(meanTime, 1e-8 * meanTime);
    }
}
