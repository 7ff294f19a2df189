using MathNet.Numerics.LinearAlgebra;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The parts of a relaxation result that <see cref="RelaxationTests"/> does not pin: how each field follows from the
/// Ritz value, its residual and the rounding estimate as documented, the bottleneck bound against a dense computation
/// of <c>pi(A) pi(not A) / flow(A, not A)</c>, and the bound on <c>||S||_2</c>.
/// </summary>
public sealed class RelaxationBoundsTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static ConfigurationSpace Space(double dataSize = 40) =>
        ConfigurationSpace.Build(
            DynamicsTestScenarios.Tiny(dataSize: dataSize),
            DynamicsSettings.Create(worldSteps: 2, goalResolution: 4, tolerance: 1e-10, horizonBits: 2, awarenessBits: 2));

    [Fact]
    public void A_converged_result_is_the_reciprocal_of_minus_the_Ritz_value_between_its_documented_bounds()
    {
        var space = Space();
        var s = Relaxation.Symmetrised.Build(space);

        var result = Relaxation.Compute(space);

        result.IsLowerBound.Should().BeFalse();
        result.Problem.Should().BeNull();
        result.Iterations.Should().BeInRange(1, Relaxation.MaxIterations);
        result.Rounding.Should().Be(result.Iterations * UnitRoundoff * s.Gershgorin);
        result.Time.Should().Be(1 / -result.RitzValue);
        result.LanczosLower.Should().Be(1 / (result.Rounding - result.RitzValue));
        result.Upper.Should().Be(1 / -(result.RitzValue + result.Residual + result.Rounding));
        result.Residual.Should().BeGreaterThanOrEqualTo(0);
        result.Lower.Should().Be(Math.Pow(10, result.Log10Lower!.Value));
        result.Log10Lower!.Value.Should().BeApproximately(Math.Max(Math.Log10(result.LanczosLower!.Value), result.BottleneckLog10Lower!.Value), 1e-12);
        ((result.Upper!.Value - result.LanczosLower!.Value) / result.LanczosLower.Value).Should().BeLessThanOrEqualTo(Relaxation.ReportedAccuracy);
        result.Upper!.Value.Should().BeGreaterThanOrEqualTo(result.Lower!.Value);
    }

    [Fact]
    public void An_unconverged_result_reports_its_lower_bound_and_no_upper_bound()
    {
        var space = Space(dataSize: 60);

        var result = Relaxation.Compute(space, 2, default);

        result.IsLowerBound.Should().BeTrue();
        result.Iterations.Should().Be(2);
        result.Upper.Should().BeNull();
        result.Time.Should().Be(result.Lower);
        result.Lower.Should().Be(Math.Pow(10, result.Log10Lower!.Value));
        var lanczos = result.LanczosLower is { } l ? Math.Log10(l) : double.NegativeInfinity;
        result.Log10Lower!.Value.Should().Be(Math.Max(lanczos, result.BottleneckLog10Lower!.Value));
    }

    [Fact]
    public void The_bottleneck_bound_of_a_set_is_its_weight_times_the_rest_over_the_flow_out_of_it()
    {
        var space = Space();
        var q = DenseTransient.Generator(space);
        var pi = Equilibrium.Distribution(space);
        var s = Relaxation.Symmetrised.Build(space);
        var random = new Random(11);

        for (var trial = 0; trial < 6; trial++)
        {
            var count = 2 + (trial % 3);
            var label = Enumerable.Range(0, space.Count).Select(_ => random.Next(count)).ToArray();
            var expected = double.NegativeInfinity;
            var bounds = new double[count];
            for (var a = 0; a < count; a++)
            {
                var mass = Enumerable.Range(0, space.Count).Where(i => label[i] == a).Sum(i => pi[i]);
                var flow = 0.0;
                for (var i = 0; i < space.Count; i++)
                {
                    for (var j = 0; j < space.Count; j++)
                    {
                        if (label[i] == a && label[j] != a && i != j)
                        {
                            flow += pi[i] * q[i, j];
                        }
                    }
                }

                bounds[a] = Math.Log2(mass * (1 - mass) / flow);
                expected = Math.Max(expected, bounds[a]);
            }

            var (log2, found) = s.Bottleneck(label, count);
            log2.Should().BeApproximately(expected, 1e-9, $"trial {trial}");

            // The set found gives the best bound. With two sets the bound is the same for both (at equilibrium the
            // flow out of a set equals the flow into it), so which one is reported is a matter of rounding.
            bounds[found].Should().BeApproximately(expected, 1e-9, $"trial {trial}");
        }
    }

    [Fact]
    public void A_labelling_that_puts_every_configuration_in_one_set_gives_no_bottleneck_bound()
    {
        var space = Space();
        var s = Relaxation.Symmetrised.Build(space);

        var (log2, _) = s.Bottleneck(new int[space.Count], 2);

        log2.Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void The_reported_bottleneck_is_at_least_that_of_every_branch_and_every_class_and_names_its_set()
    {
        var space = Space(dataSize: 60);
        var s = Relaxation.Symmetrised.Build(space);
        var branches = Enumerable.Range(0, space.Count).Select(i => space[i].Branch).ToArray();
        var classes = Enum.GetValues<OutcomeClass>();
        var byClass = Enumerable.Range(0, space.Count).Select(i => space.ClassOf(i) is { } k ? (int)k : classes.Length).ToArray();
        var branchBound = s.Bottleneck(branches, space.Branches.Length);
        var classBound = s.Bottleneck(byClass, classes.Length + 1);

        var result = Relaxation.Compute(space, 2, default);

        var log10 = result.BottleneckLog10Lower!.Value;
        log10.Should().BeGreaterThanOrEqualTo((branchBound.Log2Bound * Math.Log10(2)) - 1e-12);
        log10.Should().BeGreaterThanOrEqualTo((classBound.Log2Bound * Math.Log10(2)) - 1e-12);
        var names = space.Branches.Select(b => "branch " + b.Label).Concat(classes.Select(k => "class " + k)).Append("undecided").ToList();
        (names.Contains(result.BottleneckSet!) || result.BottleneckSet!.StartsWith("Ritz vector above ", StringComparison.Ordinal)).Should().BeTrue(result.BottleneckSet);
        if (Math.Abs(log10 - (branchBound.Log2Bound * Math.Log10(2))) < 1e-12 && log10 > classBound.Log2Bound * Math.Log10(2))
        {
            result.BottleneckSet.Should().Be("branch " + space.Branches[branchBound.Label].Label);
        }
    }

    [Fact]
    public void The_Gershgorin_bound_is_the_largest_absolute_row_sum_and_bounds_every_eigenvalue()
    {
        var space = Space();
        var s = Relaxation.Symmetrised.Build(space);
        var dense = Matrix<double>.Build.Dense(space.Count, space.Count, s.Entry);

        var rowSums = Enumerable.Range(0, space.Count).Select(i => dense.Row(i).Sum(Math.Abs)).ToArray();

        s.Gershgorin.Should().BeApproximately(rowSums.Max(), 1e-12 * rowSums.Max());
        var eigenvalues = dense.Evd(Symmetricity.Symmetric).EigenValues.Select(e => Math.Abs(e.Real));
        eigenvalues.Should().OnlyContain(e => e <= s.Gershgorin * (1 + 1e-12));
        s.Diagonal.Should().Equal(Enumerable.Range(0, space.Count).Select(i => dense[i, i]));
    }

    [Fact]
    public void A_missing_chain_is_an_argument_error()
    {
        ((Action)(() => Relaxation.Compute(null!))).Should().Throw<ArgumentNullException>();
    }
}
