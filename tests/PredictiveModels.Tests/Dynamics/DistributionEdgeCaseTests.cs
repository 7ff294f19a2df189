using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Edge cases of the class distribution, the chain accounting's arguments and uniformization's time list.</summary>
public sealed class DistributionEdgeCaseTests
{
    [Fact]
    public void The_total_variation_counts_the_difference_of_two_undecided_masses_not_their_sum()
    {
        // Desired, AnthropicCapture, Sycophantic, Deceptive, NonScalable; undecided 0.1 and 0.3.
        var a = OutcomeDistribution.FromProbabilities([0.3, 0.2, 0.1, 0.2, 0.1], 0.1);
        var b = OutcomeDistribution.FromProbabilities([0.1, 0.2, 0.1, 0.2, 0.1], 0.3);

        a.TotalVariation(b).Should().BeApproximately(0.2, 1e-15);
    }

    [Fact]
    public void The_accounting_refuses_missing_arguments()
    {
        var world = DynamicsTestScenarios.Tiny().WorldModel;

        ((Action)(() => ChainAccounting.For(null!))).Should().Throw<ArgumentNullException>().WithParameterName("scenario");
        ((Action)(() => ChainAccounting.Derive(null!, null, DynamicsSettings.Create()))).Should().Throw<ArgumentNullException>().WithParameterName("world");
        ((Action)(() => ChainAccounting.Derive(world, null, null!))).Should().Throw<ArgumentNullException>().WithParameterName("settings");
    }

    [Fact]
    public void Uniformization_of_no_times_makes_no_product_and_a_cancelled_one_stops()
    {
        var generator = new Generator([0, 1, 2], [1, 0], [0.25, 3], [3, 0.25]);

        var empty = Transient.OnGenerator(generator, 0, [], 1e-10, null, CancellationToken.None, null);
        var cancelled = () => Transient.OnGenerator(generator, 0, [5], 1e-10, null, new CancellationToken(canceled: true), null);

        empty.Distributions.Should().BeEmpty();
        empty.Products.Should().Be(0);
        cancelled.Should().Throw<OperationCanceledException>();
    }
}
