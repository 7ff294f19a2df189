using System.Globalization;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

public sealed class MatrixMarketExportTests
{
    private static readonly DynamicsSettings Settings = DynamicsSettings.Create(worldSteps: 4, goalResolution: 2);

    [Theory]
    [InlineData(10)]
    [InlineData(1e9)]
    public void The_generator_reads_back_with_every_rate_exact_and_every_row_summing_to_zero(double dataSize)
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize), Settings);

        var matrix = Parse(Export(space, "tiny"));

        matrix.Rows.Should().Be(space.Count);
        matrix.Columns.Should().Be(space.Count);
        matrix.Entries.Should().HaveCount(matrix.DeclaredEntries);
        var byRow = matrix.Entries.ToLookup(e => e.Row);
        for (var i = 0; i < space.Count; i++)
        {
            var row = byRow[i].ToList();
            row.Select(e => e.Column).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            row.Sum(e => e.Value).Should().BeApproximately(0, 1e-12, "row {0} of a generator sums to 0", i);

            var from = i;
            var moves = new List<(int To, double Rate)>();
            space.ForEachNeighbour(i, (j, kind) => moves.Add((j, space.Rate(from, j, kind))));
            row.Where(e => e.Column != i).Select(e => (e.Column, e.Value)).Should().BeEquivalentTo(moves, "every move of configuration {0} is an entry with its exact rate", i);
            row.Single(e => e.Column == i).Value.Should().Be(-row.Where(e => e.Column != i).Sum(e => e.Value));
        }
    }

    [Fact]
    public void The_header_is_the_coordinate_banner_then_comments_naming_the_scenario_and_settings()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);

        var lines = Export(space, "tiny\nsecond line").Split('\n');

        lines[0].Should().Be("%%MatrixMarket matrix coordinate real general");
        var comments = lines.Skip(1).TakeWhile(l => l.StartsWith('%')).ToList();
        comments.Should().Contain("% scenario: tiny second line");
        comments.Should().Contain(l => l.Contains("worldSteps=4") && l.Contains("goalResolution=2") && l.Contains("temperature=1"));
        comments.Should().Contain(l => l.Contains("n=10"));
        comments.Should().Contain(l => l.Contains("start configuration: 1"));
        comments.Should().Contain("% world grid: fraction of the world model at each world step:" + string.Concat(space.World.Fractions.Select(x => " " + x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Numbers_round_trip_and_never_print_negative_zero()
    {
        // With n = 1e9 some uphill rates underflow to 0, and a configuration may have no way out at all.
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(dataSize: 1e9), Settings);

        var text = Export(space, "tiny");

        text.Should().NotContain(" -0\n");
        text.Should().Contain(" 0\n", "underflowed rates are still written, so the pattern is the move graph");
        foreach (var line in text.Split('\n').SkipWhile(l => l.StartsWith('%')).Skip(1).Where(l => l.Length > 0))
        {
            var value = line.Split(' ')[2];
            double.Parse(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture).Should().Be(value);
        }
    }

    private static string Export(ConfigurationSpace space, string name)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatrixMarketExport.Write(writer, space, name);
        return writer.ToString();
    }

    /// <summary>A small reader of the coordinate format, independent of the writer: 0-based entries.</summary>
    private static (int Rows, int Columns, int DeclaredEntries, List<(int Row, int Column, double Value)> Entries) Parse(string text)
    {
        using var reader = new StringReader(text);
        reader.ReadLine().Should().Be(MatrixMarketExport.Banner);
        string? line;
        while ((line = reader.ReadLine()) is not null && line.StartsWith('%'))
        {
        }

        var size = line!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var entries = new List<(int, int, double)>();
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var row = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var column = int.Parse(parts[1], CultureInfo.InvariantCulture);
            row.Should().BeInRange(1, size[0]);
            column.Should().BeInRange(1, size[1]);
            entries.Add((row - 1, column - 1, double.Parse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return (size[0], size[1], size[2], entries);
    }

    [Fact]
    public void A_cancelled_export_stops_before_writing_any_entry()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), Settings);
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        var act = () => MatrixMarketExport.Write(writer, space, "tiny", new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        writer.ToString().Should().BeEmpty();
    }
}
