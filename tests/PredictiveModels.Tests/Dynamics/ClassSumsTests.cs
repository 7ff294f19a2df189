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

    [Theory]
    [InlineData(64)]
    [InlineData(16)]
    public void The_sums_by_branch_runs_equal_a_configuration_by_configuration_sum_to_the_bit(double goalResolution)
    {
        // The default scenario has several non-deceptive branches (some of one class) and the deceptive one.
        var space = ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(goalResolution: goalResolution));
        var random = new Random(7);
        var p = Enumerable.Range(0, space.Count).Select(_ => random.NextDouble() * Math.ScaleB(1.0, -random.Next(0, 60))).ToArray();
        var expected = new double[OutcomeDistribution.Classes.Length];
        var undecided = 0.0;
        for (var i = 0; i < space.Count; i++)
        {
            space.ClassOf(i).Should().Be(space.Branches[space[i].Branch].Class);
            if (space.ClassOf(i) is { } k)
            {
                expected[(int)k] += p[i];
            }
            else
            {
                undecided += p[i];
            }
        }

        var (classes, rest) = ClassSums.Of(space, p);

        classes.Should().Equal(expected);
        rest.Should().Be(undecided);
        space.BranchStart(0).Should().Be(0);
        space.BranchStart(space.Branches.Length).Should().Be(space.Count);
        Enumerable.Range(0, space.Branches.Length).Should().OnlyContain(b => space.BranchStart(b) == space.Count || space[space.BranchStart(b)].Branch == b);
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
