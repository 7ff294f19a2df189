using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The pieces of <see cref="KrylovSolver"/> one at a time (pruning, the region, the Arnoldi basis, the rounding
/// estimate, the compensated sum) and the parts of <see cref="KrylovTransient"/> the agreement tests do not reach
/// (a starting distribution, times at 0, the fall-back to uniformization), on the tiny chain.
/// </summary>
public sealed class KrylovMachineryTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static ConfigurationSpace Space() =>
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-10));

    [Fact]
    public void The_sum_is_compensated_so_that_a_small_term_between_two_large_ones_is_kept()
    {
        KrylovSolver.Sum([1e16, 1, -1e16]).Should().Be(1);
        KrylovSolver.Sum([1, 1e16, -1e16]).Should().Be(1);
        KrylovSolver.Sum([0.1, 0.2, 0.3]).Should().Be(0.6);
        KrylovSolver.Sum([]).Should().Be(0);
    }

    [Fact]
    public void Pruning_drops_whole_binary_orders_from_the_smallest_up_while_their_mass_stays_within_the_allowance()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[0] = 0.5;
        initial[1] = Math.ScaleB(1, -30);
        initial[2] = Math.ScaleB(1, -40);
        initial[3] = Math.ScaleB(1, -41);
        initial[4] = 0.5 - initial[1] - initial[2] - initial[3];
        var solver = new KrylovSolver(space.BuildGenerator(), 4, space.Start, initial);

        solver.Prune(0).Should().Be(0);
        solver.Prune(-1).Should().Be(0);
        solver.Snapshot().Should().Equal(initial);

        // 2^-41 fits within 2^-40; adding the next order, 2^-40, would not.
        solver.Prune(Math.ScaleB(1, -40)).Should().Be(Math.ScaleB(1, -41));
        var after = solver.Snapshot();
        after[3].Should().Be(0);
        after[2].Should().Be(initial[2]);
        after[1].Should().Be(initial[1]);

        // Now 2^-40 and 2^-30 together fit.
        solver.Prune(Math.ScaleB(1, -29)).Should().Be(Math.ScaleB(1, -30) + Math.ScaleB(1, -40));
        solver.Snapshot().Count(p => p != 0).Should().Be(2);
    }

    [Fact]
    public void An_allowance_below_the_smallest_probability_drops_nothing()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[0] = 0.75;
        initial[5] = 0.25;
        var solver = new KrylovSolver(space.BuildGenerator(), 4, space.Start, initial);

        solver.Prune(0.1).Should().Be(0);
        solver.Snapshot().Should().Equal(initial);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_region_is_every_configuration_within_basis_size_flowing_moves_of_the_probability(int basisSize)
    {
        var space = Space();
        var q = DenseTransient.Generator(space);
        var solver = new KrylovSolver(space.BuildGenerator(), basisSize, space.Start);
        var reached = new HashSet<int> { space.Start };
        var frontier = new List<int> { space.Start };
        for (var layer = 0; layer < basisSize; layer++)
        {
            frontier = [.. frontier.SelectMany(i => Enumerable.Range(0, space.Count).Where(j => j != i && q[i, j] > 0)).Where(reached.Add)];
        }

        solver.BuildRegion();

        var expected = reached.Count > space.Count / 2 ? space.Count : reached.Count;
        solver.RegionSize.Should().Be(expected);
    }

    [Fact]
    public void A_region_over_half_the_chain_is_the_whole_chain()
    {
        var space = Space();
        var solver = new KrylovSolver(space.BuildGenerator(), 30, space.Start);

        solver.BuildRegion();

        solver.RegionSize.Should().Be(space.Count);
    }

    [Fact]
    public void The_basis_starts_from_the_distribution_and_recombines_to_it()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 0.6;
        initial[7] = 0.4;
        var solver = new KrylovSolver(space.BuildGenerator(), 4, space.Start, initial);
        solver.BuildRegion();

        var products = solver.Arnoldi(default);

        products.Should().Be(4);
        solver.Dimension.Should().Be(4);
        solver.Beta.Should().BeApproximately(Math.Sqrt((0.6 * 0.6) + (0.4 * 0.4)), 1e-15);
        solver.StartMass.Should().BeApproximately(1, 1e-15);
        double[] first = [solver.Beta, 0, 0, 0];
        solver.Mass(first).Should().BeApproximately(1, 1e-15);
        var back = solver.Combine(first);
        back.Should().HaveCount(space.Count);
        back.Should().Equal(initial, (a, b) => Math.Abs(a - b) <= 1e-15);
        solver.Residual1.Should().BePositive();
        solver.Projection().Should().HaveCount(16);
    }

    [Fact]
    public void Combining_sets_negative_entries_to_0_and_advancing_makes_the_combination_current()
    {
        var space = Space();
        var solver = new KrylovSolver(space.BuildGenerator(), 3, space.Start);
        solver.BuildRegion();
        solver.Arnoldi(default);

        // v1 is the start configuration; v2 is the flow out of it, 0 at the start and positive at its neighbours.
        var out1 = solver.Combine([0, 1, 0]);
        var cancelled = solver.Combine([1, -1, 0]);

        out1.Should().OnlyContain(p => p >= 0);
        out1[space.Start].Should().Be(0);
        out1.Count(p => p > 0).Should().BePositive();
        var unit = new double[space.Count];
        unit[space.Start] = 1;
        cancelled.Should().Equal(unit, "v1 - v2 is negative at every neighbour, and those entries become 0");

        solver.Advance([1, -1, 0]);
        solver.Snapshot().Should().Equal(unit);
        solver.Advance([0, 1, 0]);
        solver.Snapshot().Should().Equal(out1);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(-2, 3)]
    public void The_rounding_estimate_of_a_one_vector_basis_is_twice_the_roundoff_times_the_coefficient_and_the_squarings(double c, int squarings)
    {
        var space = Space();
        var solver = new KrylovSolver(space.BuildGenerator(), 1, space.Start);
        solver.BuildRegion();
        solver.Arnoldi(default);

        // The basis is the start configuration alone, of 1-norm 1: 2 u |c| (2^s + 1).
        solver.RoundingEstimate([c], squarings).Should().Be(2 * Math.Abs(c) * (Math.ScaleB(1.0, squarings) + 1) * UnitRoundoff);
    }

    [Fact]
    public void No_probability_left_gives_an_empty_basis()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 1;
        var solver = new KrylovSolver(space.BuildGenerator(), 4, space.Start, initial);
        solver.Prune(2).Should().Be(1);
        solver.BuildRegion();

        solver.Arnoldi(default).Should().Be(0);

        solver.Dimension.Should().Be(0);
        solver.Beta.Should().Be(0);
        solver.StartMass.Should().Be(0);
        solver.Projection().Should().BeEmpty();
    }

    [Fact]
    public void A_starting_distribution_is_evolved_as_uniformization_evolves_it()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.Start] = 0.5;
        initial[9] = 0.3;
        initial[20] = 0.2;
        double[] times = [3, 0, 15];

        var krylov = KrylovTransient.Compute(space, times, initial: initial);
        var uniform = Transient.Compute(space, times, initial: initial);

        krylov.Fallback.Should().BeNull();
        krylov.Distributions[1].Should().Equal(initial, "time 0 is the starting distribution itself");
        krylov.ErrorBounds[1].Should().Be(0);
        for (var t = 0; t < times.Length; t++)
        {
            krylov.Distributions[t].Sum().Should().BeApproximately(1, 1e-12);
            var distance = krylov.Distributions[t].Zip(uniform.Distributions[t], (a, b) => Math.Abs(a - b)).Sum();
            distance.Should().BeLessThanOrEqualTo(krylov.ErrorBounds[t] + uniform.ErrorBounds[t] + 1e-13, $"time {times[t]}");
            krylov.ErrorBounds[t].Should().BeLessThanOrEqualTo(1e-10);
        }

        krylov.ErrorBounds[2].Should().BeGreaterThanOrEqualTo(krylov.ErrorBounds[0], "errors made earlier are carried to later times");
    }

    [Fact]
    public void When_no_Krylov_step_meets_the_tolerance_the_distributions_come_from_uniformization_and_say_why()
    {
        var space = Space();
        var generator = space.BuildGenerator();
        double[] times = [0, 2, 6];

        // A basis of one vector cannot follow the chain: its defect is the whole exit flow.
        var result = KrylovTransient.Compute(generator, space.Start, times, 1e-10, 1, prune: true, null, default);
        var uniform = Transient.Compute(space, times);

        result.Fallback.Should().NotBeNullOrEmpty();
        result.Products.Should().BeGreaterThan(uniform.Products);
        for (var t = 0; t < times.Length; t++)
        {
            // Uniformization's distributions, scaled to total 1: the bound grows by exactly the distance moved.
            var sum = uniform.Distributions[t].Sum();
            result.Distributions[t].Should().Equal(uniform.Distributions[t].Select(p => p / sum), (a, b) => Math.Abs(a - b) <= 1e-15);
            result.Distributions[t].Sum().Should().BeApproximately(1, 1e-14);
            result.ErrorBounds[t].Should().BeApproximately(uniform.ErrorBounds[t] + Math.Abs(sum - 1), 1e-15);
        }
    }
}
