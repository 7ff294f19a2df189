using System.Xml.Linq;
using PredictiveModels.Rendering.Report;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Rendering.Tests.Report;

public sealed class HtmlReportTests
{
    private static readonly Lazy<string> Page = new(() => HtmlReport.Of(Results.Analysis, Provenance.Of(Results.Coarse)));

    private static XDocument Parsed => Html.Parse(Page.Value);

    [Fact]
    public void The_page_starts_with_the_html5_doctype_and_parses_as_xml_with_an_xhtml_root()
    {
        var page = Parsed;

        page.Root!.Name.Should().Be(Html.Xhtml + "html");
        page.Root.Element(Html.Xhtml + "head")!.Element(Html.Xhtml + "title")!.Value.Should().Be("PredictiveModels report: " + Results.Coarse.Name);
        page.Descendants(Html.Xhtml + "meta").Should().Contain(m => (string?)m.Attribute("charset") == "utf-8");
    }

    [Fact]
    public void The_headline_holds_the_three_numbers_of_the_analysis_exactly()
    {
        var page = Parsed;
        var analysis = Results.Analysis;

        Html.Number(Html.ById(page, "headline-posterior")).Should().Be(analysis.SimplicityPosterior);
        Html.Number(Html.ById(page, "headline-high")).Should().Be(analysis.HighPathDependence);
        Html.Number(Html.ById(page, "headline-low")).Should().Be(analysis.LowPathDependence);
    }

