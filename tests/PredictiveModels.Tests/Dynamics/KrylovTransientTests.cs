using System.Runtime.InteropServices;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class KrylovTransientTests
{
    [Fact]
    public void It_agrees_with_uniformization_on_the_tiny_chain_at_short_and_long_times()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-13));
        double[] times = [0, 0.5, 3, 50, 2_000];

        var krylov = KrylovTransient.Compute(space, times);
        var uniformization = Transient.Compute(space, times);

        for (var t = 0; t < times.Length; t++)
        {
            Distance(krylov.Distributions[t], uniformization.Distributions[t]).Should().BeLessThan(1e-9, "at time {0}", times[t]);
        }

        krylov.Products.Should().BeLessThan(uniformization.Products / 5, "the Krylov degree follows the distance travelled, not tau * Lambda");
    }

    [Fact]
    public void It_agrees_with_uniformization_on_a_slowly_mixing_chain_after_tens_of_thousands_of_uniformization_steps()
    {
        var settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 4, tolerance: 1e-13, horizonBits: 2, awarenessBits: 2);
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 40), settings);
        double[] times = [100, 20_000];

        var krylov = KrylovTransient.Compute(space, times);
        var uniformization = Transient.Compute(space, times);

        uniformization.Products.Should().BeGreaterThan(50_000);
        for (var t = 0; t < times.Length; t++)
        {
            Distance(krylov.Distributions[t], uniformization.Distributions[t]).Should().BeLessThan(1e-9, "at time {0}", times[t]);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void It_agrees_with_uniformization_on_the_default_scenario_at_goal_resolution_32()
    {
        // Energies here differ by about 1e8 bits between neighbours: the chain is an almost one-way flow.
        var space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(goalResolution: 32, tolerance: 1e-13));
        double[] times = [1, 20, 192, 1_000];

        var krylov = KrylovTransient.Compute(space, times);
        var uniformization = Transient.Compute(space, times);

        for (var t = 0; t < times.Length; t++)
        {
            Distance(krylov.Distributions[t], uniformization.Distributions[t]).Should().BeLessThan(1e-9, "at time {0}", times[t]);
            krylov.Distributions[t].Sum().Should().BeApproximately(1, 1e-12);

            // The tolerance bounds the method's own error; the estimate of rounding comes on top (about 1e-11 here).
            krylov.ErrorBounds[t].Should().BeLessThan(1e-10);
        }
    }

    [Fact]
    public void It_matches_the_matrix_exponential_of_the_symmetrised_generator()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 4, tolerance: 1e-13));
        const double time = 3.0;

        var actual = KrylovTransient.Compute(space, [time]).Distributions[0];

        Distance(actual, DenseTransient.Compute(space, time)).Should().BeLessThan(1e-10);
    }

    [Fact]
    public void It_conserves_probability_keeps_it_non_negative_and_bounds_its_error_by_the_tolerance()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-10));

        var result = KrylovTransient.Compute(space, [0, 1, 10, 50, 500]);

        for (var t = 0; t < result.Times.Length; t++)
        {
            result.Distributions[t].Sum().Should().BeApproximately(1, 1e-12);
            result.Distributions[t].Should().OnlyContain(p => p >= 0);
            result.ErrorBounds[t].Should().BeLessThanOrEqualTo(1e-10);
        }

        result.Distributions[0][space.Start].Should().Be(1, "at time 0 training is at its start");
        result.ErrorBounds[0].Should().Be(0);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-7)]
    public void The_reported_error_bound_covers_the_actual_error_and_stays_within_the_tolerance(double tolerance)
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var loose = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: tolerance));
        var exact = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-14));
        double[] times = [2, 30, 400];

        var result = KrylovTransient.Compute(loose, times);
        var reference = Transient.Compute(exact, times);

        for (var t = 0; t < times.Length; t++)
        {
            var error = Distance(result.Distributions[t], reference.Distributions[t]);
            error.Should().BeLessThanOrEqualTo(result.ErrorBounds[t] + 1e-12, "at time {0}", times[t]);
            result.ErrorBounds[t].Should().BeLessThanOrEqualTo(tolerance * 1.01);
        }
    }

    [Fact]
    public void Times_may_come_in_any_order_and_repeat_and_results_follow_the_order_asked()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-13));

        var shuffled = KrylovTransient.Compute(space, [50, 0, 3, 50, 0.5]);
        var alone = KrylovTransient.Compute(space, [3]);

        shuffled.Times.Should().Equal(50, 0, 3, 50, 0.5);
        shuffled.Distributions[1][space.Start].Should().Be(1);
        shuffled.Distributions[0].Should().Equal(shuffled.Distributions[3]);
        Distance(shuffled.Distributions[2], alone.Distributions[0]).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Each_reported_distribution_is_an_array_of_its_own_even_for_repeated_times()
    {
        // The distributions are handed over without a copy, so none may share its array with another (or with the solver).
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-13));

        var result = KrylovTransient.Compute(space, [50, 0, 3, 50, 0]);
        var arrays = result.Distributions.Select(ImmutableCollectionsMarshal.AsArray).ToArray();

        arrays.Distinct(ReferenceEqualityComparer.Instance).Should().HaveCount(5);
        result.Distributions[0].Should().Equal(result.Distributions[3]);
        result.Distributions[1].Should().Equal(result.Distributions[4]);
        result.Distributions[1][space.Start].Should().Be(1);
    }

    [Fact]
    public void The_same_inputs_give_the_same_distributions_bit_for_bit()
    {
        var space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(goalResolution: 64));

        var first = KrylovTransient.Compute(space, [10, 100]);
        var second = KrylovTransient.Compute(space, [10, 100]);

        first.Distributions[0].Should().Equal(second.Distributions[0]);
        first.Distributions[1].Should().Equal(second.Distributions[1]);
        first.ErrorBounds.Should().Equal(second.ErrorBounds);
    }

    [Fact]
    public void Dropping_negligible_probabilities_changes_the_result_by_less_than_the_tolerance()
    {
        var space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(goalResolution: 64));
        var generator = space.BuildGenerator();
        double[] times = [50, 300];

        var pruned = KrylovTransient.Compute(generator, space.Start, times, 1e-10, KrylovTransient.BasisSize, prune: true, null, default);
        var full = KrylovTransient.Compute(generator, space.Start, times, 1e-10, KrylovTransient.BasisSize, prune: false, null, default);

        for (var t = 0; t < times.Length; t++)
        {
            Distance(pruned.Distributions[t], full.Distributions[t]).Should().BeLessThan(2e-10);
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_invalid_time_is_a_model_error_naming_the_duration(double time)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 4));

        var act = () => KrylovTransient.Compute(space, [1, time]);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle(d => d.Path == "dynamics.duration" && d.Message.Contains("training time"));
    }

    [Fact]
    public void Missing_arguments_are_argument_errors()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 4));

        ((Action)(() => KrylovTransient.Compute(null!, [1]))).Should().Throw<ArgumentNullException>();
        ((Action)(() => KrylovTransient.Compute(space, null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void No_times_give_an_empty_result()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 4));

        var result = KrylovTransient.Compute(space, []);

        result.Distributions.Should().BeEmpty();
        result.Products.Should().Be(0);
    }

    [Fact]
    public void Progress_reaches_one_and_cancellation_stops_the_computation()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2));
        var reports = new List<double>();

        KrylovTransient.Compute(space, [100], new SynchronousProgress(reports.Add));
        var cancelled = () => KrylovTransient.Compute(space, [100], null, new CancellationToken(canceled: true));

        reports.Should().NotBeEmpty().And.BeInAscendingOrder();
        reports[^1].Should().Be(1);
        cancelled.Should().Throw<OperationCanceledException>();
    }

    private static double Distance(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Enumerable.Range(0, x.Count).Sum(i => Math.Abs(x[i] - y[i]));

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
