using System.Text.Json;
using PredictiveModels.Cli.Tests.Commands;

namespace PredictiveModels.Cli.Tests;

public sealed class CliAppTests
{
    private static readonly string SampleScenario = RepositoryRoot.File("samples/scenarios/default.yaml");

    private static readonly string[][] CommandLines =
    [
        ["structures"],
        ["score"],
        ["explain", "deceptive-agent"],
        ["explain", "general-inductor"],
        ["validate", SampleScenario],
    ];

    public static TheoryData<string[], string> CommandsInEveryFormat()
    {
        var data = new TheoryData<string[], string>();
        foreach (var command in CommandLines)
        {
            foreach (var format in new[] { "table", "json", "csv", "markdown" })
            {
                data.Add(command, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandsInEveryFormat))]
    public async Task Every_command_writes_every_format_and_exits_0(string[] command, string format)
    {
        var run = (await CliRun.Of([.. command, "--format", format])).ShouldSucceed();

        run.Output.Should().NotBeNullOrWhiteSpace().And.EndWith("\n");
        switch (format)
        {
            case "json":
                using (var document = JsonDocument.Parse(run.Output))
                {
                    document.RootElement.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThanOrEqualTo(1);
                    document.RootElement.GetProperty("command").GetString().Should().Be(command[0]);
                }

                break;
            case "csv":
                var rows = CsvText.Parse(run.Output);
                rows.Count.Should().BeGreaterThan(1, "a CSV has a header and at least one row");
                rows.Should().AllSatisfy(r => r.Should().HaveSameCount(rows[0], "every row has a field for every column of the header"));
                break;
            case "markdown":
                run.Output.Should().MatchRegex(@"^(## |\*\*)");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CommandsInEveryFormat))]
    public async Task The_same_input_gives_byte_identical_output_twice(string[] command, string format)
    {
        var first = (await CliRun.Of([.. command, "--format", format])).ShouldSucceed();
        var second = (await CliRun.Of([.. command, "--format", format])).ShouldSucceed();

        second.Output.Should().Be(first.Output);
    }

    [Fact]
    public async Task Table_is_the_default_format()
    {
        var implicitTable = (await CliRun.Of("score")).ShouldSucceed();
        var explicitTable = (await CliRun.Of("score", "--format", "table")).ShouldSucceed();

        implicitTable.Output.Should().Be(explicitTable.Output);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    [InlineData("json")]
    public async Task Format_names_are_read_in_any_case(string format)
    {
        var run = (await CliRun.Of("structures", "-f", format)).ShouldSucceed();

        run.Output.Should().StartWith("{");
    }

    [Fact]
    public async Task The_structures_csv_has_one_row_per_structure_even_though_cameras_hold_commas()
    {
        var run = (await CliRun.Of("structures", "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);

        rows.Skip(1).Select(r => r[0]).Should().Equal(ScoreCommandTests.DefaultStructureIds);
        rows.Should().Contain(r => r.Contains("restrict(corpus, physical)"));
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["frobnicate"], "frobnicate" },
        { ["score", "--frobnicate"], "--frobnicate" },
        { ["score", "--format", "xml"], "xml" },
        { ["score", "--format"], "--format" },
        { ["score", "one.yaml", "two.yaml"], "two.yaml" },
        { ["explain"], "explain" },
        { ["explain", "general-inductor", "--mechanism", "sneaky"], "sneaky" },
        { ["explain", "deceptive-agent", "--frobnicate"], "--frobnicate" },
        { ["validate"], "validate" },
        { ["validate", "--frobnicate"], "--frobnicate" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_usage_error_exits_2_with_a_message_on_stderr_and_nothing_on_stdout(string[] args, string named)
    {
        var run = (await CliRun.Of(args)).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain(named).And.Contain("--help");
    }

    [Fact]
    public async Task A_bad_format_lists_the_formats_in_their_command_line_spelling()
    {
        var run = (await CliRun.Of("score", "--format", "xml")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("table, json, csv, markdown").And.NotContain("OutputFormat");
    }

    [Fact]
    public async Task A_pre_cancelled_run_exits_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["score"], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("cancelled");
        run.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Root_help_exits_0_and_names_the_commands_the_formats_and_the_default_scenario()
    {
        var run = (await CliRun.Of("--help")).ShouldSucceed();

        run.Output.Should().ContainAll("structures", "score", "explain", "validate");
        run.Output.Should().ContainAll("table", "json", "csv", "markdown", "--output");
        run.Output.Should().Contain("default").And.Contain("Examples");
    }

    [Theory]
    [InlineData("structures")]
    [InlineData("score")]
    [InlineData("explain")]
    [InlineData("validate")]
    public async Task Command_help_exits_0_and_names_the_formats_and_the_default_scenario(string command)
    {
        var run = (await CliRun.Of(command, "--help")).ShouldSucceed();

        // The usage line starts with the host's name: predictive-models when installed, testhost here.
        run.Output.Should().MatchRegex($@"Usage:\s+\S+ {command} ");
        run.Output.Should().Contain("table|json|csv|markdown").And.Contain("--output");
        run.Output.Should().Contain("default scenario");
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Short_help_flags_work_too(string flag)
    {
        var run = (await CliRun.Of("score", flag)).ShouldSucceed();

        run.Output.Should().Contain("Usage:");
    }

    [Fact]
    public async Task Explain_help_shows_mechanisms_in_their_command_line_spelling()
    {
        var run = (await CliRun.Of("explain", "--help")).ShouldSucceed();

        run.Output.Should().Contain("internal|corrigible|deceptive").And.NotContain("Corrigible");
    }
}
