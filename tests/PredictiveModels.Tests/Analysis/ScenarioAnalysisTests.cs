using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
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

    [Fact]
    public void Each_lever_is_trained_on_the_scenario_it_makes_and_its_effect_is_the_difference_from_the_baseline()
    {
        var scenario = TwoPhases();
        var lever = Lever.Standard.Single(l => l.Name == "kl-regularisation");

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
        outcome.HighPathDependenceEffect.Value.Should().NotBe(0, "the KL weight moves the end of training on this scenario");
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
    public void Progress_counts_the_baseline_and_every_lever_and_ends_at_one()
    {
        var reports = new List<double>();
        var progress = new Synchronous(p => { lock (reports) { reports.Add(p); } });

        ScenarioAnalysis.Run(TwoPhases(), progress: progress);

        reports.Should().HaveCount(1 + Lever.Standard.Length);
        reports.Order().Should().Equal(Enumerable.Range(1, 1 + Lever.Standard.Length).Select(k => k / (1.0 + Lever.Standard.Length)));
    }

    [Fact]
    public void When_levers_fail_the_first_in_order_is_reported_whatever_the_timing()
    {
        var first = new Lever("first-broken", "", _ => throw new ModelException("first lever's failure"));
        var second = new Lever("second-broken", "", _ => throw new ModelException("second lever's failure"));
        var fine = Lever.Standard[0];

        var act = () => ScenarioAnalysis.Run(TwoPhases(), [fine, first, second], maxDegreeOfParallelism: 3);

        act.Should().Throw<ModelException>().WithMessage("*first lever's failure*");
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