    [Fact]
    public void The_lever_table_has_the_baseline_and_one_row_per_lever_in_order_with_its_numbers()
    {
        var table = Html.ById(Parsed, "lever-table");
        var analysis = Results.Analysis;

        var rows = table.Descendants(Html.Xhtml + "tbody").Single().Elements(Html.Xhtml + "tr").ToList();
        rows.Should().HaveCount(analysis.Levers.Length + 1);
        rows[0].Element(Html.Xhtml + "th")!.Value.Should().Be("baseline");
        rows.Skip(1).Select(r => (string?)r.Attribute("data-lever")).Should().Equal(analysis.Levers.Select(l => l.Lever.Name));
        foreach (var (row, lever) in rows.Skip(1).Zip(analysis.Levers))
        {
            var numbers = row.Descendants(Html.Xhtml + "data").Select(d => double.Parse((string)d.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            numbers.Should().Equal(lever.SimplicityPosterior, lever.LowPathDependence, lever.HighPathDependence, lever.LowPathDependenceEffect.Value, lever.HighPathDependenceEffect.Value);
            row.Value.Should().Contain(lever.Lever.Description);
        }
    }

    [Fact]
    public void Every_candidate_has_its_breakdown_tree_node_for_node_and_its_chart()
    {
        var page = Parsed;
        var scores = Results.Analysis.Scores.Candidates;

        var sections = page.Descendants(Html.Xhtml + "section").Where(s => (string?)s.Attribute("class") == "candidate").ToList();
        sections.Select(s => (string?)s.Attribute("data-candidate")).Should().Equal(scores.Select(s => s.Candidate.Key));
        foreach (var (section, score) in sections.Zip(scores))
        {
            var tree = section.Elements(Html.Xhtml + "ul").Single();
            var nodes = tree.Descendants(Html.Xhtml + "li").ToList();
            var expected = score.Breakdown.Descendants().ToList();
            nodes.Should().HaveCount(expected.Count, score.Candidate.Key);
            nodes.Select(Html.Number).Should().Equal(expected.Select(b => b.Bits));
            nodes.Select(n => n.Elements(Html.Xhtml + "span").Last().Value).Should().Equal(expected.Select(b => b.Label));
            section.Descendants(Html.Svg + "svg").Should().ContainSingle().Which.Element(Html.Svg + "title")!.Value.Should().Be($"Bit breakdown of {score.Candidate.Key}");
        }
    }

    [Fact]
    public void The_lever_posterior_and_training_charts_are_inline_svg_figures()
    {
        var page = Parsed;

        var titles = new Dictionary<string, string>
        {
            ["chart-levers"] = LeverChart.Of(Results.Analysis).Title,
            ["chart-posterior-classes"] = PosteriorChart.ByClass(Results.Analysis.Posterior).Title,
            ["chart-posterior-candidates"] = PosteriorChart.ByCandidate(Results.Analysis.Posterior).Title,
            ["chart-training-classes"] = TrainingChart.Classes(Results.Analysis.Training).Title,
            ["chart-training-path-dependence"] = TrainingChart.PathDependence(Results.Analysis.Training).Title,
        };
        foreach (var (id, title) in titles)
        {
            var figure = Html.ById(page, id);
            figure.Name.Should().Be(Html.Xhtml + "figure");
            var svg = figure.Elements(Html.Svg + "svg").Should().ContainSingle(id).Subject;
            svg.Element(Html.Svg + "title")!.Value.Should().Be(title);
            ((string?)svg.Attribute("viewBox")).Should().NotBeNull("a viewBox lets a narrow page scale the chart down");
        }

        page.Descendants(Html.Svg + "svg").Should().HaveCount(titles.Count + Results.Analysis.Scores.Candidates.Length);
    }

    [Fact]
    public void The_page_runs_no_script_fetches_nothing_and_every_local_reference_resolves()
    {
        var page = Parsed;

        Html.ShouldBeSelfContained(page, Page.Value);
        Html.ShouldResolveEveryLocalReference(page, Page.Value);
    }

    [Fact]
    public void The_provenance_section_names_the_version_and_the_scenarios_fingerprint()
    {
        var page = Parsed;
        var provenance = Provenance.Of(Results.Coarse);

        var section = Html.ById(page, "provenance");
        Value(section, "version").Should().Be(provenance.Version);
        Results.Coarse.Sha256.Should().NotBeNull("a scenario read from a document has a fingerprint");
        Value(section, "scenarioSha256").Should().Be(Results.Coarse.Sha256);
        section.Value.Should().Contain("nothing in this report is drawn at random");
    }

    [Fact]
    public void A_scenario_built_in_code_is_reported_without_a_fingerprint_and_says_why()
    {
        var html = HtmlReport.Of(Results.Analysis, new Provenance("9.9.9", null, 42));

        var section = Html.ById(Html.Parse(html), "provenance");
        Value(section, "version").Should().Be("9.9.9");
        section.Descendants().Should().NotContain(e => (string?)e.Attribute("data-provenance") == "scenarioSha256");
        section.Value.Should().Contain("no document to fingerprint");
        Value(section, "seed").Should().Be("42");
        section.Value.Should().Contain("not known");
    }

    [Fact]
    public void The_same_analysis_gives_the_same_bytes_and_write_gives_what_of_returns()
    {
        var again = HtmlReport.Of(Results.Analysis, Provenance.Of(Results.Coarse));
        using var writer = new StringWriter();
        HtmlReport.Write(Results.Analysis, Provenance.Of(Results.Coarse), writer);

        again.Should().Be(Page.Value);
        writer.ToString().Should().Be(Page.Value);
        Page.Value.Should().NotContain("\r");
    }

    [Fact]
    public void Text_from_the_scenario_is_escaped_so_markup_in_it_stays_text()
    {
        const string hostile = "<script>alert(\"x\")</script> & <b>bold</b> ]]> \u0001";
        var analysis = Results.Analysis;
        var first = analysis.Levers[0];
        var changed = analysis with { Levers = [first with { Lever = first.Lever with { Description = hostile } }, .. analysis.Levers.Skip(1)] };

        var html = HtmlReport.Of(changed, Provenance.Of(Results.Coarse));

        var page = Html.Parse(html);
        page.Descendants().Should().NotContain(e => e.Name.LocalName == "script" || e.Name.LocalName == "b");
        var row = Html.ById(page, "lever-table").Descendants(Html.Xhtml + "tr").Single(r => (string?)r.Attribute("data-lever") == first.Lever.Name);
        row.Value.Should().Contain("<script>alert(\"x\")</script> & <b>bold</b> ]]> \uFFFD");
    }

    private static string Value(XElement section, string key) =>
        section.Descendants().Single(e => (string?)e.Attribute("data-provenance") == key).Value;

}
