using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

public sealed class SimulationStatisticsTests
{
    [Theory]
    [InlineData(5, 10, 0.236593, 0.763407)]
    [InlineData(0, 10, 0.0, 0.277533)]
    [InlineData(10, 10, 0.722467, 1.0)]
    [InlineData(1, 1000, 0.000177, 0.005643)]
    public void The_interval_of_a_proportion_is_the_95_percent_Wilson_score_interval(int count, int total, double lower, double upper)
    {
        var estimate = new ProportionEstimate(count, total);

        estimate.Value.Should().Be((double)count / total);
        estimate.Lower.Should().BeApproximately(lower, 1e-6);
        estimate.Upper.Should().BeApproximately(upper, 1e-6);
        estimate.Contains(estimate.Value).Should().BeTrue();
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void A_proportion_with_impossible_counts_cannot_be_created(int count, int total)
    {
        var create = () => new ProportionEstimate(count, total);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void First_passage_times_are_summarised_over_the_trajectories_that_got_there_by_tau()
    {
        double[] times = [3, double.PositiveInfinity, 1, 2, 6, double.PositiveInfinity];

        var passage = FirstPassage.FromTimes(times, tau: 10);

        passage.Reached.Count.Should().Be(4);
        passage.Reached.Total.Should().Be(6);
        passage.MeanTime.Should().Be(3);
        passage.MedianTime.Should().Be(2.5);

        // Sample standard deviation sqrt(14 / 3); the interval is clipped to [0, tau].
        passage.MeanTimeStandardError.Should().BeApproximately(Math.Sqrt(14.0 / 3 / 4), 1e-12);
        passage.MeanTimeLower.Should().BeApproximately(Math.Max(0, 3 - (ProportionEstimate.Z95 * passage.MeanTimeStandardError)), 1e-12);
        passage.MeanTimeUpper.Should().BeApproximately(3 + (ProportionEstimate.Z95 * passage.MeanTimeStandardError), 1e-12);
    }

    [Fact]
    public void A_passage_no_trajectory_made_has_no_times()
    {
        var passage = FirstPassage.FromTimes([double.PositiveInfinity, double.PositiveInfinity], tau: 10);

        passage.Reached.Value.Should().Be(0);
        passage.Reached.Upper.Should().BeGreaterThan(0);
        double.IsNaN(passage.MeanTime).Should().BeTrue();
        double.IsNaN(passage.MedianTime).Should().BeTrue();
        double.IsNaN(passage.MeanTimeLower).Should().BeTrue();
    }

    [Fact]
    public void The_generator_is_fixed_by_seed_and_stream_and_draws_inside_its_ranges()
    {
        var a = Xoshiro256StarStar.ForStream(1, 0);
        var b = Xoshiro256StarStar.ForStream(1, 0);
        var c = Xoshiro256StarStar.ForStream(1, 1);
        var d = Xoshiro256StarStar.ForStream(2, 0);

        var first = a.NextUInt64();
        first.Should().Be(b.NextUInt64());
        first.Should().NotBe(c.NextUInt64()).And.NotBe(d.NextUInt64());

        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var open = a.NextOpenDouble();
            open.Should().BeGreaterThan(0).And.BeLessThan(1);
            var half = a.NextDouble();
            half.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(1);
            sum += half;
        }

        (sum / 100_000).Should().BeApproximately(0.5, 0.005);
    }
}
