using PredictiveModels.Uncertainty;

namespace PredictiveModels.Tests.Uncertainty;

public sealed class RankCorrelationMatrixTests
{
    [Fact]
    public void The_matrix_has_ones_on_its_diagonal_the_stated_ranks_symmetrically_and_zero_elsewhere()
    {
        var matrix = RankCorrelationMatrix.Create(3, [new(2, 0, 0.6)]);

        matrix.Dimensions.Should().Be(3);
        matrix[0, 0].Should().Be(1);
        matrix[0, 2].Should().Be(0.6);
        matrix[2, 0].Should().Be(0.6);
        matrix[0, 1].Should().Be(0);
        matrix.Pairs.Should().Equal(new CorrelationPair(0, 2, 0.6));
        matrix.IsIdentity.Should().BeFalse();
        RankCorrelationMatrix.Identity(4).IsIdentity.Should().BeTrue();
    }

    [Fact]
    public void The_factor_times_its_transpose_is_the_matrix_for_a_definite_and_for_a_singular_matrix()
    {
        foreach (var matrix in new[]
        {
            RankCorrelationMatrix.Create(3, [new(0, 1, 0.6), new(0, 2, -0.4)]),
            RankCorrelationMatrix.Create(3, [new(0, 1, 1), new(0, 2, 0.5), new(1, 2, 0.5)]),
        })
        {
            var f = matrix.Factor();
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    var product = Enumerable.Range(0, 3).Sum(k => f[(i * 3) + k] * f[(j * 3) + k]);
                    product.Should().BeApproximately(matrix[i, j], 1e-12);
                }
            }
        }
    }

    [Fact]
    public void Ranks_that_cannot_hold_together_are_refused_naming_the_pairs_of_the_smallest_impossible_set()
    {
        // Inputs 0 and 1 are independent of the rest; 2, 3, 4 cannot have these three ranks together.
        CorrelationPair[] pairs = [new(0, 1, 0.3), new(2, 3, 0.9), new(3, 4, 0.9), new(2, 4, -0.9)];

        RankCorrelationMatrix.TryCreate(5, pairs, out var matrix, out var conflicts).Should().BeFalse();

        matrix.Should().BeNull();
        conflicts.Should().Equal(new CorrelationPair(2, 3, 0.9), new CorrelationPair(3, 4, 0.9), new CorrelationPair(2, 4, -0.9));
        RankCorrelationMatrix.FindConflicts(5, pairs).Should().Equal(conflicts);
        FluentActions.Invoking(() => RankCorrelationMatrix.Create(5, pairs)).Should().Throw<ArgumentException>()
            .WithMessage("*not positive semi-definite*(2, 3) = 0.9, (3, 4) = 0.9, (2, 4) = -0.9*");
    }

    [Fact]
    public void When_every_triple_is_possible_the_conflict_names_the_pairs_of_the_larger_set_that_is_not()
    {
        // Four inputs with rank -0.4 between each two: every three of them can have it (1 + 2(-0.4) > 0), all four cannot (1 + 3(-0.4) < 0).
        CorrelationPair[] pairs = [new(0, 1, -0.4), new(0, 2, -0.4), new(0, 3, -0.4), new(1, 2, -0.4), new(1, 3, -0.4), new(2, 3, -0.4)];
        RankCorrelationMatrix.FindConflicts(3, [.. pairs.Take(2), pairs[3]]).Should().BeEmpty();

        RankCorrelationMatrix.FindConflicts(4, pairs).Should().Equal(pairs);
    }

    [Theory]
    [InlineData(0, 0, 0.5)]
    [InlineData(0, 3, 0.5)]
    [InlineData(0, 1, 1.5)]
    [InlineData(0, 1, double.NaN)]
    public void A_malformed_pair_is_refused(int first, int second, double rank) =>
        FluentActions.Invoking(() => RankCorrelationMatrix.Create(3, [new(first, second, rank)])).Should().Throw<ArgumentException>();

    [Fact]
    public void A_pair_stated_twice_in_either_order_is_refused() =>
        FluentActions.Invoking(() => RankCorrelationMatrix.Create(3, [new(0, 1, 0.5), new(1, 0, 0.5)])).Should().Throw<ArgumentException>().WithMessage("*stated twice*");
}
