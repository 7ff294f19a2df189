using System.Globalization;
using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>The discretisation-error estimates of <c>train</c> and <c>run</c>, in every format.</summary>
public sealed class DiscretisationOutputTests
{
    private static double Number(string x) => double.Parse(x, CultureInfo.InvariantCulture);

    /// <summary>The small scenario of the train tests on the grid its estimates are taken against (worldSteps 3 -> 2, goalResolution 2000 -> 4000).</summary>
    private static string WriteCoarser(TempFolder folder)
    {
        var text = File.ReadAllText(TrainCommandTests.WriteSmall(folder))
            .Replace("worldSteps: 3", "worldSteps: 2", StringComparison.Ordinal)
            .Replace("goalResolution: 2000", "goalResolution: 4000", StringComparison.Ordinal);
        return folder.Write("coarser.yaml", text);
    }

    private static void ShouldBeAnEstimate(JsonElement e, double value, double coarser)
    {
        e.GetProperty("value").GetDouble().Should().Be(value);
        e.GetProperty("coarser").GetDouble().Should().Be(coarser);
        e.GetProperty("estimate").GetDouble().Should().Be(Math.Abs(value - coarser));
    }

    [Fact]
    public async Task Train_json_gives_each_headline_number_its_value_on_the_coarser_grid_trained_directly_and_their_distance()
    {
        using var folder = new TempFolder();
        var fine = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", "json", "--skip-relaxation")).ShouldSucceed();
        var coarse = (await CliRun.Of("train", WriteCoarser(folder), "--format", "json", "--skip-relaxation")).ShouldSucceed();

        using var f = JsonDocument.Parse(fine.Output);
        using var c = JsonDocument.Parse(coarse.Output);
        static (double High, double Low) Headline(JsonElement root) =>
            (root.GetProperty("phases").EnumerateArray().Last().GetProperty("classes").GetProperty("Deceptive").GetDouble(),
             root.GetProperty("equilibrium").GetProperty("classes").GetProperty("Deceptive").GetDouble());
        var d = f.RootElement.GetProperty("discretisation");
        d.GetProperty("goalResolution").GetDouble().Should().Be(2000);
        d.GetProperty("worldSteps").GetInt32().Should().Be(3);
        d.GetProperty("coarserGoalResolution").GetDouble().Should().Be(4000);
        d.GetProperty("coarserWorldSteps").GetInt32().Should().Be(2);
        ShouldBeAnEstimate(d.GetProperty("highPathDependence"), Headline(f.RootElement).High, Headline(c.RootElement).High);
        ShouldBeAnEstimate(d.GetProperty("lowPathDependence"), Headline(f.RootElement).Low, Headline(c.RootElement).Low);
    }

