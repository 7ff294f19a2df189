using System.Xml.Linq;
using PredictiveModels.Analysis;
using PredictiveModels.Dynamics;
using PredictiveModels.Rendering.Tests.Report;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    /// <summary>The small two-phase scenario of the run tests, its report written once, and its analysis computed in process.</summary>
    private sealed class SmallReport : IDisposable
    {
        public SmallReport()
        {
            Scenario = TrainCommandTests.WriteSmall(Folder);
            Target = Folder.File("report.html");
            Run = CliRun.Of("report", Scenario, "-o", Target).GetAwaiter().GetResult();
            Analysis = ScenarioAnalysis.Run(ScenarioLoader.Load(Scenario));
        }

        public TempFolder Folder { get; } = new();

        public string Scenario { get; }

        public string Target { get; }

        public CliRun Run { get; }

        public AnalysisResult Analysis { get; }

        public string Text => File.ReadAllText(Target);

        public XDocument Page => Html.Parse(Text);

        public void Dispose() => Folder.Dispose();
    }

    private static readonly Lazy<SmallReport> Small = new(() => new SmallReport());

    [Fact]
    public void The_report_is_written_to_the_file_with_nothing_on_standard_output()
    {
        var report = Small.Value;

        report.Run.ShouldSucceed();
        report.Run.Output.Should().BeEmpty();
        report.Text.Should().StartWith("<!DOCTYPE html>\n");
        Directory.GetFileSystemEntries(report.Folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["small.yaml", "report.html"], "no temporary file is left behind");
    }

    [Fact]
    public void The_headline_numbers_are_those_of_the_analysis_run_computes()
    {
        var report = Small.Value;
        var page = report.Page;

        Html.Number(Html.ById(page, "headline-posterior")).Should().Be(report.Analysis.SimplicityPosterior);
        Html.Number(Html.ById(page, "headline-high")).Should().Be(report.Analysis.HighPathDependence);
        Html.Number(Html.ById(page, "headline-low")).Should().Be(report.Analysis.LowPathDependence);
    }

    [Fact]
    public void The_lever_table_has_a_row_per_standard_lever_after_the_baseline()
    {
        var table = Html.ById(Small.Value.Page, "lever-table");

        var rows = table.Descendants(Html.Xhtml + "tbody").Single().Elements(Html.Xhtml + "tr").ToList();
        rows[0].Value.Should().StartWith("baseline");
        rows.Skip(1).Select(r => (string?)r.Attribute("data-lever")).Should().Equal(Lever.Standard.Select(l => l.Name));
    }

    [Fact]
    public void Every_candidate_has_its_score_row_and_its_breakdown_with_the_same_total()
    {
        var report = Small.Value;
        var page = report.Page;

        foreach (var score in report.Analysis.Scores.Candidates)
        {
            var elements = page.Descendants().Where(e => (string?)e.Attribute("data-candidate") == score.Candidate.Key).ToList();
            elements.Select(e => e.Name.LocalName).Should().Equal(["tr", "section"], score.Candidate.Key);
            var root = elements[1].Element(Html.Xhtml + "ul")!.Element(Html.Xhtml + "li")!;
            Html.Number(root).Should().Be(score.Bits);
            root.Descendants(Html.Xhtml + "li").Count().Should().Be(score.Breakdown.Descendants().Count() - 1);
        }
    }

    [Fact]
    public void The_lever_posterior_training_and_breakdown_charts_are_inline_svg()
    {
        var report = Small.Value;
        var page = report.Page;

        foreach (var id in new[] { "chart-levers", "chart-posterior-classes", "chart-posterior-candidates", "chart-training-classes", "chart-training-path-dependence" })
        {
            Html.ById(page, id).Elements(Html.Svg + "svg").Should().ContainSingle(id);
        }

        page.Descendants(Html.Xhtml + "figure").Count(f => ((string?)f.Attribute("id"))!.StartsWith("chart-breakdown-", StringComparison.Ordinal))
            .Should().Be(report.Analysis.Scores.Candidates.Length);
    }

    [Fact]
    public void The_page_needs_no_script_and_fetches_nothing()
    {
        var report = Small.Value;
        var page = report.Page;

        Html.ShouldBeSelfContained(page, report.Text);
        Html.ShouldResolveEveryLocalReference(page, report.Text);
    }

    [Fact]
    public void The_provenance_is_the_library_version_and_the_fingerprint_of_the_scenario_as_loaded()
    {
        var report = Small.Value;
        var section = Html.ById(report.Page, "provenance");
        var loaded = ScenarioLoader.Load(report.Scenario);

        string Value(string key) => section.Descendants().Single(e => (string?)e.Attribute("data-provenance") == key).Value;
        Value("version").Should().Be(Provenance.LibraryVersion);
        loaded.Sha256.Should().NotBeNullOrEmpty();
        Value("scenarioSha256").Should().Be(loaded.Sha256);
    }

    [Fact]
    public async Task The_same_scenario_gives_the_same_bytes_in_a_file_and_on_standard_output()
    {
        var report = Small.Value;

        var again = (await CliRun.Of("report", report.Scenario)).ShouldSucceed();

        again.Output.Should().Be(report.Text);
    }

    [Fact]
    public async Task A_folder_as_the_output_path_is_refused_before_the_analysis_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var target = Directory.CreateDirectory(folder.File("report.html")).FullName;

        var run = (await CliRun.Of("report", "-o", target)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"'{target}' is a folder, not a regular file");
        folder.FileNames().Should().Equal("report.html");
        Directory.GetFileSystemEntries(target).Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_parent_folder_is_refused_with_its_name_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var target = folder.File(Path.Combine("missing", "report.html"));

        var run = (await CliRun.Of("report", "--output", target)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"the folder '{folder.File("missing")}' does not exist");
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task An_invalid_scenario_leaves_an_existing_report_as_it_was()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("bad.yaml", "schemaVersion: 1\nextends: default\nanalysis:\n  simplicityExponent: -1\n");
        var target = folder.Write("report.html", "the old report\n");

        (await CliRun.Of("report", scenario, "-o", target)).ShouldFailCleanly(ExitCodes.ModelError);

        File.ReadAllText(target).Should().Be("the old report\n");
        folder.FileNames().Should().Equal("bad.yaml", "report.html");
    }

    [Fact]
    public async Task The_help_says_what_the_page_holds_and_how_to_write_it()
    {
        var run = (await CliRun.Of("report", "--help")).ShouldSucceed();

        run.Output.Should().Contain("self-contained HTML").And.Contain("--output").And.Contain("report -o report.html").And.Contain("--skip-relaxation");
    }
}
