using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class TrainingDynamicsTests
{
    [Fact]
    public void Absorption_refuses_a_chain_where_probability_can_be_trapped_and_names_a_trapped_configuration()
    {
        var scenario = DynamicsTestScenarios.Frozen();
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics);

        var act = () => Absorption.Compute(space);

        act.Should().Throw<ModelException>().WithMessage("*no finite answer*for example world step 0*");
    }

    [Fact]
    public void Training_reports_why_absorption_is_missing_and_keeps_the_transient_and_the_equilibrium()
    {
        var scenario = DynamicsTestScenarios.Frozen();

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
    [Trait("Category", "Slow")]
    public void Absorption_that_does_not_converge_is_reported_as_the_phases_absorption_problem_and_the_transient_stands()
    {
        // The solver outcome of AbsorptionTests' neutral random walk at a tolerance rounding keeps it from, caught as a
        // SolverException: the run goes on. On the 4-bit grid, to keep the test cheap (the walk is as neutral there), and
        // without the relaxation search, which this test does not look at.
        var result = TrainingDynamics.Train(Scenario.Default, Scenario.Default.Dynamics.With(goalResolution: 4, tolerance: 1e-15), [Phase.Create("neutral", 20, dataSize: 22_000)], relaxation: false);

        var phase = result.Phases.Single();
        phase.Absorption.Should().BeNull();
        phase.AbsorptionProblem.Should().Contain("random walk").And.Contain("dynamics.goalResolution");
        (phase.Transient.Probabilities.Sum() + phase.Transient.Undecided).Should().BeApproximately(1, 1e-9);
    }
}
