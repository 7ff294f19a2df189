using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>The computed members of the chain's small result and input types.</summary>
public sealed class DynamicsRecordTests
{
    private static OutcomeDistribution Deceptive(double p) =>
        OutcomeDistribution.FromProbabilities([0, 0, 0, p, 0], 1 - p);

    private static PhaseResult Phase(string name, double transient, double equilibrium) =>
        new(name, 1, 10, Deceptive(transient), 0, Deceptive(equilibrium), [(0.0, 1.0)], 1, 0);

    [Fact]
    public void A_discretisation_estimate_is_the_distance_to_the_coarser_value_and_differences_subtract_both()
    {
        var a = new DiscretisationEstimate(0.3, 0.5);
        var b = new DiscretisationEstimate(0.1, 0.05);

        a.Estimate.Should().BeApproximately(0.2, 1e-15);
        new DiscretisationEstimate(0.5, 0.3).Estimate.Should().BeApproximately(0.2, 1e-15);
        a.Minus(b).Should().Be(new DiscretisationEstimate(0.3 - 0.1, 0.5 - 0.05));
        FluentActions.Invoking(() => a.Minus(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_sweep_points_rises_are_measured_from_the_phase_before_the_last_or_from_0()
    {
        var two = new TrainingSweepPoint(1, new TrainingResult([Phase("pre", 0.1, 0.2), Phase("rl", 0.35, 0.5)]));
        var one = new TrainingSweepPoint(1, new TrainingResult([Phase("pre", 0.1, 0.2)]));

        (two.HighPathDeceptive, two.LowPathDeceptive).Should().Be((0.35, 0.5));
        two.HighPathRise.Should().BeApproximately(0.25, 1e-15);
        two.LowPathRise.Should().BeApproximately(0.3, 1e-15);
        (one.HighPathRise, one.LowPathRise).Should().Be((0.1, 0.2));
    }

    [Fact]
    public void A_training_result_reads_its_last_phase()
    {
        var result = new TrainingResult([Phase("pre", 0.1, 0.2), Phase("rl", 0.35, 0.5)]);

        result.Final.Name.Should().Be("rl");
        result.Transient.DeceptiveProbability.Should().Be(0.35);
        result.Equilibrium.DeceptiveProbability.Should().Be(0.5);
        result.PathDependence.Should().Equal(result.Phases[1].PathDependence);
        result.PathDependenceIndex.Should().BeApproximately(0.15, 1e-15);
        result.Phases[0].PathDependenceIndex.Should().BeApproximately(0.1, 1e-15);
    }

    [Fact]
    public void A_relaxation_not_computed_carries_only_its_problem()
    {
        var r = RelaxationResult.NotComputed("why");

        r.Problem.Should().Be("why");
        (r.Time, r.Lower, r.Log10Lower, r.Upper, r.LanczosLower, r.BottleneckLog10Lower, r.BottleneckSet).Should().Be(((double?)null, (double?)null, (double?)null, (double?)null, (double?)null, (double?)null, (string?)null));
        r.IsLowerBound.Should().BeFalse();
        double.IsNaN(r.RitzValue).Should().BeTrue();
        double.IsNaN(r.Residual).Should().BeTrue();
        double.IsNaN(r.Rounding).Should().BeTrue();
        r.Iterations.Should().Be(0);
    }

    [Fact]
    public void A_branch_without_a_candidate_is_none_and_one_with_a_deceptive_candidate_is_deceptive()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2));

        space.Branches[0].Label.Should().Be("none");
        space.Branches[0].Class.Should().BeNull();
        space.Branches[0].IsDeceptive.Should().BeFalse();
        space.Branches[space.DeceptiveBranch].IsDeceptive.Should().BeTrue();
        space.Branches[space.DeceptiveBranch].Class.Should().Be(OutcomeClass.Deceptive);
        space.Branches[1].IsDeceptive.Should().BeFalse();
        space.Branches[1].Label.Should().Be(space.Branches[1].Candidate!.Key);
        space.Branches[1].Class.Should().Be(space.Branches[1].Candidate!.Class);
    }

    [Fact]
    public void A_uniformized_step_is_p_plus_p_Q_over_the_rate()
    {
        // Two states: 0 -> 1 at rate 2, 1 -> 0 at rate 0.5; rows hold the moves into each state.
        var generator = new Generator([0, 1, 2], [1, 0], [0.5, 2], [2, 0.5]);
        var p = new[] { 0.25, 0.75 };
        var result = new double[2];

        generator.UniformizedStep(p, result, 4);

        result[0].Should().BeApproximately(0.25 + ((-0.25 * 2) + (0.75 * 0.5)) / 4, 1e-15);
        result[1].Should().BeApproximately(0.75 + ((0.25 * 2) - (0.75 * 0.5)) / 4, 1e-15);
        (generator.Count, generator.NonZeros, generator.MaxExitRate).Should().Be((2, 2, 2.0));
        new Generator([0], [], [], []).MaxExitRate.Should().Be(0);
    }

    [Fact]
    public void Transient_inputs_refuse_negative_or_infinite_times_and_a_distribution_of_the_wrong_length()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2));

        FluentActions.Invoking(() => TransientInputs.CheckTimes([0, 1, 2])).Should().NotThrow();
        var d = FluentActions.Invoking(() => TransientInputs.CheckTimes([1, -1])).Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Path.Should().Be("dynamics.duration");
        d.Message.Should().Be("a training time cannot be negative (got -1)");
        FluentActions.Invoking(() => TransientInputs.CheckTimes([double.PositiveInfinity])).Should().Throw<ModelException>();
        FluentActions.Invoking(() => TransientInputs.CheckInitial(space, null)).Should().NotThrow();
        FluentActions.Invoking(() => TransientInputs.CheckInitial(space, new double[space.Count])).Should().NotThrow();
        FluentActions.Invoking(() => TransientInputs.CheckInitial(space, new double[space.Count + 1])).Should().Throw<ArgumentException>()
            .WithMessage($"The initial distribution has {space.Count + 1} entries; the chain has {space.Count} configurations.*").Which.ParamName.Should().Be("initial");
    }
}
