using CsCheck;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The Krylov transient keeps every probability and its error bound holds, at training times from 1 to
/// 10^8 times the largest exit rate (issue 8, item 1): coarse grids of the minimal and default scenarios
/// (the default also at temperature 4), against uniformization where it is affordable, and random small
/// chains against an independent dense uniformization.
/// </summary>
public sealed class KrylovTransientConservationTests
{
    /// <summary>Coarse chains of a few hundred configurations on which the old step control lost all probability at long times.</summary>
    public static TheoryData<string, int, double, double> Chains() => new()
    {
        { "minimal.yaml", 3, 200, 1 },
        { "default", 2, 256, 1 },
        { "default", 2, 256, 4 },
    };

    [Fact]
    public void The_minimal_sample_trained_for_ten_thousand_time_units_keeps_all_its_probability()
    {
        // The reproduction: the end-of-phase row was all zeros with an error bound of 1.85e-26.
        var scenario = ScenarioLoader.Load(Scenarios.TestScenarios.Sample("minimal.yaml"));
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(duration: 1e4));
        var generator = space.BuildGenerator();

        var (result, failure, _) = KrylovTransient.TryKrylov(generator, space.Start, [5e3, 1e4], space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default, null);

        failure.Should().BeEmpty();
        result.Should().NotBeNull();
        var end = ClassSums.Distribution(space, result!.Distributions[1].AsSpan());
        (end.Probabilities.Sum() + end.Undecided).Should().BeApproximately(1, 1e-12);
        end.DeceptiveProbability.Should().BeGreaterThan(0);
        // The tolerance bounds the step errors and the dropped mass; the rounding estimate added to it grows with time x
        // the largest exit rate and is printed as it is (docs/dynamics.md), so the bound may pass the tolerance a little.
        result.ErrorBounds.Should().OnlyContain(b => b <= 10 * space.Settings.Tolerance);

        // Continuing from the midpoint for the other half must land on the same distribution, within both bounds.
        var continued = KrylovTransient.Compute(generator, space.Start, [5e3], space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default, [.. result.Distributions[0]]);
        continued.Fallback.Should().BeNull();
        Distance(continued.Distributions[0], result.Distributions[1]).Should().BeLessThanOrEqualTo(continued.ErrorBounds[0] + result.ErrorBounds[0] + result.ErrorBounds[1]);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void It_agrees_with_uniformization_within_both_bounds_from_one_to_ten_thousand_times_the_largest_exit_rate(string sample, int worldSteps, double goalResolution, double temperature)
    {
        var (space, generator) = Chain(sample, worldSteps, goalResolution, temperature, 1e-10);
        var (exact, _) = Chain(sample, worldSteps, goalResolution, temperature, 1e-14);
        double[] rates = [1, 10, 100, 1e3, 1e4];
        var times = rates.Select(m => m / generator.MaxExitRate).ToArray();

        var krylov = KrylovTransient.Compute(generator, space.Start, times, space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);
        var reference = Transient.Compute(exact, times);

        krylov.Fallback.Should().BeNull();
        for (var t = 0; t < times.Length; t++)
        {
            krylov.Distributions[t].Sum().Should().BeApproximately(1, 1e-12, "at {0} times the largest exit rate", rates[t]);
            krylov.ErrorBounds[t].Should().BeLessThanOrEqualTo(space.Settings.Tolerance, "at {0} times the largest exit rate", rates[t]);

            // Uniformization's own rounding, left out of its bound, is allowed for at 1e-16 per product.
            var allowance = krylov.ErrorBounds[t] + reference.ErrorBounds[t] + (1e-16 * reference.Products);
            Distance(krylov.Distributions[t], reference.Distributions[t]).Should().BeLessThanOrEqualTo(allowance, "at {0} times the largest exit rate", rates[t]);
        }
    }

