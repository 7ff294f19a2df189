using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

public sealed class ClassSumsTests
{
    [Fact]
    public void Configuration_probabilities_are_summed_by_class_and_the_rest_is_undecided()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 8));
        var total = space.Count * (space.Count + 1) / 2.0;
        var p = Enumerable.Range(0, space.Count).Select(i => (i + 1) / total).ToArray();

        var d = ClassSums.Distribution(space, p);

        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            d[k].Should().Be(Enumerable.Range(0, space.Count).Where(i => space.ClassOf(i) == k).Sum(i => p[i]), k.ToString());
        }

        d.Undecided.Should().Be(Enumerable.Range(0, space.Count).Where(i => space.ClassOf(i) is null).Sum(i => p[i]));
        d.Undecided.Should().BeGreaterThan(0);
        d.DeceptiveProbability.Should().BeGreaterThan(0);
        d.Sample.Should().BeNull("an exact distribution has no sample");
    }

    [Fact]
    public void The_raw_sums_keep_a_total_that_is_not_1_and_the_distribution_refuses_it()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 8));
        var p = Enumerable.Repeat(0.5, space.Count).ToArray();

        var (classes, undecided) = ClassSums.Of(space, p);

        (classes.Sum() + undecided).Should().BeApproximately(0.5 * space.Count, 1e-12);
        FluentActions.Invoking(() => ClassSums.Distribution(space, p)).Should().Throw<ArgumentException>().WithMessage("*not 1 within*");
    }
}
