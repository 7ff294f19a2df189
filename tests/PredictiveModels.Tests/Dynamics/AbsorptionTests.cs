using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

public sealed class AbsorptionTests
{
    private static ConfigurationSpace Space() =>
        ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 100), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, horizonBits: 1, awarenessBits: 1, awarenessBonus: 0.05, horizonBonus: 0.05, tolerance: 1e-12));

    [Fact]
    public void Absorption_probabilities_and_the_unabsorbed_rest_sum_to_one()
    {
        var result = Absorption.Compute(Space());

        (result.Probabilities.Probabilities.Sum() + result.Unabsorbed).Should().BeApproximately(1, 1e-12);
        result.Unabsorbed.Should().BeLessThanOrEqualTo(1e-12);
        result.Probabilities.DeceptiveProbability.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_absorbed_mass_and_mean_time_match_an_independent_first_passage_computation()
    {
        var space = Space();
        var result = Absorption.Compute(space);

        // The reference makes the same configurations absorbing and propagates by uniformization over a time grid.
        const double tau = 400;
        const int steps = 40_000;
        var reached = FirstPassageReference.ReachedBy(space, c => Absorption.IsAbsorbing(space, space.IndexOf(c)), tau, steps);
        var dt = tau / steps;
        var notYet = Enumerable.Range(0, steps).Sum(k => dt * (2 - reached[k] - reached[k + 1]) / 2);

        reached[^1].Should().BeApproximately(1 - result.Unabsorbed, 1e-6);
        result.MeanTime.Should().BeApproximately(notYet, 1e-3 * notYet);
    }

    [Fact]
    public void Mass_that_starts_absorbed_stays_in_its_class_and_takes_no_time()
    {
        var space = Space();
        var initial = new double[space.Count];
        initial[space.IndexOf(new Configuration(3, space.DeceptiveBranch, 0, true, true))] = 1;

        var result = Absorption.Compute(space, initial);

        result.Probabilities.DeceptiveProbability.Should().Be(1);
        result.MeanTime.Should().Be(0);
        result.Steps.Should().Be(0);
    }
}
