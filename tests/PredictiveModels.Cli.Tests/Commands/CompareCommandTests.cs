using System.Globalization;
using System.Text.Json;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>
/// <c>compare SCENARIO...</c>: the headline numbers of several scenarios, each the library's, in the order given.
/// The scenarios are the minimal sample and the small two-phase scenario of the train tests: each trains in well
/// under a second.
/// </summary>
public sealed class CompareCommandTests
{
    private static readonly string Minimal = RepositoryRoot.File("samples/scenarios/minimal.yaml");

    private static readonly string[] AllFormats = ["json", "csv", "markdown", "table"];

    [Fact]
    public async Task Each_entry_holds_the_librarys_posterior_end_of_training_and_equilibrium_in_the_order_given_duplicates_included()
    {
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);
        string[] paths = [small, Minimal, small];

        var run = (await CliRun.Of(["compare", .. paths, "--format", "json"])).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var entries = document.RootElement.GetProperty("scenarios").EnumerateArray().ToArray();
        entries.Select(e => e.GetProperty("source").GetString()).Should().Equal(paths);
        entries.Select(e => e.GetProperty("name").GetString()).Should().Equal("small-dynamics", "minimal", "small-dynamics");
        for (var i = 0; i < paths.Length; i++)
        {
            // The library's own calls, training with absorption and relaxation as 'run' trains its baseline: skipping
            // them must not move the two training figures by a single bit.
            var scenario = ScenarioLoader.Load(paths[i]);
            var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases);
            entries[i].GetProperty("posterior").GetDouble().Should().Be(SimplicityPosterior.Compute(scenario).DeceptiveProbability);
            entries[i].GetProperty("endOfTraining").GetDouble().Should().Be(training.Transient.DeceptiveProbability);
            entries[i].GetProperty("equilibrium").GetDouble().Should().Be(training.Equilibrium.DeceptiveProbability);
            entries[i].GetProperty("scenarioSha256").GetString().Should().Be(scenario.Sha256);
        }
    }

    [Fact]
    public async Task The_numbers_are_those_of_the_headline_of_run()
    {
        var compare = (await CliRun.Of("compare", Minimal, "--format", "json")).ShouldSucceed();
        var run = (await CliRun.Of("run", Minimal, "--skip-relaxation", "--format", "json")).ShouldSucceed();

        using var compared = JsonDocument.Parse(compare.Output);
        using var report = JsonDocument.Parse(run.Output);
        var entry = compared.RootElement.GetProperty("scenarios")[0];
        var headline = report.RootElement.GetProperty("headline");
        entry.GetProperty("posterior").GetDouble().Should().Be(headline.GetProperty("simplicityPosterior").GetDouble());
        entry.GetProperty("endOfTraining").GetDouble().Should().Be(headline.GetProperty("highPathDependence").GetDouble());
        entry.GetProperty("equilibrium").GetDouble().Should().Be(headline.GetProperty("lowPathDependence").GetDouble());
    }

    [Fact]
    public async Task The_json_provenance_names_the_version_only_and_each_entry_its_own_fingerprint()
    {
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);

        var run = (await CliRun.Of("compare", Minimal, small, "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "command", "provenance", "scenarios");
        root.GetProperty("command").GetString().Should().Be("compare");
        root.GetProperty("provenance").EnumerateObject().Select(p => p.Name).Should().Equal("version");
        root.GetProperty("provenance").GetProperty("version").GetString().Should().Be(Provenance.LibraryVersion);
        root.GetProperty("scenarios").EnumerateArray().Select(e => e.GetProperty("scenarioSha256").GetString())
            .Should().Equal(ScenarioLoader.Load(Minimal).Sha256, ScenarioLoader.Load(small).Sha256)
            .And.OnlyHaveUniqueItems("the two scenarios differ");
        root.GetProperty("scenarios").EnumerateArray().Select(e => e.EnumerateObject().Select(p => p.Name).ToArray())
            .Should().AllSatisfy(names => names.Should().Equal("name", "source", "scenarioSha256", "posterior", "endOfTraining", "equilibrium"));
    }

    [Fact]
    public async Task Csv_opens_with_the_version_and_has_one_row_per_scenario_with_its_fingerprint_and_full_precision()
    {
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);

        var run = (await CliRun.Of("compare", small, Minimal, "--format", "csv")).ShouldSucceed();

        run.Output.Split("\r\n")[0].Should().Be($"# provenance: version={Provenance.LibraryVersion}");
        var rows = CsvText.Parse(run.Output);
        rows[0].Should().Equal("name", "source", "scenarioSha256", "posterior", "endOfTraining", "equilibrium");
        rows.Skip(1).Select(r => r[1]).Should().Equal(small, Minimal);
        rows.Skip(1).Select(r => r[2]).Should().Equal(ScenarioLoader.Load(small).Sha256, ScenarioLoader.Load(Minimal).Sha256);

        var json = (await CliRun.Of("compare", small, Minimal, "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(json.Output);
        var entries = document.RootElement.GetProperty("scenarios").EnumerateArray().ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            string[] keys = ["posterior", "endOfTraining", "equilibrium"];
            rows[i + 1][3..].Select(x => double.Parse(x, CultureInfo.InvariantCulture)).Should().Equal(keys.Select(k => entries[i].GetProperty(k).GetDouble()));
        }
    }

    [Fact]
    public async Task Markdown_and_the_table_show_every_scenario_with_its_fingerprint_and_end_with_the_version_footer()
    {
        var sha = ScenarioLoader.Load(Minimal).Sha256!;

        var markdown = (await CliRun.Of("compare", Minimal, "--format", "markdown")).ShouldSucceed();
        var table = (await CliRun.Of("compare", Minimal)).ShouldSucceed();

        markdown.Output.Should().Contain("| scenario | source | posterior | end of training | equilibrium | scenarioSha256 |")
            .And.Contain($"| minimal | {Minimal} | 1.0000 | ");
        markdown.Output.Should().Contain(sha);
        markdown.Output.TrimEnd().Split('\n')[^1].Should().Be($"*provenance: `version={Provenance.LibraryVersion}`*");
        table.Output.Should().Contain("end of training").And.Contain($"  {sha}  minimal");
        table.Output.TrimEnd().Split('\n')[^1].Should().Be($"provenance: version={Provenance.LibraryVersion}");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Every_format_writes_the_same_bytes_to_output_as_to_standard_output_and_is_deterministic(string format)
    {
        using var folder = new TempFolder();
        var target = folder.File("compare.out");

        var shown = (await CliRun.Of("compare", Minimal, Minimal, "--format", format)).ShouldSucceed();
        var again = (await CliRun.Of("compare", Minimal, Minimal, "--format", format)).ShouldSucceed();
        var written = (await CliRun.Of("compare", Minimal, Minimal, "--format", format, "--output", target)).ShouldSucceed();

        again.Output.Should().Be(shown.Output);
        written.Output.Should().BeEmpty();
        File.ReadAllText(target).Should().Be(shown.Output);
        folder.FileNames().Should().Equal("compare.out");
    }

    [Fact]
    public async Task An_invalid_scenario_anywhere_in_the_list_exits_1_with_its_location_and_writes_no_output_file()
    {
        using var folder = new TempFolder();
        var bad = folder.Write("bad.yaml", "schemaVersion: 1\nextends: default\nname: bad\nanalysis:\n  dataSize: -5\n");
        var target = folder.File("compare.json");

        var run = (await CliRun.Of("compare", Minimal, bad, "--format", "json", "--output", target)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{bad}:5:13: error:").And.Contain("analysis.dataSize");
        folder.FileNames().Should().Equal("bad.yaml");
    }

    [Fact]
    public async Task Every_scenario_is_checked_before_any_is_trained()
    {
        // With cancellation already requested, the first training would stop the run with exit code 130: a chain too
        // large in the second file must be found (exit code 1, located) before the first scenario is trained.
        using var folder = new TempFolder();
        var tight = folder.Write("tight.yaml", $"schemaVersion: 1\nextends: {Minimal}\nname: tight\ndynamics:\n  maxConfigurations: 10\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = (await CliRun.Of(["compare", Minimal, tight, "--output", folder.File("compare.txt")], cancelled.Token)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{tight}:4:").And.Contain("more than the limit of 10");
        folder.FileNames().Should().Equal("tight.yaml");
    }

    [Fact]
    public async Task A_cancelled_comparison_exits_130_and_writes_no_output_file()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["compare", Minimal, "--output", folder.File("compare.json")], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.Output.Should().BeEmpty();
        run.ShouldShowNoStackTrace();
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_1_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pm-compare-" + Guid.NewGuid().ToString("N") + ".yaml");

        var run = (await CliRun.Of("compare", Minimal, missing)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain(missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--format json")]
    [InlineData("--fromat json")]
    public async Task Without_a_scenario_or_with_an_unknown_option_it_is_a_usage_error(string args)
    {
        (await CliRun.Of(["compare", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)])).ShouldFailCleanly(ExitCodes.UsageError);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Drawing_a_progress_bar_leaves_standard_output_exactly_as_without_it(string format)
    {
        var quiet = (await CliRun.Of("compare", Minimal, Minimal, "--format", format)).ShouldSucceed();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await CliApp.RunAsync(["compare", Minimal, Minimal, "--format", format], output, error, CancellationToken.None, new CliContext(true, progress));

        exitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", error);
        error.ToString().Should().BeEmpty();
        output.ToString().Should().Be(quiet.Output);
    }

    [Fact]
    public async Task Help_says_that_the_order_is_kept_and_a_file_named_twice_is_shown_twice()
    {
        var run = (await CliRun.Of("compare", "--help")).ShouldSucceed();

        run.Output.Should().Contain("in the order given").And.Contain("named twice");
        AllFormats.Should().AllSatisfy(f => run.Output.Should().Contain(f));
    }
}
