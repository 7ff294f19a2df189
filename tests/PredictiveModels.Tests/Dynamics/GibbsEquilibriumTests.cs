using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class GibbsEquilibriumTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    [InlineData(8.0)]
    public void Without_oversight_resets_the_equilibrium_is_the_Gibbs_distribution_at_the_chains_temperature(double temperature)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 8, temperature: temperature));
        var weights = Enumerable.Range(0, space.Count).Select(i => double.Exp2(-space.Energy(i) / temperature)).ToArray();
        var total = weights.Sum();

        var pi = Equilibrium.Distribution(space);

        pi.Should().HaveCount(space.Count);
        for (var i = 0; i < space.Count; i++)
        {
            pi[i].Should().BeApproximately(weights[i] / total, 1e-12 * Math.Max(1, weights[i] / total), $"configuration {i}");
        }

        pi.Sum().Should().BeApproximately(1, 1e-12);
        Equilibrium.Classes(space).Should().BeEquivalentTo(ClassSums.Distribution(space, pi));
    }

    [Fact]
    public void The_Gibbs_distribution_sums_to_1_to_rounding_when_energies_are_thousands_of_bits()
    {
        // At temperature 0.5 the minimal sample's energies reach thousands of bits. Normalising by log2 Z, rounded to
        // the precision of those energies, once gave a sum (and a class probability) of 1.0000000000004.
        var scenario = ScenarioLoader.Load(TestScenarios.Sample("minimal.yaml"));
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics.With(temperature: 0.5), scenario.Phases[0]);
        Enumerable.Range(0, space.Count).Max(i => space.Energy(i) / 0.5).Should().BeGreaterThan(1000, "the case needs large weights");

        var pi = Equilibrium.Distribution(space);
        var classes = Equilibrium.Classes(space);

        pi.Sum().Should().BeApproximately(1, 1e-14);
        (classes.Probabilities.Sum() + classes.Undecided).Should().BeApproximately(1, 1e-14);
        classes[OutcomeClass.Deceptive].Should().BeLessThanOrEqualTo(1);
    }
}