    [Theory]
    [MemberData(nameof(Chains))]
    [Trait("Category", "Slow")]
    public void It_agrees_with_uniformization_within_both_bounds_at_a_hundred_thousand_times_the_largest_exit_rate(string sample, int worldSteps, double goalResolution, double temperature)
    {
        var (space, generator) = Chain(sample, worldSteps, goalResolution, temperature, 1e-10);
        var (exact, _) = Chain(sample, worldSteps, goalResolution, temperature, 1e-14);
        var time = 1e5 / generator.MaxExitRate;

        var krylov = KrylovTransient.Compute(generator, space.Start, [time], space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);
        var reference = Transient.Compute(exact, [time]);

        krylov.Fallback.Should().BeNull();
        krylov.Distributions[0].Sum().Should().BeApproximately(1, 1e-12);
        Distance(krylov.Distributions[0], reference.Distributions[0]).Should().BeLessThanOrEqualTo(krylov.ErrorBounds[0] + reference.ErrorBounds[0] + (1e-16 * reference.Products));
    }

    /// <summary>The chains of <see cref="Chains"/> on which the run to 10^8 times the largest exit rate takes seconds.</summary>
    public static TheoryData<string, int, double, double> QuickLongRunChains() => new()
    {
        { "minimal.yaml", 3, 200, 1 },
        { "default", 2, 256, 4 },
    };

    /// <summary>The chain of <see cref="Chains"/> on which it takes minutes (the default at temperature 1), run as a Slow test.</summary>
    public static TheoryData<string, int, double, double> SlowLongRunChains() => new()
    {
        { "default", 2, 256, 1 },
    };

    [Theory]
    [MemberData(nameof(QuickLongRunChains))]
    public void From_a_million_to_a_hundred_million_times_the_largest_exit_rate_it_keeps_its_probability_and_its_bound_covers_a_split_run(string sample, int worldSteps, double goalResolution, double temperature) =>
        KeepsProbabilityFromAMillionToAHundredMillionTimesTheLargestExitRate(sample, worldSteps, goalResolution, temperature);

    [Theory]
    [MemberData(nameof(SlowLongRunChains))]
    [Trait("Category", "Slow")]
    public void From_a_million_to_a_hundred_million_times_the_largest_exit_rate_the_default_chain_at_temperature_1_keeps_its_probability_and_its_bound_covers_a_split_run(string sample, int worldSteps, double goalResolution, double temperature) =>
        KeepsProbabilityFromAMillionToAHundredMillionTimesTheLargestExitRate(sample, worldSteps, goalResolution, temperature);

    private static void KeepsProbabilityFromAMillionToAHundredMillionTimesTheLargestExitRate(string sample, int worldSteps, double goalResolution, double temperature)
    {
        // Beyond uniformization's reach: the run is checked against the same run split in two (a different
        // sequence of steps, which must agree within the bounds of both), and its bound against the
        // rounding floor, unit roundoff times the time times the rate.
        var (space, generator) = Chain(sample, worldSteps, goalResolution, temperature, 1e-10);
        foreach (var m in new[] { 1e6, 1e7, 1e8 })
        {
            var time = m / generator.MaxExitRate;
            var (whole, failure, _) = KrylovTransient.TryKrylov(generator, space.Start, [time / 3, time], space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default, null);
            failure.Should().BeEmpty("at {0} times the largest exit rate", m);
            var rest = KrylovTransient.Compute(generator, space.Start, [time * 2 / 3], space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default, [.. whole!.Distributions[0]]);

            rest.Fallback.Should().BeNull();
            whole.Distributions[1].Sum().Should().BeApproximately(1, 1e-12, "at {0} times the largest exit rate", m);
            whole.Distributions[1].Should().OnlyContain(p => p >= 0);
            whole.ErrorBounds[1].Should().BeLessThan(1e-10 + (1e-15 * m), "at {0} times the largest exit rate", m);
            Distance(whole.Distributions[1], rest.Distributions[0]).Should().BeLessThanOrEqualTo(whole.ErrorBounds[0] + whole.ErrorBounds[1] + rest.ErrorBounds[0], "at {0} times the largest exit rate", m);
        }
    }

