namespace PredictiveModels.Cli.Tests.Commands;

public sealed partial class CommonOptionsTests
{
    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Output_writes_the_file_with_what_stdout_would_show_and_nothing_to_stdout(string format)
    {
        using var folder = new TempFolder();
        var target = folder.File("scores.out");
        var toStdout = (await CliRun.Of("score", "--format", format)).ShouldSucceed();

        var toFile = (await CliRun.Of("score", "--format", format, "--output", target)).ShouldSucceed();

        toFile.Output.Should().BeEmpty();
        File.ReadAllText(target).Should().Be(toStdout.Output);
        folder.FileNames().Should().Equal("scores.out");
    }

    [Fact]
    public async Task Output_files_of_the_same_input_are_byte_identical()
    {
        using var folder = new TempFolder();

        (await CliRun.Of("score", "--format", "json", "-o", folder.File("first.json"))).ShouldSucceed();
        (await CliRun.Of("score", "--format", "json", "-o", folder.File("second.json"))).ShouldSucceed();

        File.ReadAllBytes(folder.File("second.json")).Should().Equal(File.ReadAllBytes(folder.File("first.json")));
    }

    [Fact]
    public async Task Output_replaces_an_existing_file_on_success()
    {
        using var folder = new TempFolder();
        var target = folder.Write("scores.csv", "old content\n");

        (await CliRun.Of("score", "--format", "csv", "--output", target)).ShouldSucceed();

        File.ReadAllText(target).Should().StartWith("# provenance: ").And.Contain("\nstructure,mechanism,", "the header row follows the provenance comment");
        folder.FileNames().Should().Equal("scores.csv");
    }

    [Fact]
    public async Task An_invalid_scenario_with_output_leaves_no_file_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("bad.yaml", Edit(TinyYaml, "      bits: 50", "      bits: -5"));

        var run = (await CliRun.Of("score", scenario, "--format", "json", "--output", folder.File("scores.json"))).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{scenario}:10:13: error:");
        folder.FileNames().Should().Equal("bad.yaml");
    }

    [Fact]
    public async Task A_failed_run_leaves_an_existing_output_file_untouched()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("bad.yaml", Edit(TinyYaml, "restrict(corpus, physical)", "restrict(physical, corpus)"));
        var target = folder.Write("scores.json", "{ \"precious\": true }\n");
        var before = File.GetLastWriteTimeUtc(target);

        (await CliRun.Of("score", scenario, "--format", "json", "--output", target)).ShouldFailCleanly(ExitCodes.ModelError);

        File.ReadAllText(target).Should().Be("{ \"precious\": true }\n");
        File.GetLastWriteTimeUtc(target).Should().Be(before);
        folder.FileNames().Should().Equal("bad.yaml", "scores.json");
    }

    [Fact]
    public async Task A_usage_error_with_output_leaves_an_existing_output_file_untouched()
    {
        using var folder = new TempFolder();
        var target = folder.Write("explained.txt", "keep me\n");

        (await CliRun.Of("explain", "no-such-structure", "--output", target)).ShouldFailCleanly(ExitCodes.UsageError);

        File.ReadAllText(target).Should().Be("keep me\n");
        folder.FileNames().Should().Equal("explained.txt");
    }

    [Fact]
    public async Task Output_into_a_missing_folder_exits_1_naming_the_folder()
    {
        using var folder = new TempFolder();
        var missing = folder.File("no-such-folder");

        var run = (await CliRun.Of("score", "--output", Path.Combine(missing, "scores.txt"))).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain(missing).And.Contain("does not exist");
        Directory.Exists(missing).Should().BeFalse("the tool does not create folders");
    }

    [Fact]
    public async Task Output_onto_a_folder_exits_1_and_leaves_the_folder_alone()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("taken"));

        var run = (await CliRun.Of("score", "--output", folder.File("taken"))).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain("is a folder");
        Directory.GetFileSystemEntries(folder.File("taken")).Should().BeEmpty();
        folder.FileNames().Should().Equal("taken");
    }

    [Fact]
    public async Task A_pre_cancelled_run_with_output_exits_130_and_leaves_no_file()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["score", "--format", "json", "--output", folder.File("scores.json")], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("cancelled");
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task A_pre_cancelled_run_leaves_an_existing_output_file_untouched()
    {
        using var folder = new TempFolder();
        var target = folder.Write("scores.json", "old\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["score", "--format", "json", "--output", target], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        File.ReadAllText(target).Should().Be("old\n");
        folder.FileNames().Should().Equal("scores.json");
    }

    [Fact]
    public async Task Output_onto_dev_null_exits_1_and_leaves_the_device_alone()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var run = (await CliRun.Of("score", "--output", "/dev/null")).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain("'/dev/null' is a character device, not a regular file");
        Directory.GetFiles("/dev", ".pm-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Output_through_a_symbolic_link_writes_the_links_target()
    {
        using var folder = new TempFolder();
        var target = folder.Write("scores.csv", "old\n");
        File.CreateSymbolicLink(folder.File("latest.csv"), "scores.csv");

        (await CliRun.Of("score", "--format", "csv", "--output", folder.File("latest.csv"))).ShouldSucceed();

        File.ReadAllText(target).Should().StartWith("# provenance: ").And.Contain("\nstructure,mechanism,", "the header row follows the provenance comment");
        new FileInfo(folder.File("latest.csv")).LinkTarget.Should().Be("scores.csv");
    }
}
