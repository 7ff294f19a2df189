using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

public sealed class SweepRangeTests
{
    [Fact]
    public void The_largest_number_of_points_is_the_callers_limit()
    {
        SweepRange.Values(0, 1, 7, SweepScale.Linear, maxSteps: 7).Should().HaveCount(7);

        var act = () => SweepRange.Values(0, 1, 8, SweepScale.Linear, maxSteps: 7);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic("the number of steps is 8, but it must be between 1 and 7", null, SweepRange.StepsPath));
    }

    [Fact]
    public void A_logarithmic_range_visits_exact_powers_of_ten_and_both_ends_exactly()
    {
        var values = SweepRange.Values(1, 1e12, 13, SweepScale.Log, maxSteps: 100);

        values.Should().Equal(Enumerable.Range(0, 13).Select(k => Math.Pow(10, k)));
        SweepRange.Values(0.3, 7.7, 4, SweepScale.Log, maxSteps: 100).Should().StartWith(0.3).And.EndWith(7.7);
    }
}
