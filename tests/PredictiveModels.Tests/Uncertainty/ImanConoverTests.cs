using MathNet.Numerics.Statistics;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Uncertainty;

public sealed class ImanConoverTests
{
    private const int Rows = 2000;
    private const int Columns = 3;

    /// <summary>An independent N×3 sample with three different marginals: uniform, exponential-like and with ties.</summary>
    private static double[] Sample(ulong seed)
    {
        var values = new double[Rows * Columns];
        for (var i = 0; i < Rows; i++)
        {
            var u = CounterStream.Uniform(seed, i, 0);
            values[i * Columns] = u;
            values[(i * Columns) + 1] = -Math.Log(CounterStream.Uniform(seed, i, 1));
            values[(i * Columns) + 2] = Math.Floor(CounterStream.Uniform(seed, i, 2) * 1000);
        }

        return values;
    }

    private static double[] Column(double[] values, int j) => [.. Enumerable.Range(0, Rows).Select(i => values[(i * Columns) + j])];

    public static TheoryData<double, double, double> Targets => new()
    {
        { 0.6, -0.4, 0 },
        { 0.9, 0.6, 0.6 },
        { 0.6, -0.4, -0.4 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_columns_spearman_correlations_come_within_0_03_of_the_targets(double r01, double r02, double r12)
    {
        var target = RankCorrelationMatrix.Create(Columns, [new(0, 1, r01), new(0, 2, r02), new(1, 2, r12)]);

        var arranged = ImanConover.Arrange(Sample(1), Columns, target, seed: 42);

        Correlation.Spearman(Column(arranged, 0), Column(arranged, 1)).Should().BeApproximately(r01, 0.03);
        Correlation.Spearman(Column(arranged, 0), Column(arranged, 2)).Should().BeApproximately(r02, 0.03);
        Correlation.Spearman(Column(arranged, 1), Column(arranged, 2)).Should().BeApproximately(r12, 0.03);
    }

    [Fact]
    public void Each_column_keeps_exactly_its_values()
    {
        var values = Sample(2);
        var target = RankCorrelationMatrix.Create(Columns, [new(0, 1, 0.9), new(0, 2, 0.6), new(1, 2, 0.6)]);

        var arranged = ImanConover.Arrange(values, Columns, target, seed: 3);

        for (var j = 0; j < Columns; j++)
        {
            Column(arranged, j).Order().Should().Equal(Column(values, j).Order());
        }
    }

    [Fact]
    public void A_zero_target_leaves_the_columns_uncorrelated()
    {
        var arranged = ImanConover.Arrange(Sample(4), Columns, RankCorrelationMatrix.Identity(Columns), seed: 5);

        for (var a = 0; a < Columns; a++)
        {
            for (var b = a + 1; b < Columns; b++)
            {
                Correlation.Spearman(Column(arranged, a), Column(arranged, b)).Should().BeApproximately(0, 0.03);
            }
        }
    }

    [Fact]
    public void The_same_sample_and_seed_give_the_same_arrangement_bit_for_bit_and_another_seed_another()
    {
        var values = Sample(6);
        var target = RankCorrelationMatrix.Create(Columns, [new(0, 1, 0.6), new(0, 2, -0.4)]);

        var first = ImanConover.Arrange(values, Columns, target, seed: 7);
        var second = ImanConover.Arrange(values, Columns, target, seed: 7);
        var other = ImanConover.Arrange(values, Columns, target, seed: 8);

        first.Select(BitConverter.DoubleToInt64Bits).Should().Equal(second.Select(BitConverter.DoubleToInt64Bits));
        other.Should().NotEqual(first);
    }

    [Fact]
    public void A_rank_of_one_pairs_the_smallest_values_with_the_smallest()
    {
        var values = Sample(9);
        var target = RankCorrelationMatrix.Create(Columns, [new(0, 1, 1)]);

        var arranged = ImanConover.Arrange(values, Columns, target, seed: 10);

        Correlation.Spearman(Column(arranged, 0), Column(arranged, 1)).Should().BeApproximately(1, 1e-9);
    }

    [Fact]
    public void A_sample_with_fewer_than_two_rows_or_a_ragged_length_or_a_target_of_another_size_is_refused()
    {
        var target = RankCorrelationMatrix.Identity(2);

        FluentActions.Invoking(() => ImanConover.Arrange([1.0, 2.0], 2, target, 0)).Should().Throw<ArgumentException>().WithMessage("*at least 2*");
        FluentActions.Invoking(() => ImanConover.Arrange([1.0, 2.0, 3.0], 2, target, 0)).Should().Throw<ArgumentException>().WithMessage("*not a multiple*");
        FluentActions.Invoking(() => ImanConover.Arrange([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, target, 0)).Should().Throw<ArgumentException>().WithMessage("*2 inputs*3 columns*");
    }
}
