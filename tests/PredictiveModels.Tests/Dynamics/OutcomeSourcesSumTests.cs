using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary><see cref="OutcomeSources.FromConfigurations"/> on distributions placed by hand on the tiny chain.</summary>
public sealed class OutcomeSourcesSumTests
{
    private static readonly ConfigurationSpace Space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2));

    [Fact]
    public void Race_defection_and_each_classs_incomplete_mass_are_summed_from_the_configurations_that_hold_them()
    {
        var d = Space.DeceptiveBranch;
        var p = new double[Space.Count];
        var b1 = Space.Branches[1];
        var b2 = Space.Branches[2];
        p[Space.Start] = 0.01;                                                               // no goal: counted nowhere
        p[Space.IndexOf(new Configuration(4, 1, 0, false, false))] = 0.02;                   // incomplete
        p[Space.IndexOf(new Configuration(4, 1, b1.Steps - 1, true, false))] = 0.04;         // incomplete
        p[Space.IndexOf(new Configuration(4, 1, b1.Steps, false, true))] = 0.08;             // complete
        p[Space.IndexOf(new Configuration(3, 2, 1, false, false))] = 0.16;                   // incomplete
        p[Space.IndexOf(new Configuration(3, 2, b2.Steps, true, true))] = 0.32;              // complete
        p[Space.IndexOf(new Configuration(4, d, 1, true, true, 1, false))] = 0.1;           // race
        p[Space.IndexOf(new Configuration(4, d, 0, true, true, 2, false))] = 0.2;           // race
        p[Space.IndexOf(new Configuration(4, d, b1.Steps, true, true, 1, true))] = 0.07;    // defection

        var sources = OutcomeSources.FromConfigurations(Space, p);

        sources.Race.Should().BeApproximately(0.3, 1e-15);
        sources.Defection.Should().Be(0.07);
        sources.Incomplete.Should().HaveCount(Enum.GetValues<OutcomeClass>().Length);
        sources.IncompleteOf(b1.Class!.Value).Should().BeApproximately(0.06, 1e-15);
        sources.IncompleteOf(b2.Class!.Value).Should().Be(0.16);
        sources.IncompleteOf(OutcomeClass.Deceptive).Should().Be(0);
        sources.Incomplete.Sum().Should().BeApproximately(0.22, 1e-15);
    }

    [Fact]
    public void A_distribution_of_the_wrong_length_is_refused()
    {
        var act = () => OutcomeSources.FromConfigurations(Space, new double[Space.Count + 1]);

        act.Should().Throw<ArgumentException>().WithMessage($"The distribution has {Space.Count + 1} entries; the chain has {Space.Count} configurations.*").Which.ParamName.Should().Be("p");
        FluentActions.Invoking(() => OutcomeSources.FromConfigurations(null!, [])).Should().Throw<ArgumentNullException>();
    }
}
