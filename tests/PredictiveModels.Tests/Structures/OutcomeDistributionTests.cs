using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Structures;

public sealed class OutcomeDistributionTests
{
    // Desired, AnthropicCapture, Sycophantic, Deceptive, NonScalable.
    private static OutcomeDistribution Of(double undecided, params double[] p) => OutcomeDistribution.FromProbabilities(p, undecided);

    [Fact]
    public void A_probability_is_the_same_read_by_class_by_name_and_by_position()
    {
        var d = Of(0.05, 0.1, 0.2, 0.3, 0.25, 0.1);

        d[OutcomeClass.Sycophantic].Should().Be(0.3);
        d["Sycophantic"].Should().Be(0.3);
        d[2].Should().Be(0.3);
        d[OutcomeClass.Deceptive].Should().Be(0.25);
        d["Deceptive"].Should().Be(0.25);
        d[3].Should().Be(0.25);
        d.DeceptiveProbability.Should().Be(0.25);
        d.Undecided.Should().Be(0.05);
    }

    [Fact]
    public void Enumeration_gives_every_class_once_in_the_order_of_the_enum()
    {
        var d = Of(0, 0.1, 0.2, 0.3, 0.25, 0.15);

        d.Select(c => c.Class).Should().Equal(Enum.GetValues<OutcomeClass>());
        d.Select(c => c.Probability).Should().Equal(0.1, 0.2, 0.3, 0.25, 0.15);
        d.Count.Should().Be(5);
        d.Probabilities.Should().Equal(0.1, 0.2, 0.3, 0.25, 0.15);
        OutcomeDistribution.Classes.Should().Equal(Enum.GetValues<OutcomeClass>());
    }

    [Fact]
    public void An_unknown_name_or_position_is_refused_with_the_names_it_could_have_been()
    {
        var d = Of(0, 0.2, 0.2, 0.2, 0.2, 0.2);

        FluentActions.Invoking(() => d["deceptive"]).Should().Throw<KeyNotFoundException>().WithMessage("*'deceptive'*Desired, AnthropicCapture*");
        FluentActions.Invoking(() => d["3"]).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => d[5]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => d[-1]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => d[(OutcomeClass)7]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.00002, 1)]
    [InlineData(0.0, 0.9999)]
    [InlineData(0.0, 1.0001)]
    public void Probabilities_that_do_not_sum_to_1_within_the_tolerance_are_refused(double undecided, double scale)
    {
        var act = () => Of(undecided, 0.2 * scale, 0.2 * scale, 0.2 * scale, 0.2 * scale, 0.2 * scale);

        act.Should().Throw<ArgumentException>().WithMessage("*not 1 within 1e-5*");
    }

    [Fact]
    public void A_sum_off_by_less_than_the_tolerance_is_accepted_as_a_solver_leaves_it()
    {
        var d = Of(0, 0.2, 0.2, 0.2, 0.2, 0.2 + (0.5 * OutcomeDistribution.SumTolerance));

        d[4].Should().Be(0.2 + (0.5 * OutcomeDistribution.SumTolerance));
    }

    [Fact]
    public void A_wrong_number_of_classes_a_negative_or_a_non_finite_probability_is_refused()
    {
        FluentActions.Invoking(() => Of(0, 0.5, 0.5)).Should().Throw<ArgumentException>().WithMessage("*5 outcome classes*2 values*");
        FluentActions.Invoking(() => Of(0, 0.6, 0.6, -0.2, 0, 0)).Should().Throw<ArgumentException>().WithMessage("*negative*");
        FluentActions.Invoking(() => Of(double.NaN, 0.2, 0.2, 0.2, 0.2, 0.2)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => OutcomeDistribution.FromLog2Probabilities([double.NaN, 0, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity]))
            .Should().Throw<ArgumentException>().WithMessage("*Desired is NaN*");
    }

    [Fact]
    public void A_distribution_made_in_log_space_keeps_its_log2_probabilities_even_below_the_smallest_double()
    {
        var d = OutcomeDistribution.FromLog2Probabilities([-1, -2, -3000, -2, double.NegativeInfinity]);

        d[OutcomeClass.Desired].Should().Be(0.5);
        d[OutcomeClass.AnthropicCapture].Should().Be(0.25);
        d[OutcomeClass.Sycophantic].Should().Be(0, "2^-3000 underflows");
        d.Log2Probability(OutcomeClass.Sycophantic).Should().Be(-3000);
        d.Log2Probability(OutcomeClass.NonScalable).Should().Be(double.NegativeInfinity);
        d.Undecided.Should().Be(0);
        Of(0, 0.5, 0.25, 0.125, 0.125, 0).Log2Probability(OutcomeClass.Sycophantic).Should().Be(-3, "without log values it takes log2 of the probability");
    }

    [Fact]
    public void A_distribution_from_counts_is_the_fractions_with_the_counts_and_their_standard_errors_kept()
    {
        var d = OutcomeDistribution.FromCounts([10, 0, 30, 40, 0], 20);

        d.Probabilities.Should().Equal(0.1, 0, 0.3, 0.4, 0);
        d.Undecided.Should().Be(0.2);
        d.Sample.Should().NotBeNull();
        d.Sample!.Trials.Should().Be(100);
        d.Sample.CountOf(OutcomeClass.Deceptive).Should().Be(40);
        d.Sample.Undecided.Should().Be(20);
        d.Sample.StandardError(OutcomeClass.Deceptive).Should().BeApproximately(Math.Sqrt(0.4 * 0.6 / 100), 1e-15);
        d.Sample.StandardError(OutcomeClass.AnthropicCapture).Should().Be(0);
        FluentActions.Invoking(() => OutcomeDistribution.FromCounts([0, 0, 0, 0, 0], 0)).Should().Throw<ArgumentException>().WithMessage("*1 to*trials*");
        FluentActions.Invoking(() => OutcomeDistribution.FromCounts([1, -1, 0, 0, 0], 1)).Should().Throw<ArgumentOutOfRangeException>();
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
    public void The_distance_between_disjoint_distributions_that_sum_to_1_only_to_rounding_is_exactly_1()
    {
        // b sums to 1.0000000000000004, two units in the last place above 1, as a sum of many small terms can;
        // half the summed differences is then 1.0000000000000002.
        var a = Of(1, 0, 0, 0, 0, 0);
        var b = Of(0, 0.5, 0.5000000000000003, 0, 0, 0);

        a.TotalVariation(b).Should().Be(1);
    }
}
