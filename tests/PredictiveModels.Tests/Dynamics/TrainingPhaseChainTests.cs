using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// How <see cref="TrainingDynamics.Train"/> chains its phases and fills each phase's result, checked against the solvers
/// called one by one on the tiny chain.
/// </summary>
public sealed class TrainingPhaseChainTests
{
    private const double Tolerance = 1e-10;

    private static Scenario Tiny() => DynamicsTestScenarios.Tiny(dataSize: 10);

    private static DynamicsSettings Settings() => DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, horizonBits: 2, awarenessBits: 2, duration: 12, tolerance: Tolerance);

    private static Phase[] TwoPhases() =>
    [
        Phase.Create("pre-training", 12),
        Phase.Create("fine-tuning", 6, conditionalBits: 8, horizonBonus: 0.5, awarenessBonus: 0.5),
    ];

    [Fact]
    public void Missing_arguments_are_argument_errors()
    {
        ((Action)(() => TrainingDynamics.Train(null!, Settings()))).Should().Throw<ArgumentNullException>();
        ((Action)(() => TrainingDynamics.Train(Tiny(), null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Without_phases_training_is_one_pre_training_phase_of_the_settings_duration()
    {
        var none = TrainingDynamics.Train(Tiny(), Settings(), null, absorption: false, relaxation: false);
        var empty = TrainingDynamics.Train(Tiny(), Settings(), [], absorption: false, relaxation: false);

        var phase = none.Phases.Single();
        phase.Name.Should().Be(Phase.Pretraining(12).Name);
        phase.Duration.Should().Be(12);
        empty.Phases.Single().Should().BeEquivalentTo(phase);
    }

    [Fact]
    public void A_phase_reports_its_transient_equilibrium_and_chain_as_the_solvers_give_them()
    {
        var settings = Settings();
        var space = ConfigurationSpace.Build(Tiny(), settings, TwoPhases()[0]);
        var generator = space.BuildGenerator();

        var phase = TrainingDynamics.Train(Tiny(), settings, [TwoPhases()[0]], absorption: false, relaxation: false).Phases.Single();

        var direct = KrylovTransient.Compute(space, [12.0]);
        var expected = ClassSums.Distribution(space, direct.Distributions[0].AsSpan());
        phase.Name.Should().Be("pre-training");
        phase.Configurations.Should().Be(space.Count);
        phase.Transient.Probabilities.Should().Equal(expected.Probabilities, (a, b) => Math.Abs(a - b) <= 4 * Tolerance);
        phase.ErrorBound.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(Tolerance);
        phase.Equilibrium.Probabilities.Should().Equal(Equilibrium.Classes(space).Probabilities);
        phase.UniformizationRate.Should().Be(generator.MaxExitRate);
        phase.Products.Should().BeGreaterThan(0);
        var sources = OutcomeSources.FromConfigurations(space, direct.Distributions[0].AsSpan());
        phase.Sources!.Race.Should().BeApproximately(sources.Race, 4 * Tolerance);
        phase.Sources.Defection.Should().BeApproximately(sources.Defection, 4 * Tolerance);
    }

    [Fact]
    public void The_path_dependence_index_is_reported_at_the_fixed_fractions_of_the_phase()
    {
        var settings = Settings();
        var space = ConfigurationSpace.Build(Tiny(), settings, TwoPhases()[0]);

        var phase = TrainingDynamics.Train(Tiny(), settings, [TwoPhases()[0]], absorption: false, relaxation: false).Phases.Single();

        phase.PathDependence.Select(p => p.Time).Should().Equal(TrainingDynamics.IndexFractions.Select(f => f * 12));
        var start = new double[space.Count];
        start[space.Start] = 1;
        var atStart = ClassSums.Distribution(space, start).TotalVariation(phase.Equilibrium);
        phase.PathDependence[0].Index.Should().BeApproximately(atStart, 1e-12);
        phase.PathDependence[^1].Index.Should().BeApproximately(phase.PathDependenceIndex, 1e-12);
        var middle = KrylovTransient.Compute(space, [6.0]).Distributions[0];
        phase.PathDependence[3].Index.Should().BeApproximately(ClassSums.Distribution(space, middle.AsSpan()).TotalVariation(phase.Equilibrium), 4 * Tolerance);
    }

    [Fact]
    public void The_classes_are_recorded_at_the_times_of_the_path_dependence_index_and_end_at_the_transient()
    {
        var settings = Settings();
        var space = ConfigurationSpace.Build(Tiny(), settings, TwoPhases()[0]);

        var phase = TrainingDynamics.Train(Tiny(), settings, [TwoPhases()[0]], absorption: false, relaxation: false).Phases.Single();

        phase.ClassesOverTime.Select(p => p.Time).Should().Equal(phase.PathDependence.Select(p => p.Time));
        phase.ClassesOverTime.Select(p => p.Classes.TotalVariation(phase.Equilibrium)).Should().Equal(phase.PathDependence.Select(p => p.Index));
        phase.ClassesOverTime[^1].Classes.Probabilities.Should().Equal(phase.Transient.Probabilities);
        var middle = KrylovTransient.Compute(space, [6.0]).Distributions[0];
        var expected = ClassSums.Distribution(space, middle.AsSpan());
        phase.ClassesOverTime[3].Classes.Probabilities.Should().Equal(expected.Probabilities, (a, b) => Math.Abs(a - b) <= 4 * Tolerance);
    }

    [Fact]
    public void The_second_phase_starts_from_the_distribution_the_first_ended_in()
    {
        var settings = Settings();
        var phases = TwoPhases();
        var first = ConfigurationSpace.Build(Tiny(), settings, phases[0]);
        var second = ConfigurationSpace.Build(Tiny(), settings, phases[1]);
        var ended = KrylovTransient.Compute(first, [12.0]).Distributions[0];
        var carried = second.MapFrom(first, ended.AsSpan());

        var result = TrainingDynamics.Train(Tiny(), settings, phases, relaxation: false);

        result.Phases.Select(p => p.Name).Should().Equal("pre-training", "fine-tuning");
        var expected = KrylovTransient.Compute(second, [6.0], initial: carried).Distributions[0];
        var expectedClasses = ClassSums.Distribution(second, expected.AsSpan());
        result.Phases[1].Transient.Probabilities.Should().Equal(expectedClasses.Probabilities, (a, b) => Math.Abs(a - b) <= 8 * Tolerance);
        result.Phases[1].Configurations.Should().Be(second.Count);

        // Absorption also starts from where the first phase ended, not from the start configuration: mass carried over
        // is already on its way, so it is absorbed sooner on average than mass at the start would be.
        var absorbed = Absorption.Compute(second, carried);
        result.Phases[1].Absorption!.Probabilities.Probabilities.Should().Equal(absorbed.Probabilities.Probabilities, (a, b) => Math.Abs(a - b) <= 1e-8);
        result.Phases[1].Absorption!.MeanTime.Should().BeApproximately(absorbed.MeanTime, 1e-8 * absorbed.MeanTime);
    }

    [Fact]
    public void Relaxation_and_reachability_are_computed_only_when_asked_for()
    {
        var settings = Settings();

        var with = TrainingDynamics.Train(Tiny(), settings, [TwoPhases()[0]], absorption: false).Phases.Single();
        var without = TrainingDynamics.Train(Tiny(), settings, [TwoPhases()[0]], absorption: false, relaxation: false).Phases.Single();

        with.Relaxation!.Problem.Should().BeNull();
        with.Relaxation.Time!.Value.Should().BePositive();
        with.Reachability.Should().NotBeNull();
        without.Relaxation.Should().BeNull();
        without.Reachability.Should().BeNull();

        // The reachability grid rides along in the same pass without changing what is reported at the phase's own times.
        with.Transient.Probabilities.Should().Equal(without.Transient.Probabilities, (a, b) => Math.Abs(a - b) <= 4 * Tolerance);
        with.PathDependence.Should().HaveCount(TrainingDynamics.IndexFractions.Count);
    }

    [Fact]
    public void Progress_rises_to_one_with_each_phase_in_its_own_share()
    {
        var seen = new List<double>();

        TrainingDynamics.Train(Tiny(), Settings(), TwoPhases(), new Recorder(seen), absorption: false, relaxation: false);

        seen.Should().OnlyContain(f => f >= 0 && f <= 1);
        seen.Should().BeInAscendingOrder();
        seen.Should().Contain(0.5, "the first of two phases ends half way");
        seen[^1].Should().Be(1);
    }

    [Fact]
    public void A_cancelled_training_stops()
    {
        var act = () => TrainingDynamics.Train(Tiny(), Settings(), TwoPhases(), cancellation: new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
    }

    private sealed class Recorder(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
