using PredictiveModels.Analysis;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Dynamics;

namespace PredictiveModels.Tests.Analysis;

public sealed class ScenarioAnalysisTests
{
    private static Scenario TwoPhases() =>
        DynamicsTestScenarios.Tiny().With(phases: [Phase.Create("pre", 5), Phase.Create("rl", 3, conditionalBits: 2)]);

    /// <summary>Every number of a lever's outcome, so that two outcomes can be compared by value.</summary>
    private static object Figures(LeverOutcome o) => new
    {
        o.Lever.Name,
        o.SimplicityPosterior,
        o.Discretisation,
        o.HighPathDependenceEffect,
        o.LowPathDependenceEffect,
        Race = o.Sources?.Race,
        Defection = o.Sources?.Defection,
        Incomplete = o.Sources?.Incomplete.ToArray(),
    };

    [Fact]
    public void The_headline_is_what_the_posterior_and_training_give_when_called_one_by_one()
    {
        var scenario = TwoPhases();

        var result = ScenarioAnalysis.Run(scenario);

        var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases);
        result.SimplicityPosterior.Should().Be(SimplicityPosterior.Compute(scenario).DeceptiveProbability);
        result.LowPathDependence.Should().Be(training.Equilibrium.DeceptiveProbability);
        result.HighPathDependence.Should().Be(training.Transient.DeceptiveProbability);
        result.Discretisation.Should().Be(Discretisation.Estimate(scenario, scenario.Dynamics, training));
        result.Scenario.Should().BeSameAs(scenario);
    }

    [Fact]
    public void The_other_hole_cost_is_the_one_the_scenario_does_not_use()
    {
        var scenario = TwoPhases();
        var withMin = scenario.With(analysis: scenario.Analysis.With(holeCost: HoleCost.Min));

        var result = ScenarioAnalysis.Run(withMin, levers: []);

        result.OtherHoleCost.Should().Be(HoleCost.Class);
        result.OtherHoleCostPosterior.DeceptiveProbability.Should().Be(SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(holeCost: HoleCost.Class))).DeceptiveProbability);
        result.Posterior.DeceptiveProbability.Should().Be(SimplicityPosterior.Compute(withMin).DeceptiveProbability);
    }

    public static TheoryData<string> LeverNames() => [.. Lever.Standard.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(LeverNames))]
    public void Each_lever_gives_what_training_its_scenario_in_full_gives_and_its_effect_is_the_difference_from_the_baseline(string name)
    {
        // Six of the eight levers change only the last phase and train on from the first, trained once; the
        // other two train in full. Either way the numbers are those of training the lever's scenario from the start.
        var scenario = TwoPhases();
        var lever = Lever.Standard.Single(l => l.Name == name);

        var outcome = ScenarioAnalysis.Run(scenario, [lever]).Levers.Single();

        var changed = lever.Apply(scenario);
        var trained = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases, absorption: false, relaxation: false);
        var baseline = Discretisation.Estimate(scenario, scenario.Dynamics, TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases));
        outcome.Lever.Should().BeSameAs(lever);
        outcome.SimplicityPosterior.Should().Be(SimplicityPosterior.Compute(changed).DeceptiveProbability);
        outcome.HighPathDependence.Should().Be(trained.Transient.DeceptiveProbability);
        outcome.LowPathDependence.Should().Be(trained.Equilibrium.DeceptiveProbability);
        outcome.Discretisation.Should().Be(Discretisation.Estimate(changed, changed.Dynamics, trained));
        outcome.HighPathDependenceEffect.Should().Be(outcome.Discretisation.HighPathDependence.Minus(baseline.HighPathDependence));
        outcome.LowPathDependenceEffect.Should().Be(outcome.Discretisation.LowPathDependence.Minus(baseline.LowPathDependence));
        outcome.Sources!.Race.Should().Be(trained.Final.Sources!.Race);
        outcome.Sources.Defection.Should().Be(trained.Final.Sources.Defection);
    }

    [Fact]
    public void Without_levers_named_the_standard_levers_are_pulled_in_their_order()
    {
        var result = ScenarioAnalysis.Run(TwoPhases());

        result.Levers.Select(o => o.Lever).Should().Equal(Lever.Standard);
    }

    [Fact]
    public void The_result_is_the_same_whether_the_levers_train_one_at_a_time_or_side_by_side()
    {
        var scenario = TwoPhases();

        var sequential = ScenarioAnalysis.Run(scenario, maxDegreeOfParallelism: 1);
        var parallel = ScenarioAnalysis.Run(scenario, maxDegreeOfParallelism: 4);

        parallel.Levers.Select(Figures).Should().BeEquivalentTo(sequential.Levers.Select(Figures), o => o.WithStrictOrdering());
        parallel.HighPathDependence.Should().Be(sequential.HighPathDependence);
    }

    [Fact]
    public void Progress_counts_every_training_once_and_ends_at_one()
    {
        var reports = new List<double>();
        var progress = new Synchronous(p => { lock (reports) { reports.Add(p); } });

        ScenarioAnalysis.Run(TwoPhases(), progress: progress);

        // At least two trainings (the scenario's grid and the coarser one) for the baseline and for each lever, and
        // two more here for the first phase that six levers share: each reported once, as a fraction of all.
        var trainings = reports.Count;
        trainings.Should().Be(2 * (1 + Lever.Standard.Length) + 2);
        reports.Order().Should().Equal(Enumerable.Range(1, trainings).Select(k => k / (double)trainings));
    }

    [Theory]
    [InlineData(10, 20)]
    [InlineData(20, 10)]
    public void When_several_levers_fail_in_training_the_first_in_order_is_reported_whatever_the_timing(int first, int second)
    {
        // Each lever shrinks the chain's limit below the tiny chain's size, so its training (not its application) fails.
        static Lever Limit(int limit) => new($"limit-{limit}", "", s => s.With(dynamics: DynamicsSettings.Create(maxConfigurations: limit)));

        var act = () => ScenarioAnalysis.Run(TwoPhases(), [Lever.Standard[0], Limit(first), Limit(second)], maxDegreeOfParallelism: 4);

        act.Should().Throw<ModelException>().WithMessage($"*more than the limit of {first};*");
    }

    [Fact]
    public void A_lever_that_cannot_be_applied_fails_before_anything_is_trained()
    {
        var broken = new Lever("broken", "", _ => throw new ModelException("this lever's failure"));

        var act = () => ScenarioAnalysis.Run(TwoPhases(), [Lever.Standard[0], broken], progress: new Synchronous(_ => throw new InvalidOperationException("a training ran")));

        act.Should().Throw<ModelException>().WithMessage("*this lever's failure*");
    }

    [Fact]
    public void A_chain_beyond_its_limit_is_refused_before_anything_is_trained()
    {
        var scenario = TwoPhases().With(dynamics: DynamicsSettings.Create(maxConfigurations: 10));
        var pulled = 0;
        var counting = new Lever("counting", "", s => { Interlocked.Increment(ref pulled); return s; });

        var act = () => ScenarioAnalysis.Run(scenario, [counting]);

        act.Should().Throw<ModelException>().WithMessage("*more than the limit of 10*");
        pulled.Should().Be(0);
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_a_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var act = () => ScenarioAnalysis.Run(TwoPhases(), cancellation: source.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_degree_of_parallelism_that_is_neither_positive_nor_minus_one_is_refused(int degree)
    {
        var act = () => ScenarioAnalysis.Run(TwoPhases(), maxDegreeOfParallelism: degree);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (the framework's <c>Progress</c> posts to the thread pool).</summary>
    private sealed class Synchronous(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
