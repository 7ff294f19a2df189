using PredictiveModels.Reproducibility;
using PredictiveModels.Rendering;

namespace PredictiveModels.Interactive.Tests;

/// <summary>The provenance that ends every formatted result which records it, in HTML and in plain text.</summary>
public sealed class ProvenanceFooterTests
{
    public static TheoryData<string> ResultsWithProvenance() => new()
    {
        "ScoreReport",
        "PosteriorResult",
        "SweepResult",
        "TrainingSweepResult",
        "TrainingResult",
        "AnalysisResult",
        "BeliefPropagationResult",
    };

    private static (object Result, Provenance Provenance) Of(string type) => type switch
    {
        "ScoreReport" => (Results.Scores, Results.Scores.Provenance),
        "PosteriorResult" => (Results.Posterior, Results.Posterior.Provenance),
        "SweepResult" => (Results.Sweep(), Results.Sweep().Provenance),
        "TrainingSweepResult" => (Results.TrainingSweep, Results.TrainingSweep.Provenance),
        "TrainingResult" => (Results.Training, Results.Training.Provenance),
        "AnalysisResult" => (Results.Analysis, Results.Analysis.Provenance),
        "BeliefPropagationResult" => (Results.Propagation, Results.Propagation.Provenance),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    [Theory]
    [MemberData(nameof(ResultsWithProvenance))]
    public void The_html_ends_with_the_results_provenance(string type)
    {
        var (result, provenance) = Of(type);

        var root = XhtmlDocument.Parse(HtmlFormatter.FormatObject(result)!);

        var footer = root.Elements().Last();
        footer.Name.LocalName.Should().Be("p");
        footer.WithClass("pm-provenance").Should().ContainSingle();
        footer.Value.Should().Be(ProvenanceText.Of(provenance));
        footer.Value.Should().Contain(Provenance.LibraryVersion);
    }

    [Theory]
    [MemberData(nameof(ResultsWithProvenance))]
    public void The_plain_text_ends_with_a_provenance_line(string type)
    {
        var (result, provenance) = Of(type);

        var lines = PlainTextFormatter.FormatObject(result)!.TrimEnd('\n').Split('\n');

        lines[^1].Should().Be(ProvenanceText.Of(provenance));
    }

    [Fact]
    public void A_result_of_a_scenario_read_from_a_document_names_its_fingerprint_and_a_propagation_its_seed()
    {
        var scores = HtmlFormatter.FormatObject(Results.Scores)!;
        var propagation = PlainTextFormatter.FormatObject(Results.Propagation)!;

        Results.Scenario.Sha256.Should().NotBeNull();
        scores.Should().Contain($"provenance: version={Provenance.LibraryVersion}, scenarioSha256={Results.Scenario.Sha256}<");
        propagation.Should().Contain(", seed=7\n");
    }

    [Fact]
    public void A_result_of_a_scenario_built_in_code_says_it_has_no_fingerprint()
    {
        var text = ProvenanceText.Of(Results.Training.Provenance);

        text.Should().Be($"provenance: version={Provenance.LibraryVersion} (no scenario fingerprint: the scenario was built or changed in code)");
    }

    [Fact]
    public void A_chart_on_its_own_shows_as_inline_svg_and_as_its_title_in_text()
    {
        var chart = SweepChart.Of(Results.TrainingSweep);

        var root = XhtmlDocument.Parse(HtmlFormatter.FormatObject(chart)!);

        root.Descendants("svg").Should().ContainSingle().Which.Element("title")!.Value.Should().Be(chart.Title);
        PlainTextFormatter.FormatObject(chart).Should().Be($"chart: {chart.Title} ({chart.Width} x {chart.Height} SVG)\n");
        FormattedTypes.All.Should().Contain(typeof(SvgChart));
    }
}
