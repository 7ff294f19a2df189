using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Oversight with a reset effect: detected precursors return to no goal, myopic and unaware, and the chain is no longer reversible.</summary>
public sealed class OversightResetTests
{
    /// <summary>The simulation tests' Tiny chain (250 configurations), where awareness, a long horizon and deception all happen by tau = 20.</summary>
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, rates: DynamicsTestScenarios.UnitStepRates(4, 2), horizonBits: 2, awarenessBits: 2, horizonBonus: 0.05, awarenessBonus: 0.05);

    private static ConfigurationSpace Space(double detectionRate) =>
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), Settings, Phase.Create("watched", 20, oversightDetectionRate: detectionRate));

    /// <summary><c>||p Q||_1</c> from the chain's moves and rates, independently of the generator the solvers use.</summary>
    private static double ResidualFromMoves(ConfigurationSpace space, double[] p)
    {
        var flow = new double[space.Count];
        for (var i = 0; i < space.Count; i++)
        {
            var from = i;
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var moved = p[from] * space.Rate(from, j, kind);
                flow[j] += moved;
                flow[from] -= moved;
            });
        }

        return flow.Sum(Math.Abs);
    }

    private static double MaxExitRate(ConfigurationSpace space) =>
        Enumerable.Range(0, space.Count).Max(i =>
        {
            var exit = 0.0;
            space.ForEachNeighbour(i, (j, kind) => exit += space.Rate(i, j, kind));
            return exit;
        });

    [Fact]
    public void Every_long_term_aware_configuration_and_only_those_has_one_reset_to_the_same_world_step_with_no_goal()
    {
        var space = Space(0.5);
        var resets = 0;
        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            var targets = new List<int>();
            space.ForEachNeighbour(i, (j, kind) =>
            {
                if (kind == MoveKind.Reset)
                {
                    targets.Add(j);
                    space.Rate(i, j, kind).Should().Be(0.5);
                }
            });

            targets.Should().HaveCount(c.LongTerm && c.Aware ? 1 : 0, c.ToString());
            if (targets.Count == 1)
            {
                space[targets[0]].Should().Be(new Configuration(c.World, 0, 0, false, false));
                resets++;
            }
        }

        resets.Should().BeGreaterThan(space.Count / 5, "every deceptive configuration is long-term and aware, and a quarter of the others are");
        Enumerable.Range(0, Space(0).Count).Should().OnlyContain(i => NoReset(Space(0), i), "without a detection rate there is no reset");
    }

    private static bool NoReset(ConfigurationSpace space, int i)
    {
        var found = false;
        space.ForEachNeighbour(i, (_, kind) => found |= kind == MoveKind.Reset);
        return !found;
    }

    [Fact]
    public void The_reset_moves_conserve_probability_to_1e_12()
    {
        var space = Space(0.5);
        var generator = space.BuildGenerator();

        // Every rate into some configuration leaves its source: each exit rate is the sum of its moves' rates.
        var leaving = new double[space.Count];
        for (var j = 0; j < space.Count; j++)
        {
            for (var e = generator.RowStart[j]; e < generator.RowStart[j + 1]; e++)
            {
                leaving[generator.Sources[e]] += generator.Rates[e];
            }
        }

        for (var i = 0; i < space.Count; i++)
        {
            leaving[i].Should().BeApproximately(generator.Exit[i], 1e-12 * Math.Max(1, generator.Exit[i]), space[i].ToString());
        }

        var p = Enumerable.Range(0, space.Count).Select(i => 1.0 / space.Count).ToArray();
        var next = new double[space.Count];
        var lambda = generator.MaxExitRate * 1.0001;
        for (var step = 0; step < 100; step++)
        {
            generator.UniformizedStep(p, next, lambda);
            (p, next) = (next, p);
        }

        p.Sum().Should().BeApproximately(1, 1e-12);
        p.Should().OnlyContain(x => x >= 0);
    }

    [Fact]
    public void A_detection_rate_with_reset_lowers_the_end_of_training_P_deceptive_relative_to_no_oversight()
    {
        double Deceptive(double rate)
        {
            var space = Space(rate);
            return ClassSums.Distribution(space, KrylovTransient.Compute(space, [20]).Distributions[0].AsSpan()).DeceptiveProbability;
        }

        var open = Deceptive(0);
        var watched = Deceptive(0.5);

        open.Should().BeGreaterThan(0.02, "the check needs a chain where deception happens");
        watched.Should().BeLessThan(open / 2);
    }

    [Fact]
    public void Krylov_steps_and_uniformization_agree_on_a_chain_with_resets()
    {
        var space = Space(0.5);

        var exact = Transient.Compute(space, [2, 20]);
        var krylov = KrylovTransient.Compute(space, [2, 20]);

        for (var t = 0; t < 2; t++)
        {
            Enumerable.Range(0, space.Count).Sum(i => Math.Abs(exact.Distributions[t][i] - krylov.Distributions[t][i])).Should().BeLessThan(1e-9);
        }
    }

    [Fact]
    public void The_stationary_distribution_with_resets_satisfies_pi_Q_equals_0_to_the_stated_accuracy()
    {
        var space = Space(0.5);
        var target = space.Settings.Tolerance * MaxExitRate(space);

        var pi = Equilibrium.Distribution(space);
        var gibbs = Equilibrium.Distribution(Space(0));

        pi.Sum().Should().BeApproximately(1, 1e-12);
        pi.Should().OnlyContain(x => x >= 0);
        ResidualFromMoves(space, pi).Should().BeLessThanOrEqualTo(target * 1.01);
        ResidualFromMoves(space, gibbs).Should().BeGreaterThan(1e-3, "the resets move the chain away from the Gibbs distribution, so the check is not empty");
    }

    [Fact]
    public void The_stationary_distribution_with_resets_is_where_the_exact_transient_ends_after_long_training()
    {
        var space = Space(0.5);

        var pi = Equilibrium.Distribution(space);
        var late = KrylovTransient.Compute(space, [5_000]).Distributions[0];

        Enumerable.Range(0, space.Count).Sum(i => Math.Abs(pi[i] - late[i])).Should().BeLessThan(1e-6);
        ClassSums.Distribution(space, pi).DeceptiveProbability
            .Should().BeLessThan(Equilibrium.Classes(Space(0)).DeceptiveProbability, "detection and reset take mass away from deception at equilibrium too");
    }

    [Fact]
    public void With_a_detection_rate_of_0_the_equilibrium_is_the_Gibbs_distribution()
    {
        var space = Space(0);
        var z = Enumerable.Range(0, space.Count).Sum(i => Math.Pow(2, -space.Energy(i) / space.Settings.Temperature));

        var gibbs = Equilibrium.Distribution(space);

        for (var i = 0; i < space.Count; i++)
        {
            gibbs[i].Should().BeApproximately(Math.Pow(2, -space.Energy(i)) / z, 1e-12);
        }

        var swept = Equilibrium.Stationary(space.BuildGenerator(), gibbs, 1e-12, "watched", CancellationToken.None);
        Enumerable.Range(0, space.Count).Sum(i => Math.Abs(swept[i] - gibbs[i])).Should().BeLessThan(1e-9, "the Gibbs weights are stationary without resets, so the sweeps leave them in place");
    }

    [Fact]
    public void The_stationary_sweeps_find_the_exact_Gibbs_weights_of_a_reversible_chain_from_a_uniform_start()
    {
        // A birth-death chain of 20 configurations with heat-bath rates between made-up energies (bits).
        const int n = 20;
        var energy = Enumerable.Range(0, n).Select(k => (double)((k * 7) % 5)).ToArray();
        double Rate(int from, int to) => 1 / (1 + Math.Pow(2, energy[to] - energy[from]));
        var rowStart = new List<int> { 0 };
        var sources = new List<int>();
        var rates = new List<double>();
        var exit = new double[n];
        for (var j = 0; j < n; j++)
        {
            foreach (var i in new[] { j - 1, j + 1 }.Where(i => i >= 0 && i < n))
            {
                sources.Add(i);
                rates.Add(Rate(i, j));
                exit[i] += Rate(i, j);
            }

            rowStart.Add(sources.Count);
        }

        var z = energy.Sum(e => Math.Pow(2, -e));
        var uniform = Enumerable.Repeat(1.0 / n, n).ToArray();

        var pi = Equilibrium.Stationary(new Generator([.. rowStart], [.. sources], [.. rates], exit), uniform, 1e-14, "chain", CancellationToken.None);

        for (var k = 0; k < n; k++)
        {
            pi[k].Should().BeApproximately(Math.Pow(2, -energy[k]) / z, 1e-10);
        }
    }

    [Fact]
    public void A_stationary_solve_that_cannot_converge_within_its_work_bound_says_so()
    {
        // A ring of 50 configurations, forward rates 1 + j/7 and backward 0.3: rounding keeps ||pi Q||_1 above 0, far above a target of 1e-300.
        const int n = 50;
        static double Forward(int j) => 1 + (j / 7.0);
        var rowStart = Enumerable.Range(0, n + 1).Select(j => 2 * j).ToArray();
        var sources = Enumerable.Range(0, n).SelectMany(j => new[] { (j + n - 1) % n, (j + 1) % n }).ToArray();
        var rates = Enumerable.Range(0, n).SelectMany(j => new[] { Forward((j + n - 1) % n), 0.3 }).ToArray();
        var generator = new Generator(rowStart, sources, rates, [.. Enumerable.Range(0, n).Select(j => Forward(j) + 0.3)]);
        var start = Enumerable.Range(0, n).Select(i => i == 0 ? 1.0 : 0.0).ToArray();

        var act = () => Equilibrium.Stationary(generator, start, 1e-300, "watched", CancellationToken.None);

        var thrown = act.Should().Throw<PredictiveModels.Diagnostics.SolverException>().Which;
        thrown.Path.Should().Be("dynamics.phases[watched].oversightDetectionRate");
        thrown.Solver.Should().Be("equilibrium with resets");
        thrown.Figures["residual"].Should().BeGreaterThan(thrown.Figures["target"]);
    }

    [Fact]
    public void Simulation_agrees_with_the_exact_transient_on_a_small_chain_with_resets_within_Monte_Carlo_error()
    {
        const int trajectories = 20_000;
        const double tau = 20;
        var space = Space(0.5);
        var exact = ClassSums.Distribution(space, Transient.Compute(space, [tau]).Distributions[0].AsSpan());

        var result = new TrajectorySimulator(space).Simulate(trajectories, tau, seed: 20_260_102);

        result.EventsOf(MoveKind.Reset).Should().BeGreaterThan(1_000, "the simulation reads the resets from the chain's moves");
        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            var p = exact[k];
            result.Estimate(k).Value.Should().BeApproximately(p, (4.5 * Math.Sqrt(p * (1 - p) / trajectories)) + 1e-3, k.ToString());
        }

        var u = exact.Undecided;
        result.UndecidedEstimate.Value.Should().BeApproximately(u, (4.5 * Math.Sqrt(u * (1 - u) / trajectories)) + 1e-3, "undecided");
    }
}
