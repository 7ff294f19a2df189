using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>The simulator's move table against the chain it is read from: rows, marks, classes and cumulative jump probabilities.</summary>
public sealed class MoveTableLayoutTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 2);

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 0.5)]
    [InlineData(1e9, 0)]
    public void Every_row_holds_the_moves_with_a_positive_rate_in_order_with_their_cumulative_probabilities(double dataSize, double detectionRate)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize), Settings, Phase.Create("p", 1, oversightDetectionRate: detectionRate));

        var table = MoveTable.Build(space);

        table.Rows.Should().HaveCount(space.Count);
        var first = 0;
        var maxExit = 0.0;
        for (var i = 0; i < space.Count; i++)
        {
            var moves = new List<(int Target, MoveKind Kind, double Rate)>();
            var from = i;
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(from, j, kind);
                if (rate > 0)
                {
                    moves.Add((j, kind, rate));
                }
            });
            var exit = moves.Sum(m => m.Rate);
            var row = table.Rows[i];

            row.First.Should().Be(first);
            row.Count.Should().Be(moves.Count, "the moves of {0} with a positive rate", space[i]);
            row.MeanHoldingTime.Should().Be(moves.Count == 0 ? double.PositiveInfinity : 1 / exit);
            var cumulative = 0.0;
            for (var m = 0; m < moves.Count; m++)
            {
                var move = table.Moves[row.First + m];
                cumulative += moves[m].Rate;
                move.Target.Should().Be(moves[m].Target);
                move.Kind.Should().Be((byte)moves[m].Kind);
                move.CumulativeProbability.Should().Be(m == moves.Count - 1 ? 1.0 : Math.Min(1.0, cumulative / exit));
            }

            first += moves.Count;
            maxExit = Math.Max(maxExit, exit);
        }

        table.Moves.Should().HaveCount(first);
        table.MaxExitRate.Should().Be(maxExit);
    }

    [Fact]
    public void A_chain_whose_uphill_rates_underflow_has_an_absorbing_configuration_with_an_infinite_holding_time()
    {
        // At T = 1e-4 every move more than 0.11 bits uphill has a rate below the smallest double: the lowest energy traps.
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, temperature: 1e-4));

        var table = MoveTable.Build(space);

        table.Rows.Should().Contain(r => r.Count == 0 && double.IsPositiveInfinity(r.MeanHoldingTime));
        table.Rows.Where(r => r.Count > 0).Should().OnlyContain(r => double.IsFinite(r.MeanHoldingTime) && r.MeanHoldingTime > 0);
    }

    [Fact]
    public void Each_configuration_is_marked_by_its_awareness_horizon_and_branch_and_classed_by_its_goal()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);

        var table = MoveTable.Build(space);

        for (var i = 0; i < space.Count; i++)
        {
            var c = space[i];
            var expected = (c.Aware ? 1 : 0) + (c.LongTerm ? 2 : 0) + (c.Branch == space.DeceptiveBranch ? 4 : 0);
            table.Marks[i].Should().Be((byte)expected, "the marks of {0}", c);
            table.Classes[i].Should().Be(space.ClassOf(i) is { } k ? (byte)k : byte.MaxValue);
        }

        table.Marks.Should().Contain(7).And.Contain(0).And.Contain(1).And.Contain(2).And.Contain(3);
        table.Classes.Should().Contain(MoveTable.Undecided);
    }
}
