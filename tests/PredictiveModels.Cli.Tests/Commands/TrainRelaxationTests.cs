using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>The relaxation time and the time the equilibrium is reached, in every format of <c>train</c> and <c>run</c>.</summary>
public sealed class TrainRelaxationTests
{
    private const string NeverReached = "low path dependence is a state this training never reaches";

    [Fact]
    public async Task Json_gives_each_phase_its_relaxation_time_as_a_lower_bound_and_a_null_equilibrium_time_with_the_reason()
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
            phase.GetProperty("equilibriumReachedAt").ValueKind.Should().Be(JsonValueKind.Null);
            phase.GetProperty("equilibriumReachedAtReason").GetString().Should().StartWith("not reached within 10^6 x the phase's duration");
            var reach = phase.GetProperty("reachability");
            reach.GetProperty("searchedUntil").GetDouble().Should().BeApproximately(phase.GetProperty("duration").GetDouble() * 1e6, 1e-6);
            reach.GetProperty("index").GetDouble().Should().BeGreaterThanOrEqualTo(0.05);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task Text_formats_say_per_phase_that_the_equilibrium_is_never_reached_and_give_the_relaxation_time(string format)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", TrainCommandTests.WriteSmall(folder), "--format", format)).ShouldSucceed();

        run.Output.Split('\n').Count(l => l.Contains(NeverReached, StringComparison.Ordinal)).Should().Be(2, "one line per phase");
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
            r[at + 3].Should().BeEmpty("the equilibrium is not reached");
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
    public async Task Run_says_under_the_low_path_dependence_figure_that_training_never_reaches_it()
    {
        using var folder = new TempFolder();
        var path = TrainCommandTests.WriteSmall(folder);

        var table = (await CliRun.Of("run", path)).ShouldSucceed();
        var json = (await CliRun.Of("run", path, "--format", "json")).ShouldSucceed();
        var csv = (await CliRun.Of("run", path, "--format", "csv")).ShouldSucceed();

        var lines = table.Output.Split('\n');
        var low = Array.FindIndex(lines, l => l.StartsWith("P(Deceptive), low path dependence", StringComparison.Ordinal));
        lines[low + 1].Should().Contain("equilibrium not reached within 10^6 x the phase's duration").And.Contain(NeverReached);
        using var document = JsonDocument.Parse(json.Output);
        var headline = document.RootElement.GetProperty("headline");
        headline.GetProperty("lowPathDependenceReachedAt").ValueKind.Should().Be(JsonValueKind.Null);
        headline.GetProperty("lowPathDependenceReachedAtReason").GetString().Should().StartWith("not reached within 10^6");
        CsvText.Parse(csv.Output)[0][^1].Should().Be("lowPathDependenceReachedAt");
    }
}