    [Fact]
    public void On_random_small_chains_and_times_every_distribution_sums_to_one_and_agrees_with_a_dense_reference_within_its_bound()
    {
        Gen.Select(Gen.Int[2, 24], Gen.Int[0, int.MaxValue], Gen.Double[-2, 4], Gen.Double[-12, -6]).Sample((n, seed, logRate, logTolerance) =>
        {
            var generator = RandomChain(n, seed);
            var time = Math.Pow(10, logRate) / generator.MaxExitRate;
            var tolerance = Math.Pow(10, logTolerance);

            var result = KrylovTransient.Compute(generator, 0, [time], tolerance, KrylovTransient.BasisSize, prune: true, null, default);
            var reference = DenseUniformization(generator, 0, time);

            result.Distributions[0].Sum().Should().BeApproximately(1, 1e-12);
            result.Distributions[0].Should().OnlyContain(p => p >= 0);
            // The tolerance plus the estimate of rounding, which grows like unit roundoff times time times rate.
            result.ErrorBounds[0].Should().BeLessThanOrEqualTo(tolerance + (1e-14 * time * generator.MaxExitRate) + 1e-12);
            // The reference's own rounding is allowed for: it and sparse uniformization differ by up to
            // 1.2e-15 per unit of time times rate on these chains, so 2e-15 per unit.
            Distance(result.Distributions[0], reference).Should().BeLessThanOrEqualTo(result.ErrorBounds[0] + (2e-15 * (time * generator.MaxExitRate)) + 1e-14);
        }, iter: 1000);
    }

