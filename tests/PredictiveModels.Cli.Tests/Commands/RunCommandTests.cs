using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private static string WriteSmall(TempFolder folder) => TrainCommandTests.WriteSmall(folder);

    [Fact]
    public async Task Json_holds_the_headline_the_levers_and_the_sections_of_score_posterior_and_train()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("run", WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        root.GetProperty("command").GetString().Should().Be("run");
        var headline = root.GetProperty("headline");
        foreach (var key in new[] { "simplicityPosterior", "lowPathDependence", "highPathDependence" })
        {
            headline.GetProperty(key).GetDouble().Should().BeInRange(0, 1);
        }

        root.GetProperty("levers").EnumerateArray().Select(l => l.GetProperty("name").GetString())
            .Should().Equal("no-fine-tuning", "prompting", "kl-regularisation", "interspersed-pre-training", "oversight", "oversight-reset", "speed-prior", "camera-model");
        foreach (var lever in root.GetProperty("levers").EnumerateArray())
        {
            var origin = lever.GetProperty("deceptiveOrigin");
            (origin.GetProperty("race").GetDouble() + origin.GetProperty("defection").GetDouble()).Should().BeApproximately(lever.GetProperty("highPathDependence").GetDouble(), 1e-12);
        }

        root.GetProperty("score").GetProperty("command").GetString().Should().Be("score");
        root.GetProperty("posterior").GetProperty("pDeceptive").GetDouble().Should().Be(headline.GetProperty("simplicityPosterior").GetDouble());
        root.GetProperty("train").GetProperty("phases").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Csv_gives_each_lever_where_its_end_of_training_deception_comes_from()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("run", WriteSmall(folder), "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);
        rows[0].Take(13).Should().Equal("lever", "description", "simplicityPosterior", "lowPathDependence", "highPathDependence", "highRace", "highDefection", "highIncompleteDesired", "highIncompleteAnthropicCapture", "highIncompleteSycophantic", "highIncompleteDeceptive", "highIncompleteNonScalable", "lowPathDependenceReachedAt");
        foreach (var row in rows.Skip(1))
        {
            static double Number(string x) => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture);
            (Number(row[5]) + Number(row[6])).Should().BeApproximately(Number(row[4]), 1e-12, row[0]);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Every_format_succeeds_and_is_deterministic(string format)
    {
        using var folder = new TempFolder();
        var path = WriteSmall(folder);

        var first = (await CliRun.Of("run", path, "--format", format)).ShouldSucceed();
        var second = (await CliRun.Of("run", path, "--format", format)).ShouldSucceed();

        second.Output.Should().Be(first.Output);
        first.Output.Should().Contain("no-fine-tuning");
    }
}
