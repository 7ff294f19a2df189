using System.Collections.Immutable;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>When the path-dependence index falls below the threshold, against the dense transient.</summary>
public sealed class ReachabilityTests
{
    private static DynamicsSettings Settings(double duration) =>
        DynamicsSettings.Create(worldSteps: 3, goalResolution: 4, duration: duration, tolerance: 1e-10, horizonBits: 2, awarenessBits: 2);

    private static PhaseResult Train(double duration, double dataSize = 40) =>
        TrainingDynamics.Train(DynamicsTestScenarios.Tiny(dataSize: dataSize), Settings(duration), absorption: false).Phases.Single();

    /// <summary>The index at time <paramref name="time"/> from the dense eigendecomposition of the symmetrised generator.</summary>
    private static double DenseIndex(ConfigurationSpace space, double time) =>
        ClassSums.Distribution(space, DenseTransient.Compute(space, time)).TotalVariation(Equilibrium.Classes(space));

    [Fact]
    public void The_time_the_index_falls_below_the_threshold_agrees_with_the_dense_transient()
    {
        // Relaxation time about 6.7e3 (RelaxationTests); a phase of 100 ends far from equilibrium.
        var phase = Train(100);
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 40), Settings(100));
        var reach = phase.Reachability!;

        reach.Problem.Should().BeNull();
        reach.ReachedAt!.Value.Should().BeGreaterThan(100, "the phase ends far from equilibrium");
        reach.ReachedAt!.Value.Should().BeLessThan(100 * Reachability.HorizonFactor);
        reach.ErrorBound.Should().BeLessThan(1e-6, "the bound grows with the time reached (rounding), far below what the threshold needs");
        DenseIndex(space, reach.ReachedAt!.Value).Should().BeLessThan(Reachability.Threshold);
        DenseIndex(space, reach.ReachedAfter!.Value).Should().BeGreaterThanOrEqualTo(Reachability.Threshold);
        (reach.ReachedAt!.Value / reach.ReachedAfter!.Value).Should().BeLessThanOrEqualTo(1 + (Reachability.Resolution * 1.000001));
        reach.IndexThere.Should().BeApproximately(DenseIndex(space, reach.ReachedAt!.Value), 1e-6);
    }

    [Fact]
    public void A_phase_that_reaches_equilibrium_before_its_end_reports_a_time_within_it()
    {
        var phase = Train(200_000);

        phase.PathDependenceIndex.Should().BeLessThan(Reachability.Threshold);
        var reach = phase.Reachability!;
        reach.ReachedAt!.Value.Should().BeLessThan(200_000);
        reach.ReachedAfter!.Value.Should().BeLessThan(reach.ReachedAt!.Value);
    }

    [Fact]
    public void A_phase_whose_equilibrium_is_out_of_reach_reports_null_with_the_index_at_the_end_of_the_search()
    {
        // At data size 150 the relaxation time is beyond 1e17 (a rigorous bottleneck bound), far past 10 x 10^6.
        var phase = Train(10, dataSize: 150);
        var reach = phase.Reachability!;

        reach.Problem.Should().StartWith("not reached within 10^6 x the phase's duration: the path-dependence index is still");
        phase.Relaxation!.Lower!.Value.Should().BeGreaterThan(1e15);
        reach.ReachedAt.Should().BeNull();
        reach.SearchedUntil.Should().BeApproximately(10 * Reachability.HorizonFactor, 1e-6);
        reach.IndexThere.Should().BeGreaterThanOrEqualTo(Reachability.Threshold);
    }

    [Fact]
    public void A_distribution_that_does_not_sum_to_one_gives_no_time_and_says_the_transient_lost_probability()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 40), Settings(10));
        var start = new double[space.Count];
        start[space.Start] = 1;
        var lossy = start.Select(p => p * 0.9).ToArray();
        double[] times = [0, 10];

        var reach = Reachability.Search(space, space.BuildGenerator(), Equilibrium.Classes(space), 10, times, [ImmutableArray.Create(start), ImmutableArray.Create(lossy)], 0, default);

        reach.ReachedAt.Should().BeNull();
        reach.Problem.Should().StartWith("the transient lost probability: its distribution at t = 10 sums to 0.9, not 1 within 1E-09");
    }

    [Fact]
    public void The_grid_spans_a_thousandth_of_the_duration_to_a_million_times_it()
    {
        Reachability.GridWithin(8).Should().HaveCount(Reachability.DecadesBelow * Reachability.StepsPerDecade).And.BeInAscendingOrder();
        Reachability.GridWithin(8)[0].Should().BeApproximately(8e-3, 1e-15);
        Reachability.GridWithin(8).Should().OnlyContain(t => t < 8);
        Reachability.GridBeyond(8)[^1].Should().BeApproximately(8 * Reachability.HorizonFactor, 1e-6);
        Reachability.GridBeyond(8).Should().OnlyContain(t => t > 8).And.BeInAscendingOrder();
    }

    [Fact]
    public void Training_without_relaxation_leaves_both_results_null_and_the_transient_unchanged()
    {
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 40);
        var with = TrainingDynamics.Train(scenario, Settings(100), absorption: false).Phases.Single();
        var without = TrainingDynamics.Train(scenario, Settings(100), absorption: false, relaxation: false).Phases.Single();

        without.Relaxation.Should().BeNull();
        without.Reachability.Should().BeNull();
        without.Transient.Should().BeEquivalentTo(with.Transient, "the reachability grid's times change none of the phase's steps");
        without.ErrorBound.Should().Be(with.ErrorBound);
        without.Products.Should().Be(with.Products);
    }

    [Fact]
    public void A_search_that_reaches_its_work_limit_stops_and_says_where_without_giving_a_time()
    {
        // The same search as training makes, with the work limit lowered so that it is reached long before the crossing.
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 40);
        var settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 2);
        var phase = Phase.Create("pre", 30);
        var space = ConfigurationSpace.Build(scenario, settings, phase);
        var generator = space.BuildGenerator();
        var equilibrium = Equilibrium.Classes(space, generator, default);
        double[] times = [0, .. Reachability.GridWithin(phase.Duration), phase.Duration];
        var transient = KrylovTransient.Compute(generator, space.Start, times, settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);
        const long limit = 20;

        var reach = Reachability.Search(space, generator, equilibrium, phase.Duration, transient.Times, transient.Distributions, transient.ErrorBounds.Max(), default, maxProducts: limit);

        reach.ReachedAt.Should().BeNull();
        reach.Problem.Should().StartWith("not determined: the search stopped at t = ");
        reach.Products.Should().BeGreaterThan(limit);
        reach.SearchedUntil.Should().BeLessThan(phase.Duration * Reachability.HorizonFactor);
        reach.IndexThere.Should().BeGreaterThanOrEqualTo(Reachability.Threshold);
    }
}
