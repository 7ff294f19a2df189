using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

public sealed class ClassDistributionTests
{
    // Desired, AnthropicCapture, Sycophantic, Deceptive, NonScalable.
    private static ClassDistribution Of(double undecided, params double[] p) => new([.. p], undecided);

    [Fact]
    public void Probabilities_are_read_by_class()
    {
        var d = Of(0.05, 0.1, 0.2, 0.3, 0.25, 0.1);

        d.Probability(OutcomeClass.Desired).Should().Be(0.1);
        d.Probability(OutcomeClass.Sycophantic).Should().Be(0.3);
        d.Probability(OutcomeClass.NonScalable).Should().Be(0.1);
        d.DeceptiveProbability.Should().Be(0.25);
    }

    [Fact]
    public void The_total_variation_is_half_the_summed_differences_including_the_undecided_mass()
    {
        var a = Of(0.0, 0.5, 0.2, 0.1, 0.1, 0.1);
        var b = Of(0.25, 0.25, 0.2, 0.1, 0.1, 0.1);
        var c = Of(0.0, 0.1, 0.2, 0.1, 0.5, 0.1);

        a.TotalVariation(b).Should().BeApproximately(0.25, 1e-15);
        a.TotalVariation(c).Should().BeApproximately(0.4, 1e-15);
        c.TotalVariation(a).Should().BeApproximately(0.4, 1e-15);
        a.TotalVariation(a).Should().Be(0);
        FluentActions.Invoking(() => a.TotalVariation(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Configuration_probabilities_are_summed_by_class_and_the_rest_is_undecided()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 8));
        var p = Enumerable.Range(0, space.Count).Select(i => (double)(i + 1)).ToArray();

        var d = ClassDistribution.FromConfigurations(space, p);

        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            d.Probability(k).Should().Be(Enumerable.Range(0, space.Count).Where(i => space.ClassOf(i) == k).Sum(i => p[i]), k.ToString());
        }

        d.Undecided.Should().Be(Enumerable.Range(0, space.Count).Where(i => space.ClassOf(i) is null).Sum(i => p[i]));
        d.Undecided.Should().BeGreaterThan(0);
        d.DeceptiveProbability.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_distance_between_disjoint_distributions_that_sum_to_1_only_to_rounding_is_exactly_1()
    {
        // b sums to 1.0000000000000004, two units in the last place above 1, as a sum of many small terms can;
        // half the summed differences is then 1.0000000000000002.
        var a = new ClassDistribution([0, 0, 0, 0, 0], 1);
        var b = new ClassDistribution([0.5, 0.5000000000000003, 0, 0, 0], 0);

        a.TotalVariation(b).Should().Be(1);
    }
}
