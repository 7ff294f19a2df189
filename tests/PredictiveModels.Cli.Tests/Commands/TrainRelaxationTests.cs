using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>The relaxation time and the time the equilibrium is reached, in every format of <c>train</c> and <c>run</c>.</summary>
public sealed class TrainRelaxationTests
{
    private const string ReachedBeyond = "beyond its end";

    [Fact]
    public async Task Json_gives_each_phase_its_relaxation_time_as_a_lower_bound_and_the_time_its_equilibrium_is_reached_beyond_its_end()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        foreach (var phase in document.RootElement.GetProperty("phases").EnumerateArray())
        {
            // The small chain's barriers are millions of bits: its relaxation time overflows a double and is given by its log10.
            phase.GetProperty("relaxationTime").ValueKind.Should().Be(JsonValueKind.Null);
            phase.GetProperty("relaxationTimeReason").GetString().Should().Contain("relaxationTimeLog10");
            phase.GetProperty("relaxationTimeLog10").GetDouble().Should().BeGreaterThan(308);
            phase.GetProperty("relaxationTimeIsLowerBound").GetBoolean().Should().BeTrue();
            phase.GetProperty("relaxation").GetProperty("iterations").GetInt32().Should().BePositive();
            // Deceptive models that shed their proxies reach the short ones, so this chain's equilibrium is reached, long after the phase.
            var duration = phase.GetProperty("duration").GetDouble();
            var reachedAt = phase.GetProperty("equilibriumReachedAt").GetDouble();
            reachedAt.Should().BeGreaterThan(duration).And.BeLessThan(duration * 1e6);
            phase.GetProperty("equilibriumReachedAfter").GetDouble().Should().BeLessThan(reachedAt);
            phase.TryGetProperty("equilibriumReachedAtReason", out _).Should().BeFalse();
            var reach = phase.GetProperty("reachability");
            reach.GetProperty("searchedUntil").GetDouble().Should().Be(reachedAt);
            reach.GetProperty("index").GetDouble().Should().BeLessThan(0.05);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task Text_formats_say_per_phase_when_the_equilibrium_is_reached_and_give_the_relaxation_time(string format)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", format)).ShouldSucceed();

        run.Output.Split('\n').Count(l => l.StartsWith("Equilibrium (path-dependence index below 0.05) reached at t = ", StringComparison.Ordinal) && l.Contains(ReachedBeyond, StringComparison.Ordinal)).Should().Be(2, "one line per phase");
        run.Output.Split('\n').Count(l => l.StartsWith("Relaxation time (1 / spectral gap): at least ", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task Csv_appends_the_relaxation_and_equilibrium_columns_to_every_row()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);
        // The discretisation columns come after these.
        var at = Array.IndexOf(rows[0], "relaxationTime");
        rows[0][at..(at + 4)].Should().Equal("relaxationTime", "relaxationTimeLog10", "relaxationTimeIsLowerBound", "equilibriumReachedAt");
        foreach (var r in rows.Skip(1))
        {
            r.Should().HaveSameCount(rows[0]);
            r[at + 1].Should().NotBeEmpty("the log10 of the lower bound is always given");
            r[at + 2].Should().Be("True");
            double.Parse(r[at + 3], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0, "the equilibrium is reached, after the phase");
        }
    }

    [Fact]
    public async Task Skip_relaxation_leaves_both_out_and_says_they_were_not_computed()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", "json", "--skip-relaxation")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        foreach (var phase in document.RootElement.GetProperty("phases").EnumerateArray())
        {
            phase.GetProperty("relaxationTime").ValueKind.Should().Be(JsonValueKind.Null);
            phase.GetProperty("relaxationTimeReason").GetString().Should().Be("not computed");
            phase.GetProperty("equilibriumReachedAtReason").GetString().Should().Be("not computed");
            phase.TryGetProperty("reachability", out _).Should().BeFalse();
        }
    }

    [Fact]
    public async Task Run_says_under_the_low_path_dependence_figure_that_training_as_stated_ends_before_it_is_reached()
    {
        using var folder = new TempFolder();
        var path = TrainCommandTests.WriteSmall(folder);

        var table = (await CliRun.Of("run", path)).ShouldSucceed();
        var json = (await CliRun.Of("run", path, "--format", "json")).ShouldSucceed();
        var csv = (await CliRun.Of("run", path, "--format", "csv")).ShouldSucceed();

        var lines = table.Output.Split('\n');
        var low = Array.FindIndex(lines, l => l.StartsWith("P(Deceptive), low path dependence", StringComparison.Ordinal));
        lines[low + 1].Should().Contain("reached only after").And.Contain("the training as stated ends before");
        using var document = JsonDocument.Parse(json.Output);
        var headline = document.RootElement.GetProperty("headline");
        headline.GetProperty("lowPathDependenceReachedAt").GetDouble().Should().BeGreaterThan(5, "after the 5 time units of fine-tuning");
        CsvText.Parse(csv.Output)[0].Should().Contain("lowPathDependenceReachedAt");
    }
}
