using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Dynamics;

public sealed class TrainingDynamicsTests
{
    /// <summary>
    /// A world model so heavy that, with one token of data, every world step costs thousands of bits
    /// more than it saves: its rate underflows to 0, the world model is never learned, and a corrigible
    /// goal that points at it can never be completed.
    /// </summary>
    private static Scenario Frozen()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("corpus", ModelType.Stream, 60_000),
            Concept.Base("physical", ModelType.Predicate, 4),
            Concept.Base("money", ModelType.Quantity, 3),
            Concept.Base("training_process", ModelType.Predicate, 8),
            Concept.Base("self_model", ModelType.Predicate, 10),
        ]);
        var structures = new[]
        {
            Structure.Create("predictor", "", Expression.Parse("restrict(corpus, physical)"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("deceiver", "", Expression.Parse("longterm(?o: Quantity)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], requires: ["training_process", "self_model"]),
        };
        return Scenario.Create("frozen", "", world, structures, AnalysisSettings.Create(dataSize: 1), dynamics: DynamicsSettings.Create(goalResolution: 1));
    }

    [Fact]
    public void Absorption_refuses_a_chain_where_probability_can_be_trapped_and_names_a_trapped_configuration()
    {
        var scenario = Frozen();
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics);

        var act = () => Absorption.Compute(space);

        act.Should().Throw<ModelException>().WithMessage("*no finite answer*for example world step 0*");
    }

    [Fact]
    public void Training_reports_why_absorption_is_missing_and_keeps_the_transient_and_the_equilibrium()
    {
        var scenario = Frozen();

        var result = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases);

        var phase = result.Phases.Single();
        phase.Absorption.Should().BeNull();
        phase.AbsorptionProblem.Should().Contain("no finite answer");
        (phase.Transient.Probabilities.Sum() + phase.Transient.Undecided).Should().BeApproximately(1, 1e-9);
        (phase.Equilibrium.Probabilities.Sum() + phase.Equilibrium.Undecided).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Training_without_absorption_leaves_both_absorption_fields_empty()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var phase = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false).Phases.Single();

        phase.Absorption.Should().BeNull();
        phase.AbsorptionProblem.Should().BeNull();
    }

    [Fact]
    public void Absorption_that_does_not_converge_is_reported_as_the_phases_absorption_problem_and_the_transient_stands()
    {
        // The solver outcome of AbsorptionTests' neutral random walk, caught as a SolverException: the run goes on.
        // On the 4-bit grid, to keep the test cheap (the walk is as neutral there), and without the relaxation search,
        // which this test does not look at.
        var result = TrainingDynamics.Train(Scenario.Default, Scenario.Default.Dynamics.With(goalResolution: 4), [Phase.Create("neutral", 20, dataSize: 22_000)], relaxation: false);

        var phase = result.Phases.Single();
        phase.Absorption.Should().BeNull();
        phase.AbsorptionProblem.Should().Contain("random walk").And.Contain("dynamics.goalResolution");
        (phase.Transient.Probabilities.Sum() + phase.Transient.Undecided).Should().BeApproximately(1, 1e-9);
    }
}
