using MathNet.Numerics.Distributions;
using PredictiveModels.Scenarios;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Uncertainty;

/// <summary>The worked example of docs/uncertainty.md: the numbers the page shows, as this code computes them.</summary>
public sealed class UncertaintyDocExampleTests
{
    [Fact]
    public void The_interval_100_to_10000_has_the_parameters_and_quantiles_the_docs_show()
    {
        var belief = BeliefNotation.Parse("100 to 10000");

        belief.Kind.Should().Be(BeliefKind.LogNormal);
        belief.Parameters[0].Should().BeApproximately(6.9078, 5e-5);
        belief.Parameters[1].Should().BeApproximately(1.3999, 5e-5);
        belief.Quantile(0.05).Should().BeApproximately(100, 1e-9);
        belief.Quantile(0.25).Should().BeApproximately(389.0, 0.05);
        belief.Median.Should().BeApproximately(1000, 1e-9);
        belief.Quantile(0.75).Should().BeApproximately(2570.8, 0.05);
        belief.Quantile(0.95).Should().BeApproximately(10000, 1e-8);
        (1 - belief.CumulativeDistribution(5000)).Should().BeApproximately(0.1251, 5e-5);
    }

    [Fact]
    public void Truncating_100_to_10000_at_5000_moves_its_quantiles_as_the_docs_show()
    {
        var belief = BeliefNotation.Parse("truncate(100 to 10000, 0, 5000)");

        belief.Median.Should().BeApproximately(802.2, 0.05);
        belief.Quantile(0.95).Should().BeApproximately(3826.5, 0.05);
        ParameterRange.Between(0, 5000).ProbabilityOutside(belief).Should().Be(0);
    }

    [Fact]
    public void The_mass_of_normal_1_1_outside_the_positive_numbers_is_the_one_the_docs_show()
    {
        ParameterRange.Positive.ProbabilityOutside(BeliefNotation.Parse("normal(1, 1)")).Should().BeApproximately(0.1587, 5e-5)
            .And.Subject.Should().Be(Normal.CDF(1, 1, 0));
    }
}
