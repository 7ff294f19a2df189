using MathNet.Numerics.LinearAlgebra;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>The relaxation time (Lanczos on the symmetrised generator, bottleneck bounds) against dense eigendecompositions.</summary>
public sealed class RelaxationTests
{
    /// <summary>The claim-7 chain of <see cref="SolverTests"/>: small, reversible, relaxation time of a few thousand units.</summary>
    private static ConfigurationSpace Space(double dataSize = 40, int worldSteps = 3, int goalResolution = 4) =>
        ConfigurationSpace.Build(
            DynamicsTestScenarios.Tiny(dataSize: dataSize),
            DynamicsSettings.Create(worldSteps: worldSteps, goalResolution: goalResolution, tolerance: 1e-10, horizonBits: 2, awarenessBits: 2));

    /// <summary><c>D^1/2 Q D^-1/2</c> from the rates and the equilibrium weights, independently of <see cref="Relaxation"/>.</summary>
    private static Matrix<double> DenseSymmetrised(ConfigurationSpace space) => DenseTransient.Symmetrised(space);

    /// <summary>1 / (minus the second largest eigenvalue) of the dense symmetrised generator.</summary>
    private static double ExactRelaxationTime(ConfigurationSpace space)
    {
        var s = DenseSymmetrised(space);
        var eigenvalues = (s + s.Transpose()).Divide(2).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).OrderDescending().ToArray();
        eigenvalues[0].Should().BeApproximately(0, 1e-9, "the generator has the eigenvalue 0");
        return 1 / -eigenvalues[1];
    }

    [Fact]
    public void The_symmetrised_generator_built_without_pi_equals_D_half_Q_D_minus_half()
    {
        var space = Space();
        var dense = DenseSymmetrised(space);

        var built = Relaxation.Symmetrised.Build(space);

        for (var i = 0; i < space.Count; i++)
        {
            for (var j = 0; j < space.Count; j++)
            {
                built.Entry(i, j).Should().BeApproximately(dense[i, j], 1e-9 * (1 + Math.Abs(dense[i, j])), $"entry ({i}, {j})");
            }
        }
    }

    [Fact]
    public void The_Lanczos_relaxation_time_matches_a_dense_eigendecomposition_on_a_small_reversible_chain()
    {
        var space = Space();
        space.Count.Should().BeLessThan(600, "the dense reference must stay small");
        var exact = ExactRelaxationTime(space);

        var result = Relaxation.Compute(space);

        result.Problem.Should().BeNull();
        result.IsLowerBound.Should().BeFalse("on a small chain Lanczos converges");
        result.Time!.Value.Should().BeApproximately(exact, exact * 1e-6);
        result.Lower!.Value.Should().BeLessThanOrEqualTo(exact);
        result.Upper!.Value.Should().BeGreaterThanOrEqualTo(exact);
    }

    /// <summary>
    /// Data sizes up to 100 keep the gap (8e-13 at 100, 1e-4 at 40) well above the dense solver's rounding (about n x unit
    /// roundoff x ||S||, 1e-14 here); beyond that the dense reference itself is wrong, and only the log-space bounds hold.
    /// </summary>
    [Theory]
    [InlineData(10, 3)]
    [InlineData(20, 10)]
    [InlineData(40, 2)]
    [InlineData(40, 5)]
    [InlineData(40, 20)]
    [InlineData(60, 4)]
    [InlineData(100, 10)]
    [InlineData(100, 120)]
    public void A_lower_bound_from_an_unconverged_Lanczos_run_is_never_above_the_exact_relaxation_time(double dataSize, int iterations)
    {
        var space = Space(dataSize, worldSteps: 2, goalResolution: 4);
        var exact = ExactRelaxationTime(space);

        var result = Relaxation.Compute(space, iterations, default);

        result.Lower!.Value.Should().BeLessThanOrEqualTo(exact * (1 + 1e-9));
        if (result.IsLowerBound)
        {
            result.Time.Should().Be(result.Lower);
            result.Upper.Should().BeNull();
        }
        else
        {
            result.Time!.Value.Should().BeApproximately(exact, exact * Relaxation.ReportedAccuracy);
        }
    }

    [Fact]
    public void Few_Lanczos_steps_on_a_metastable_chain_report_a_lower_bound_and_say_so()
    {
        var space = Space(dataSize: 60, worldSteps: 2, goalResolution: 4);
        var exact = ExactRelaxationTime(space);

        var result = Relaxation.Compute(space, 2, default);

        result.IsLowerBound.Should().BeTrue();
        result.Lower!.Value.Should().BeLessThan(exact);
    }

    [Fact]
    public void Every_bottleneck_bound_is_at_most_the_exact_relaxation_time()
    {
        var space = Space(dataSize: 60, worldSteps: 2, goalResolution: 4);
        var exact = ExactRelaxationTime(space);
        var s = Relaxation.Symmetrised.Build(space);
        var random = new Random(7);

        for (var trial = 0; trial < 50; trial++)
        {
            var count = 2 + (trial % 4);
            var label = Enumerable.Range(0, space.Count).Select(_ => random.Next(count)).ToArray();
            var (log2, _) = s.Bottleneck(label, count);
            double.Exp2(log2).Should().BeLessThanOrEqualTo(exact * (1 + 1e-9), $"trial {trial}");
        }

        var branches = Enumerable.Range(0, space.Count).Select(i => space[i].Branch).ToArray();
        double.Exp2(s.Bottleneck(branches, space.Branches.Length).Log2Bound).Should().BeLessThanOrEqualTo(exact * (1 + 1e-9));
    }

    [Fact]
    public void The_bottleneck_bound_is_computed_in_log_space_where_the_equilibrium_weights_underflow()
    {
        // At this data size energies differ by millions of bits: pi underflows almost everywhere.
        var space = Space(dataSize: 1e7, worldSteps: 2, goalResolution: 4);

        var result = Relaxation.Compute(space);

        result.IsLowerBound.Should().BeTrue("no Lanczos run resolves a gap of 2^-(millions)");
        result.Log10Lower!.Value.Should().BeGreaterThan(308, "the bound is far beyond a double");
        result.Time.Should().Be(double.PositiveInfinity);
        result.BottleneckSet.Should().NotBeNull();
    }

    [Fact]
    public void A_phase_with_oversight_resets_reports_no_relaxation_time_and_says_why()
    {
        var space = ConfigurationSpace.Build(
            DynamicsTestScenarios.Tiny(dataSize: 100),
            DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, horizonBits: 2, awarenessBits: 2),
            Phase.Create("watched", 20, oversightDetectionRate: 0.5));

        var result = Relaxation.Compute(space);

        result.Time.Should().BeNull();
        result.Problem.Should().Contain("irreversible");
    }

    [Fact]
    public void The_same_chain_gives_the_same_relaxation_result_every_time()
    {
        var space = Space(dataSize: 400);

        Relaxation.Compute(space).Should().BeEquivalentTo(Relaxation.Compute(space));
    }
}
