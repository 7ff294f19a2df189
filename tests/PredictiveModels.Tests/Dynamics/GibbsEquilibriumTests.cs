using PredictiveModels.Dynamics;

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
        Equilibrium.Classes(space).Should().BeEquivalentTo(ClassDistribution.FromConfigurations(space, pi));
    }
}
