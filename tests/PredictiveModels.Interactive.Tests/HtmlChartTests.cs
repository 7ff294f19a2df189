using System.Text.RegularExpressions;
using System.Xml.Linq;
using PredictiveModels.Complexity;
using PredictiveModels.Rendering;
using PredictiveModels.Structures;

namespace PredictiveModels.Interactive.Tests;

/// <summary>The charts under the formatters' tables: which result has which, in which order, and that the inline SVG is the chart, well-formed and self-contained.</summary>
public sealed partial class HtmlChartTests
{
    public static TheoryData<string> ResultsWithCharts() => new()
    {
        nameof(CandidateScore),
        "PosteriorResult",
        "SweepResult",
        "TrainingSweepResult",
        "TrainingResult",
        "AnalysisResult",
        "BeliefPropagationResult",
        "BeliefPropagationResult with Sobol indices",
    };

    public static TheoryData<string> ResultsWithoutCharts() => new()
    {
        nameof(ScoreReport),
        nameof(OutcomeDistribution),
    };

    /// <summary>The result of a kind, and the charts its HTML should hold, in order.</summary>
    private static (object Result, SvgChart[] Charts) Expected(string type)
    {
        switch (type)
        {
            case nameof(CandidateScore):
                var score = Results.Scores.Candidates.First(c => c.Mechanism == Mechanism.Deceptive);
                return (score, [BitBreakdownChart.Of(score)]);
            case "PosteriorResult":
                var posterior = Results.Posterior;
                return (posterior, [PosteriorChart.ByClass(posterior), PosteriorChart.ByCandidate(posterior, height: HtmlFormatter.CandidateChartHeight(posterior.Candidates.Length))]);
            case "SweepResult":
                var sweep = Results.Sweep();
                return (sweep, [SweepChart.Of(sweep)]);
            case "TrainingSweepResult":
                var trainingSweep = Results.TrainingSweep;
                return (trainingSweep, [SweepChart.Of(trainingSweep)]);
            case "TrainingResult":
                var training = Results.Training;
                return (training, [TrainingChart.Classes(training), TrainingChart.PathDependence(training)]);
            case "AnalysisResult":
                var analysis = Results.Analysis;
                return (analysis, [PosteriorChart.ByClass(analysis.Posterior), TrainingChart.Classes(analysis.Training), TrainingChart.PathDependence(analysis.Training), LeverChart.Of(analysis)]);
            case "BeliefPropagationResult":
                var propagation = Results.Propagation;
                return (propagation, [.. propagation.Measures.Select(m => PropagationChart.Histogram(propagation, m.Measure))]);
            case "BeliefPropagationResult with Sobol indices":
                var sobol = Results.SobolPropagation;
                return (sobol, [.. sobol.Measures.SelectMany(m => new[] { PropagationChart.Histogram(sobol, m.Measure), PropagationChart.Sobol(sobol, m.Measure) })]);
            case nameof(ScoreReport):
                return (Results.Scores, []);
            case nameof(OutcomeDistribution):
                return (Results.Posterior.Classes, []);
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    [Theory]
    [MemberData(nameof(ResultsWithCharts))]
    public void A_result_with_charts_shows_them_in_order_as_inline_svg_under_its_first_table(string type)
    {
        var (result, charts) = Expected(type);

        var html = HtmlFormatter.FormatObject(result)!;

        var root = XhtmlDocument.Parse(html);
        var svgs = root.Descendants("svg").ToList();
        svgs.Select(s => s.Element("title")?.Value).Should().Equal(charts.Select(c => c.Title));
        svgs.Should().OnlyContain(s => s.Parent!.Name.LocalName == "div" && s.Parent.WithClass("pm-chart").Any() && s.Parent.Parent == root);
        root.Elements().First().Name.LocalName.Should().Be("table", "a chart comes under the table it draws");
        html.Should().NotContain("<?xml", "an XML declaration inside a fragment is not well-formed");
    }

    [Theory]
    [MemberData(nameof(ResultsWithoutCharts))]
    public void A_result_without_a_chart_has_no_svg(string type)
    {
        var (result, _) = Expected(type);

        XhtmlDocument.Parse(HtmlFormatter.FormatObject(result)!).Descendants("svg").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResultsWithCharts))]
    public void The_inline_svg_draws_what_the_chart_draws_and_scales_to_the_output(string type)
    {
        var (result, charts) = Expected(type);

        var svgs = XhtmlDocument.Parse(HtmlFormatter.FormatObject(result)!).Descendants("svg").ToList();

        svgs.Should().HaveCount(charts.Length);
        for (var i = 0; i < charts.Length; i++)
        {
            var drawn = XDocument.Parse(charts[i].Svg).Root!;
            svgs[i].DescendantsAndSelf().Select(e => e.Name.LocalName).Should().Equal(drawn.DescendantsAndSelf().Select(e => e.Name.LocalName));
            svgs[i].Descendants().Where(e => !e.HasElements).Select(e => e.Value).Should().Equal(drawn.Descendants().Where(e => !e.HasElements).Select(e => e.Value));
            svgs[i].Descendants().Select(e => (string?)e.Attribute("fill")).Should().Equal(drawn.Descendants().Select(e => (string?)e.Attribute("fill")), "the colours are the chart's");
            ((string?)svgs[i].Attribute("viewBox")).Should().Be($"0 0 {charts[i].Width} {charts[i].Height}");
            ((string?)svgs[i].Attribute("aria-label")).Should().Be(charts[i].Title);
        }
    }

    [Theory]
    [MemberData(nameof(ResultsWithCharts))]
    public void Every_id_is_unique_and_every_reference_points_into_its_own_chart(string type)
    {
        // A notebook page holds many outputs: two charts' clip paths must not share an id, or one chart clips by the
        // other's rectangle. (The same chart shown twice has the same ids, which is harmless: the elements are the same.)
        var (result, _) = Expected(type);
        object other = type == "SweepResult" ? Results.Posterior : Results.Sweep();
        var twice = XhtmlDocument.Parse($"<div>{HtmlFormatter.FormatObject(result)}{HtmlFormatter.FormatObject(other)}</div>");

        var ids = twice.Descendants().Attributes("id").Select(a => a.Value).ToList();

        ids.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        foreach (var svg in twice.Descendants("svg"))
        {
            var own = svg.Descendants().Attributes("id").Select(a => a.Value).ToHashSet();
            var references = svg.Descendants().Attributes().SelectMany(a => UrlReference().Matches(a.Value)).Select(m => m.Groups[1].Value).ToList();
            references.Should().NotBeEmpty().And.OnlyContain(r => own.Contains(r));
        }
    }

    [Fact]
    public void The_same_result_gives_the_same_html()
    {
        var posterior = Results.Posterior;

        HtmlFormatter.Format(posterior).Should().Be(HtmlFormatter.Format(posterior));
    }

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