    [Fact]
    public async Task Train_csv_gives_the_coarser_value_and_estimate_on_the_last_phases_end_and_equilibrium_rows_only()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", "csv", "--skip-relaxation")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);
        var header = rows[0];
        header.TakeLast(4).Should().Equal("coarserGoalResolution", "coarserWorldSteps", "discretisationCoarser", "discretisationEstimate");
        var deceptive = Array.IndexOf(header, "Deceptive");
        var filled = rows.Skip(1).Where(r => r[^1].Length > 0).ToArray();
        filled.Select(r => (r[0], r[1])).Should().Equal(("rl-fine-tuning", "transient"), ("rl-fine-tuning", "equilibrium"));
        foreach (var row in filled)
        {
            (Number(row[^4]), Number(row[^3])).Should().Be((4000.0, 2.0));
            Number(row[^1]).Should().BeApproximately(Math.Abs(Number(row[deceptive]) - Number(row[^2])), 1e-15);
        }
    }

    [Theory]
    [InlineData("table", "(high path dependence; discretisation ±")]
    [InlineData("markdown", "(high path dependence; discretisation ±")]
    public async Task Train_text_says_the_estimate_and_the_grid_it_comes_from(string format, string expected)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", format, "--skip-relaxation")).ShouldSucceed();

        run.Output.Should().Contain(expected).And.Contain("change from goalResolution 4000, worldSteps 2");
    }

    [Fact]
    public async Task Run_json_gives_the_baseline_and_every_lever_and_lever_effect_an_estimate()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("run", TrainCommandTests.WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        var baseline = root.GetProperty("headline").GetProperty("discretisation");
        var baseHigh = baseline.GetProperty("highPathDependence");
        var baseLow = baseline.GetProperty("lowPathDependence");
        baseHigh.GetProperty("value").GetDouble().Should().Be(root.GetProperty("headline").GetProperty("highPathDependence").GetDouble());
        baseLow.GetProperty("value").GetDouble().Should().Be(root.GetProperty("headline").GetProperty("lowPathDependence").GetDouble());
        root.GetProperty("train").GetProperty("discretisation").GetProperty("highPathDependence").GetProperty("estimate").GetDouble()
            .Should().Be(baseHigh.GetProperty("estimate").GetDouble());
        foreach (var lever in root.GetProperty("levers").EnumerateArray())
        {
            var own = lever.GetProperty("discretisation");
            var effect = lever.GetProperty("effect");
            foreach (var (key, b) in new[] { ("highPathDependence", baseHigh), ("lowPathDependence", baseLow) })
            {
                var mine = own.GetProperty(key);
                mine.GetProperty("value").GetDouble().Should().Be(lever.GetProperty(key).GetDouble());
                mine.GetProperty("estimate").GetDouble().Should().Be(Math.Abs(mine.GetProperty("value").GetDouble() - mine.GetProperty("coarser").GetDouble()));
                var value = mine.GetProperty("value").GetDouble() - b.GetProperty("value").GetDouble();
                var coarser = mine.GetProperty("coarser").GetDouble() - b.GetProperty("coarser").GetDouble();
                ShouldBeAnEstimate(effect.GetProperty(key), value, coarser);
            }
        }
    }

    [Fact]
    public async Task Run_csv_gives_every_row_its_estimates_and_every_lever_its_effects()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("run", TrainCommandTests.WriteSmall(folder), "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);
        var header = rows[0];
        header.TakeLast(12).Should().Equal(
            "coarserGoalResolution", "coarserWorldSteps",
            "lowPathDependenceCoarser", "lowPathDependenceDiscretisation", "highPathDependenceCoarser", "highPathDependenceDiscretisation",
            "lowEffect", "lowEffectCoarser", "lowEffectDiscretisation", "highEffect", "highEffectCoarser", "highEffectDiscretisation");
        int Column(string name) => Array.IndexOf(header, name);
        var baseline = rows[1];
        baseline[0].Should().Be("baseline");
        baseline[Column("highEffect")].Should().BeEmpty();
        foreach (var row in rows.Skip(1))
        {
            Number(row[Column("highPathDependenceDiscretisation")]).Should().BeApproximately(Math.Abs(Number(row[Column("highPathDependence")]) - Number(row[Column("highPathDependenceCoarser")])), 1e-15);
        }

        foreach (var row in rows.Skip(2))
        {
            Number(row[Column("highEffect")]).Should().BeApproximately(Number(row[Column("highPathDependence")]) - Number(baseline[Column("highPathDependence")]), 1e-15);
            Number(row[Column("lowEffectCoarser")]).Should().BeApproximately(Number(row[Column("lowPathDependenceCoarser")]) - Number(baseline[Column("lowPathDependenceCoarser")]), 1e-15);
            Number(row[Column("lowEffectDiscretisation")]).Should().BeApproximately(Math.Abs(Number(row[Column("lowEffect")]) - Number(row[Column("lowEffectCoarser")])), 1e-15);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task Run_text_shows_each_levers_effects_with_their_estimates(string format)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("run", TrainCommandTests.WriteSmall(folder), "--format", format)).ShouldSucceed();

        run.Output.Should().Contain("low effect").And.Contain("high effect").And.Contain("an estimate of its discretisation error, not a bound");
        run.Output.Should().MatchRegex(@"no-fine-tuning[^\n]*[+-]?[0-9.E+-]+ ±[0-9.E+-]+[^\n]*[+-]?[0-9.E+-]+ ±");
    }
}
