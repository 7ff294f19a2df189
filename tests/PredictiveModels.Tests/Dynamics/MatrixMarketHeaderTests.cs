using System.Globalization;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>Every line of the Matrix Market header, and the place of each row's diagonal among its entries.</summary>
public sealed class MatrixMarketHeaderTests
{
    private static string Export(ConfigurationSpace space, string name)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatrixMarketExport.Write(writer, space, name);
        return writer.ToString();
    }

    private static int Moves(ConfigurationSpace space) => Enumerable.Range(0, space.Count).Sum(i =>
    {
        var n = 0;
        space.ForEachNeighbour(i, (_, _) => n++);
        return n;
    });

    [Fact]
    public void The_header_lines_are_exactly_the_documented_ones_with_derived_bits_marked()
    {
        var settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 2.5, temperature: 1.5, worldGap: 0.75, goalGap: 0.25, horizonBonus: 0.125, awarenessBonus: 0.0625, objectiveUnderstoodAt: 0.375,
            rates: new Dictionary<MoveKind, double> { [MoveKind.Jump] = 3 });
        var scenario = DynamicsTestScenarios.Tiny(dataSize: 20);
        var space = ConfigurationSpace.Build(scenario, settings);
        var a = space.Accounting;
        string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var moves = Moves(space);

        var lines = Export(space, "tiny\tname").Split('\n');

        lines.Take(12).Should().Equal(
            "%%MatrixMarket matrix coordinate real general",
            "% Generator Q of a PredictiveModels training chain (MODEL.md section 6): dp/dt = p Q for a row vector p.",
            "% scenario: tiny name",
            "% rows: configuration moved from; columns: configuration moved to; index i (1-based) is configuration i-1 of the chain.",
            "% off-diagonal: heat-bath rate per unit of training time (every move, even when the rate underflows to 0); diagonal: minus the exit rate.",
            $"% configurations: {space.Count}; moves: {moves}; start configuration: 1",
            $"% dynamics: worldSteps=3 goalResolution=2.5 temperature=1.5 worldGap=0.75 goalGap=0.25 horizonBits={R(a.HorizonBits)} (derived) awarenessBits={R(a.AwarenessBits)} (derived) deceptiveOverheadBits={R(a.OverheadBits)} objectiveBits={R(a.ObjectiveBits)} horizonBonus=0.125 awarenessBonus=0.0625 objectiveUnderstoodAt=0.375",
            "% world grid: fraction of the world model at each world step:" + string.Concat(space.World.Fractions.Select(x => " " + R(x))),
            "% base rates: world=0.1 goal=4 enter=1 horizon=0.1 awareness=0.1 jump=3",
            $"% energy: a={R(scenario.Analysis.SimplicityExponent)} lambda={R(scenario.Analysis.SpeedWeight)} n=20",
            $"{space.Count} {space.Count} {moves + space.Count}",
            lines[11]);
        lines[11].Should().NotStartWith("%");
    }

    [Fact]
    public void Overridden_bits_are_not_marked_derived_and_resets_get_a_line_of_their_own()
    {
        var settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, horizonBits: 3, awarenessBits: 5);
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings, Phase.Create("watched", 1, oversightDetectionRate: 0.25));

        var comments = Export(space, "tiny").Split('\n').TakeWhile(l => l.StartsWith('%')).ToList();

        comments.Should().ContainSingle(l => l.StartsWith("% dynamics:")).Which.Should().Contain(" horizonBits=3 awarenessBits=5 deceptiveOverheadBits=").And.NotContain("derived");
        comments.Should().Contain("% oversight resets: long-term, aware configurations move to the same world step with no goal, myopic and unaware, at rate 0.25 (no reverse move)");
        Export(ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), settings), "tiny").Should().NotContain("% oversight resets");
    }

    [Fact]
    public void Each_rows_entries_come_in_ascending_columns_with_the_diagonal_in_its_place_once()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2), Phase.Create("watched", 1, oversightDetectionRate: 0.25));
        var entries = Export(space, "tiny").Split('\n').SkipWhile(l => l.StartsWith('%')).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')).Select(f => (Row: int.Parse(f[0], CultureInfo.InvariantCulture) - 1, Column: int.Parse(f[1], CultureInfo.InvariantCulture) - 1, Value: double.Parse(f[2], CultureInfo.InvariantCulture))).ToList();

        var rows = entries.GroupBy(e => e.Row).ToList();
        rows.Select(g => g.Key).Should().Equal(Enumerable.Range(0, space.Count));
        foreach (var row in rows)
        {
            var columns = row.Select(e => e.Column).ToList();
            columns.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            columns.Should().Contain(row.Key);
            var exit = 0.0;
            space.ForEachNeighbour(row.Key, (j, kind) => exit += space.Rate(row.Key, j, kind));
            row.Single(e => e.Column == row.Key).Value.Should().BeApproximately(-exit, 1e-12 * Math.Max(1, exit));
        }

        rows.Should().Contain(g => g.Key == 0, "the start's diagonal comes first, before every column above it")
            .Which.First().Column.Should().Be(0);
        rows.Should().Contain(g => g.Last().Column == g.Key, "a row whose moves all go to lower indices ends with its diagonal");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2));

        FluentActions.Invoking(() => MatrixMarketExport.Write(null!, space, "x")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => MatrixMarketExport.Write(TextWriter.Null, null!, "x")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => MatrixMarketExport.Write(TextWriter.Null, space, null!)).Should().Throw<ArgumentNullException>();
    }
}