    [Fact]
    public void The_Gramian_integrates_the_square_of_the_last_entry_of_the_exponential()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, int.MaxValue], Gen.Double[-3, 1]).Sample((k, seed, logT) =>
        {
            var random = new Random(seed);
            var a = new double[k * k];
            for (var i = 0; i < k; i++)
            {
                for (var j = Math.Max(0, i - 1); j < k; j++)
                {
                    a[(i * k) + j] = i == j ? 0 : random.NextDouble() - 0.3;
                }
            }

            // Diagonals that dominate their columns: exp(u A) decays in the 1-norm.
            for (var j = 0; j < k; j++)
            {
                a[(j * k) + j] = -1 - Enumerable.Range(0, k).Sum(i => Math.Abs(a[(i * k) + j]));
            }

            var t = Math.Pow(10, logT) / k;
            var x = Enumerable.Range(0, k).Select(_ => random.NextDouble() - 0.5).ToArray();
            var (exponential, gramian) = SmallMatrixExponential.ExpWithGramian(a, k, t);

            // Composite Simpson on 2,000 panels of (e_k^T exp(u A) x)^2 over [0, t].
            const int panels = 2000;
            var sum = 0.0;
            for (var p = 0; p <= panels; p++)
            {
                var last = 0.0;
                var e = SmallMatrixExponential.Exp(a, k, t * p / panels);
                for (var j = 0; j < k; j++)
                {
                    last += e[((k - 1) * k) + j] * x[j];
                }

                sum += (p == 0 || p == panels ? 1 : p % 2 == 1 ? 4 : 2) * last * last;
            }

            var simpson = sum * t / panels / 3;
            SmallMatrixExponential.QuadraticForm(gramian, x, k).Should().BeApproximately(simpson, (1e-7 * simpson) + 1e-300);
            Distance(exponential, SmallMatrixExponential.Exp(a, k, t)).Should().BeLessThan(1e-10 * (1 + exponential.Sum(Math.Abs)));
        }, iter: 50);
    }

    [Fact]
    public void When_the_Krylov_steps_cannot_meet_the_tolerance_uniformization_gives_the_result_and_says_why()
    {
        // A basis of one vector cannot keep any step within the tolerance: the steps give up at once.
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, tolerance: 1e-12));
        var generator = space.BuildGenerator();

        var result = KrylovTransient.Compute(generator, space.Start, [2, 40], 1e-12, basisSize: 1, prune: true, null, default);
        var reference = Transient.Compute(space, [2, 40]);

        result.Fallback.Should().Contain("keeps the error within tolerance");
        for (var t = 0; t < 2; t++)
        {
            result.Distributions[t].Sum().Should().BeApproximately(1, 1e-12);
            Distance(result.Distributions[t], reference.Distributions[t]).Should().BeLessThanOrEqualTo(result.ErrorBounds[t] + 1e-13);
        }
    }

    [Fact]
    [Trait("Category", "Slow")] // about 30 s: both methods must first exhaust their step budgets
    public void When_neither_method_can_reach_the_time_the_computation_fails_with_both_reasons_instead_of_returning_a_result()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, tolerance: 1e-12));
        var generator = space.BuildGenerator();
        var time = 1e8 / generator.MaxExitRate;

        var act = () => KrylovTransient.Compute(generator, space.Start, [time], 1e-12, basisSize: 1, prune: true, null, default);

        var thrown = act.Should().Throw<Diagnostics.SolverException>().Which;
        thrown.Solver.Should().Be("Krylov transient");
        thrown.Problem.Should().Contain("the Krylov steps failed").And.Contain("uniformization would need");
        thrown.Figures["uniformizationProducts"].Should().BeGreaterThan(Transient.MaxProducts);
        thrown.Advice.Should().Contain("dynamics.duration");
    }

    private static (ConfigurationSpace Space, Generator Generator) Chain(string sample, int worldSteps, double goalResolution, double temperature, double tolerance)
    {
        var scenario = sample == "default" ? Scenario.Default : ScenarioLoader.Load(Scenarios.TestScenarios.Sample(sample));
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: worldSteps, goalResolution: goalResolution, temperature: temperature, tolerance: tolerance));
        return (space, space.BuildGenerator());
    }

    /// <summary>
    /// A random chain: a one-way path 0 -> 1 -> ... with rates over six orders of magnitude, some
    /// backward and long-range moves, and rates as small as 1e-12 (nearly absorbing configurations).
    /// </summary>
    private static Generator RandomChain(int n, int seed)
    {
        var random = new Random(seed);
        var moves = new Dictionary<(int From, int To), double>();
        for (var i = 0; i + 1 < n; i++)
        {
            moves[(i, i + 1)] = Math.Pow(10, (6 * random.NextDouble()) - 5);
        }

        for (var e = 0; e < n; e++)
        {
            var from = random.Next(n);
            var to = random.Next(n);
            if (from != to)
            {
                moves[(from, to)] = Math.Pow(10, (13 * random.NextDouble()) - 12);
            }
        }

        var rowStart = new int[n + 1];
        var sources = new List<int>();
        var rates = new List<double>();
        var exit = new double[n];
        for (var to = 0; to < n; to++)
        {
            foreach (var ((from, target), rate) in moves.Where(m => m.Key.To == to).OrderBy(m => m.Key.From))
            {
                sources.Add(from);
                rates.Add(rate);
                exit[from] += rate;
            }

            rowStart[to + 1] = sources.Count;
        }

        return new Generator(rowStart, [.. sources], [.. rates], exit);
    }

    /// <summary>An independent reference: uniformization on a dense matrix, Poisson weights from their logarithms, to 1e-16 of Poisson mass.</summary>
    private static double[] DenseUniformization(Generator generator, int start, double time)
    {
        var n = generator.Count;
        var lambda = generator.MaxExitRate;
        var p = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            p[i, i] = 1 - (generator.Exit[i] / lambda);
        }

        for (var to = 0; to < n; to++)
        {
            for (var e = generator.RowStart[to]; e < generator.RowStart[to + 1]; e++)
            {
                p[generator.Sources[e], to] += generator.Rates[e] / lambda;
            }
        }

        var mean = lambda * time;
        var v = new double[n];
        v[start] = 1;
        var result = new double[n];
        var last = mean + (20 * Math.Sqrt(mean)) + 60;
        for (var k = 0; k <= last; k++)
        {
            var weight = Math.Exp((k * Math.Log(mean)) - mean - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1.0));
            for (var i = 0; i < n; i++)
            {
                result[i] += weight * v[i];
            }

            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    next[j] += v[i] * p[i, j];
                }
            }

            v = next;
        }

        return result;
    }

    private static double Distance(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Enumerable.Range(0, x.Count).Sum(i => Math.Abs(x[i] - y[i]));
}
