using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Absorption's goal-line sweeps, which take over from the flag-block sweeps when a goal is a near-neutral random walk:
/// agreement with the flag blocks, a dense solve and MathNet's BiCGStab where all converge, and a near-neutral chain that
/// the flag blocks refuse and the lines finish with the same residual bound.
/// </summary>
public sealed class AbsorptionGoalLineTests
{
    private static ConfigurationSpace Space(double dataSize = 100, double tolerance = 1e-12) =>
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, horizonBits: 1, awarenessBits: 1, awarenessBonus: 0.05, horizonBonus: 0.05, tolerance: tolerance));

    private static AbsorptionResult Compute(ConfigurationSpace space, Absorption.SweepMethod method, double[]? initial = null) =>
        Absorption.Compute(space, space.BuildGenerator(), initial, CancellationToken.None, method);

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1e4)]
    public void Goal_line_sweeps_agree_with_flag_block_sweeps_and_a_dense_solve(double dataSize)
    {
        var space = Space(dataSize);
        var (classes, meanTime) = DenseAbsorption.Solve(space, null);

        var lines = Compute(space, Absorption.SweepMethod.GoalLines);
        var blocks = Compute(space, Absorption.SweepMethod.FlagBlocks);

        lines.Residual.Should().BeLessThanOrEqualTo(1e-12);
        lines.Probabilities.Probabilities.Should().Equal(classes, (a, b) => Math.Abs(a - b) <= 1e-11);
        lines.Probabilities.Probabilities.Should().Equal(blocks.Probabilities.Probabilities, (a, b) => Math.Abs(a - b) <= 2e-12);
        lines.MeanTime.Should().BeApproximately(meanTime, 1e-8 * meanTime);
        lines.Sweeps.Should().BeLessThanOrEqualTo(blocks.Sweeps);
    }

    [Fact]
    public void Goal_line_sweeps_agree_with_MathNet_BiCgStab_on_the_same_system()
    {
        var space = Space(100);
        var generator = space.BuildGenerator();
        var transient = Enumerable.Range(0, space.Count).Where(i => !Absorption.IsAbsorbing(space, i)).ToArray();
        var position = new Dictionary<int, int>();
        for (var k = 0; k < transient.Length; k++)
        {
            position[transient[k]] = k;
        }

        // Row j of m (-Q_TT) = p0_T, from the generator's inflow layout: exit_j m_j - sum_i q_ij m_i.
        var a = Matrix<double>.Build.Sparse(transient.Length, transient.Length);
        var toAbsorbing = new List<(int From, int To, double Rate)>();
        for (var j = 0; j < space.Count; j++)
        {
            for (var e = generator.RowStart[j]; e < generator.RowStart[j + 1]; e++)
            {
                var i = generator.Sources[e];
                if (!position.TryGetValue(i, out var column))
                {
                    continue;
                }

                if (position.TryGetValue(j, out var row))
                {
                    a[row, column] -= generator.Rates[e];
                }
                else
                {
                    toAbsorbing.Add((i, j, generator.Rates[e]));
                }
            }

            if (position.TryGetValue(j, out var diagonal))
            {
                a[diagonal, diagonal] += generator.Exit[j];
            }
        }

        var b = Vector<double>.Build.Dense(transient.Length, k => transient[k] == space.Start ? 1 : 0);
        var m = Vector<double>.Build.Dense(transient.Length);
        // Diagonally preconditioned and stopped at a relative residual of 1e-12: with ILU(0), or asked for 1e-15, MathNet's
        // BiCGStab breaks down on this chain (the rates span many orders of magnitude).
        var iterator = new Iterator<double>(new IterationCountStopCriterion<double>(10_000), new ResidualStopCriterion<double>(1e-12));
        new BiCgStab().Solve(a, b, m, iterator, new DiagonalPreconditioner());
        iterator.Status.Should().Be(IterationStatus.Converged);
        (a * m - b).L1Norm().Should().BeLessThan(1e-10);
        var classes = new double[Enum.GetValues<OutcomeClass>().Length];
        foreach (var (from, to, rate) in toAbsorbing)
        {
            classes[(int)space.ClassOf(to)!.Value] += m[position[from]] * rate;
        }

        var lines = Compute(space, Absorption.SweepMethod.GoalLines);

        lines.Probabilities.Probabilities.Should().Equal(classes, (x, y) => Math.Abs(x - y) <= 1e-9);
        lines.MeanTime.Should().BeApproximately(m.Sum(), 1e-6 * m.Sum());
    }

    [Fact]
    public void Goal_line_sweeps_keep_every_class_probability_a_lower_bound_short_by_at_most_the_residual()
    {
        var space = Space(100, tolerance: 1e-4);
        var (classes, meanTime) = DenseAbsorption.Solve(space, null);

        var lines = Compute(space, Absorption.SweepMethod.GoalLines);

        var computed = lines.Probabilities.Probabilities;
        for (var k = 0; k < classes.Length; k++)
        {
            computed[k].Should().BeLessThanOrEqualTo(classes[k] + 1e-15);
        }

        (classes.Sum() - computed.Sum()).Should().BeLessThanOrEqualTo(lines.Residual + 1e-15);
        lines.MeanTime.Should().BeLessThanOrEqualTo(meanTime * (1 + 1e-15));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_near_neutral_goal_that_flag_blocks_refuse_is_finished_by_goal_lines_with_a_true_residual_bound()
    {
        // At 22,000 tokens the default scenario's internal goals (thousands of 4-bit steps) gain about as much loss per step as
        // they cost in bits: a near-neutral walk that flag-block sweeps cannot finish within the work bound (1.56 x 10^6
        // configurations; they project about 6,000 sweeps where 324 are allowed).
        var scenario = Scenario.Default;
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics, Phase.Create("neutral", 20, dataSize: 22_000));
        var generator = space.BuildGenerator();

        var refuse = () => Absorption.Compute(space, generator, null, CancellationToken.None, Absorption.SweepMethod.FlagBlocks);
        var result = Absorption.Compute(space, generator, null, CancellationToken.None);
        var lines = Absorption.Compute(space, generator, null, CancellationToken.None, Absorption.SweepMethod.GoalLines);

        refuse.Should().Throw<SolverException>().Which.Problem.Should().Contain("random walk");
        result.Residual.Should().BeLessThanOrEqualTo(scenario.Dynamics.Tolerance);
        result.Sweeps.Should().BeLessThan(100);
        (result.Probabilities.Probabilities.Sum() + result.Unaccounted).Should().BeApproximately(1, 1e-12);
        result.Probabilities.Probabilities.Should().Equal(lines.Probabilities.Probabilities, (x, y) => Math.Abs(x - y) <= 2 * scenario.Dynamics.Tolerance);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void On_a_near_neutral_chain_where_flag_blocks_converge_at_a_loose_tolerance_goal_lines_agree_within_its_residual()
    {
        // On the 64-bit grid (25,896 configurations) the same walk is short enough for flag blocks at tolerance 1e-3 (about
        // 700 sweeps). Both answers are lower bounds of the same exact values, the flag blocks' short by at most its residual.
        var scenario = Scenario.Default;
        var loose = ConfigurationSpace.Build(scenario, scenario.Dynamics.With(goalResolution: 64, tolerance: 1e-3), Phase.Create("neutral", 20, dataSize: 22_000));
        var tight = ConfigurationSpace.Build(scenario, scenario.Dynamics.With(goalResolution: 64), Phase.Create("neutral", 20, dataSize: 22_000));

        var old = Absorption.Compute(loose, loose.BuildGenerator(), null, CancellationToken.None, Absorption.SweepMethod.FlagBlocks);
        var lines = Absorption.Compute(tight, tight.BuildGenerator(), null, CancellationToken.None, Absorption.SweepMethod.GoalLines);

        old.Residual.Should().BeLessThanOrEqualTo(1e-3);
        lines.Residual.Should().BeLessThanOrEqualTo(1e-10);
        lines.Probabilities.Probabilities.Should().Equal(old.Probabilities.Probabilities, (x, y) => x - y >= -1e-10 && x - y <= old.Residual + 1e-10);
        (lines.Probabilities.Probabilities.Sum() - old.Probabilities.Probabilities.Sum()).Should().BeLessThanOrEqualTo(old.Residual + 1e-10);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void On_the_default_pre_training_chain_goal_lines_agree_with_flag_blocks_within_the_tolerance()
    {
        // Not near-neutral: both converge at tolerance 1e-10 (391,944 configurations on the 4-bit grid).
        var scenario = Scenario.Default;
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics.With(goalResolution: 4));
        var generator = space.BuildGenerator();

        var blocks = Absorption.Compute(space, generator, null, CancellationToken.None, Absorption.SweepMethod.FlagBlocks);
        var lines = Absorption.Compute(space, generator, null, CancellationToken.None, Absorption.SweepMethod.GoalLines);
        var both = Absorption.Compute(space, generator, null, CancellationToken.None);

        lines.Residual.Should().BeLessThanOrEqualTo(1e-10);
        lines.Probabilities.Probabilities.Should().Equal(blocks.Probabilities.Probabilities, (x, y) => Math.Abs(x - y) <= 2e-10);
        lines.MeanTime.Should().BeApproximately(blocks.MeanTime, 1e-8 * blocks.MeanTime);
        both.Should().BeEquivalentTo(blocks, "where flag blocks converge they are all that runs");
    }
}
