using System.Xml.Linq;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Interactive.Tests;

public sealed class HtmlFormatterTests
{
    private static readonly string[] ClassNames = [.. OutcomeDistribution.Classes.Select(OutcomeClassNames.Of)];

    public static TheoryData<string> EveryResult() => new()
    {
        nameof(ScoreReport),
        nameof(CandidateScore),
        "PosteriorResult",
        "SweepResult",
        "TrainingSweepResult",
        "TrainingResult",
        "AnalysisResult",
        "BeliefPropagationResult",
        nameof(OutcomeDistribution),
    };

    private static object Result(string type) => type switch
    {
        nameof(ScoreReport) => Results.Scores,
        nameof(CandidateScore) => Results.Scores.Candidates[0],
        "PosteriorResult" => Results.Posterior,
        "SweepResult" => Results.Sweep(),
        "TrainingSweepResult" => Results.TrainingSweep,
        "TrainingResult" => Results.Training,
        "AnalysisResult" => Results.Analysis,
        "BeliefPropagationResult" => Results.Propagation,
        nameof(OutcomeDistribution) => Results.Posterior.Classes,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    [Theory]
    [MemberData(nameof(EveryResult))]
    public void Every_result_is_well_formed_xhtml_with_tables_and_neither_scripts_nor_links(string type)
    {
        var html = HtmlFormatter.FormatObject(Result(type));

        var root = XhtmlDocument.Parse(html!);
        root.Name.LocalName.Should().Be("div");
        root.WithClass("pm-result").Should().ContainSingle();
        root.Descendants("table").Should().NotBeEmpty();
        root.Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "link", "img", "iframe", "style"]);
        root.DescendantsAndSelf().Attributes().Select(a => a.Name.LocalName).Should().NotContain(["src", "href"]).And.NotContain(n => n.StartsWith("on", StringComparison.Ordinal));
        html.Should().NotContain("http");
        html.Should().NotContain("/>", "an HTML parser reads <span/> as an open span, so every element needs its end tag");
    }

    [Theory]
    [MemberData(nameof(EveryResult))]
    public void Every_result_type_is_listed_for_registration(string type) =>
        FormattedTypes.All.Should().Contain(Result(type).GetType());

    [Fact]
    public void Objects_of_other_types_have_no_html() =>
        HtmlFormatter.FormatObject("a string").Should().BeNull();

    [Fact]
    public void The_scores_have_a_row_per_candidate_and_a_bar_segment_per_top_level_part_of_its_breakdown()
    {
        var report = Results.Scores;

        var rows = XhtmlDocument.Parse(HtmlFormatter.Format(report)).Descendants("tbody").Single().Elements("tr").ToList();

        rows.Should().HaveCount(report.Candidates.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = HtmlFormatter.Parts(report.Candidates[i].Breakdown).ToList();
            var segments = rows[i].WithClass("pm-part").ToList();
            segments.Should().HaveCount(expected.Count);
            segments.Select(s => (string?)s.Attribute("title")).Should().Equal(expected.Select(p => $"{p.Label}: {NumberText.Bits(p.Bits)} bits"));
        }
    }

    [Fact]
    public void The_longest_description_fills_the_bar_and_the_others_are_shorter()
    {
        var rows = XhtmlDocument.Parse(HtmlFormatter.Format(Results.Scores)).Descendants("tbody").Single().Elements("tr");

        var widths = rows.Select(r => r.WithClass("pm-part").Sum(Width)).ToList();

        widths.Max().Should().BeApproximately(120, 0.5);
        widths.Should().OnlyContain(w => w <= 120.5);
    }

    [Fact]
    public void Outcome_classes_are_named_in_words()
    {
        var root = XhtmlDocument.Parse(HtmlFormatter.Format(Results.Scores));

        root.WithClass("pm-class").Select(c => c.Text()).Should().OnlyContain(n => ClassNames.Contains(n));
        XhtmlDocument.Parse(HtmlFormatter.Format(Results.Posterior)).WithClass("pm-class").Select(c => c.Text())
            .Should().Contain(ClassNames).And.Contain("Anthropic capture");
    }

    [Fact]
    public void A_candidates_breakdown_has_a_row_and_a_bar_for_every_part_at_every_depth()
    {
        var score = Results.Scores.Candidates.MaxBy(c => c.Breakdown.Descendants().Count())!;

        var rows = XhtmlDocument.Parse(HtmlFormatter.Format(score)).Descendants("tbody").Single().Elements("tr").ToList();

        var parts = new[] { score.Breakdown }.Concat(score.Breakdown.Descendants()).Distinct().ToList();
        rows.Should().HaveCount(parts.Count);
        rows.Should().OnlyContain(r => r.WithClass("pm-bar").Count() == 1);
        rows[0].WithClass("pm-part-label").Single().Text().Should().Be(score.Breakdown.Label);
    }

    [Fact]
    public void Tiny_candidate_probabilities_are_written_as_powers_of_two_from_their_log2()
    {
        var posterior = Results.Posterior;
        var tiny = posterior.Candidates.MinBy(c => c.Log2Probability)!;
        tiny.Probability.Should().BeLessThan(NumberText.SmallestPlain, "the default scenario has a candidate this unlikely");

        var cells = XhtmlDocument.Parse(HtmlFormatter.Format(posterior)).WithClass("pm-candidates").Single()
            .Descendants("tbody").Single().Elements("tr").Select(r => r.WithClass("pm-probability").Single()).ToList();

        var cell = cells[posterior.Candidates.IndexOf(tiny)];
        cell.Element("sup")!.Value.Should().Be(NumberText.PowerOfTwoExponent(tiny.Log2Probability));
        cell.Text().Should().Be("2" + NumberText.PowerOfTwoExponent(tiny.Log2Probability));
        cells.Where((_, i) => posterior.Candidates[i].Probability >= NumberText.SmallestPlain).Should().OnlyContain(c => c.Element("sup") == null);
    }

    [Fact]
    public void Class_probabilities_have_four_significant_digits_and_a_bar_as_long_as_the_probability()
    {
        var classes = Results.Posterior.Classes;

        var rows = XhtmlDocument.Parse(HtmlFormatter.Format(classes)).Descendants("tbody").Single().Elements("tr").ToList();

        rows.Should().HaveCount(classes.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = classes[i];
            rows[i].WithClass("pm-class").Single().Text().Should().Be(ClassNames[i]);
            var log2 = classes.Log2Probability(OutcomeDistribution.Classes[i]);
            rows[i].WithClass("pm-probability").Single().Text().Should().Be(NumberText.PowerOfTwoExponent(log2) is { } k ? "2" + k : NumberText.ProbabilityFromLog2(log2));
            Width(rows[i].WithClass("pm-bar").Single()).Should().BeApproximately(p * 120, 0.05);
        }
    }

    [Fact]
    public void A_sweep_has_a_row_per_value_and_a_column_per_class()
    {
        var sweep = Results.Sweep();

        var table = XhtmlDocument.Parse(HtmlFormatter.Format(sweep)).Descendants("table").Single();

        table.Descendants("th").Select(h => h.Value).Should().Equal(["analysis.dataSize", .. ClassNames, "bits underwater"]);
        table.Descendants("tbody").Single().Elements("tr").Should().HaveCount(sweep.Points.Length)
            .And.OnlyContain(r => r.WithClass("pm-probability").Count() == ClassNames.Length);
    }

    [Fact]
    public void Training_shows_every_phase_and_both_distributions()
    {
        var training = Results.Training;

        var root = XhtmlDocument.Parse(HtmlFormatter.Format(training));

        root.WithClass("pm-phases").Single().Descendants("tbody").Single().Elements("tr").Select(r => r.WithClass("pm-name").Single().Text())
            .Should().Equal(training.Phases.Select(p => p.Name));
        root.WithClass("pm-training-classes").Single().Descendants("tbody").Single().Elements("tr").Should().HaveCount(ClassNames.Length)
            .And.OnlyContain(r => r.WithClass("pm-probability").Count() == 2);
    }

    [Fact]
    public void The_analysis_leads_with_the_three_probabilities_of_deception_and_lists_its_levers()
    {
        var analysis = Results.Analysis;

        var root = XhtmlDocument.Parse(HtmlFormatter.Format(analysis));

        root.WithClass("pm-headline").Single().WithClass("pm-probability").Select(c => c.Text()).Should().Equal(
            Text(analysis.SimplicityPosterior), Text(analysis.LowPathDependence), Text(analysis.HighPathDependence));
        root.WithClass("pm-levers").Single().WithClass("pm-name").Select(c => c.Text()).Should().Equal(analysis.Levers.Select(l => l.Lever.Name));
        root.WithClass("pm-scores").Should().ContainSingle();
        root.WithClass("pm-candidates").Should().HaveCount(2, "both hole costs' posteriors are shown");
    }

    [Fact]
    public void Belief_propagation_shows_each_belief_and_each_measure()
    {
        var propagation = Results.Propagation;

        var root = XhtmlDocument.Parse(HtmlFormatter.Format(propagation));

        root.WithClass("pm-beliefs").Single().WithClass("pm-name").Select(c => c.Text()).Should().Equal(propagation.Parameters.Select(p => p.Path));
        root.WithClass("pm-measures").Single().Descendants("tbody").Single().Elements("tr").Should().HaveCount(propagation.Measures.Length);
    }

    [Fact]
    public void Text_from_the_scenario_is_escaped()
    {
        const string hostile = "<script>alert('x')</script> & \"co\"";
        var scenario = ScenarioLoader.Parse(
            $$"""
            schemaVersion: 1
            name: escaping
            worldModel:
              concepts:
                - name: corpus
                  type: Stream
                  bits: 4000
            structures:
              - id: predictor
                name: '{{hostile.Replace("'", "''", StringComparison.Ordinal)}}'
                camera: corpus
                procedure: most_likely_next
                class: Desired
                mechanisms: [internal]
            """, "escaping.yaml");

        var html = HtmlFormatter.Format(StructureScorer.Score(scenario));

        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;").And.Contain("&amp;");
        XhtmlDocument.Parse(html).WithClass("pm-name").Single().Text().Should().Be(hostile);
    }

    private static string Text(double probability) =>
        probability is > 0 and < NumberText.SmallestPlain ? "2" + NumberText.PowerOfTwoExponent(Math.Log2(probability)) : NumberText.Probability(probability);

    private static double Width(XElement bar)
    {
        var style = (string)bar.Attribute("style")!;
        var width = style.Split(';').Single(s => s.StartsWith("width:", StringComparison.Ordinal));
        return double.Parse(width["width:".Length..^"px".Length], System.Globalization.CultureInfo.InvariantCulture);
    }
}
