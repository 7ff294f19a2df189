using System.Text.Json;
using PredictiveModels.Cli.Rendering.Documents;
using CliJson = PredictiveModels.Cli.Rendering.Json;

namespace PredictiveModels.Cli.Tests.Rendering.Documents;

public sealed class OutputJsonContextTests
{
    private static readonly Type[] DocumentTypes = [.. typeof(OutputDocument).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(OutputDocument)) && !t.IsAbstract)];

    [Fact]
    public void Every_document_type_has_a_generated_serialiser_so_none_falls_back_to_reflection()
    {
        DocumentTypes.Should().NotBeEmpty();
        DocumentTypes.Where(t => OutputJsonContext.Default.GetTypeInfo(t) is null).Should().BeEmpty("the CLI serialises only through OutputJsonContext");
    }

    [Fact]
    public void A_document_starts_with_its_version_command_scenario_and_provenance_and_ends_with_one_newline()
    {
        var text = CliJson.Serialize(new ValidateDocument(new ScenarioReference("s", "ü.yaml"), true, 1, 0, 2, 3) { Provenance = Provenance }, CliJson.Documents.ValidateDocument);

        text.Should().EndWith("}\n").And.NotEndWith("\n\n");
        using var json = JsonDocument.Parse(text);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "command", "scenario", "provenance", "valid", "concepts", "derivedConcepts", "structures", "candidates");
        json.RootElement.GetProperty("provenance").EnumerateObject().Select(p => p.Name).Should().Equal("version", "scenarioSha256", "seed");
        text.Should().Contain("\"source\": \"ü.yaml\"", "non-ASCII text is written as it is, not escaped");
    }

    [Fact]
    public void A_document_without_a_scenario_has_no_scenario_field_and_no_fingerprint()
    {
        var text = CliJson.Serialize(new ValidateDocument(null, true, 1, 0, 2, 3) { Provenance = new ProvenanceDocument("1.2.3", null, null) }, CliJson.Documents.ValidateDocument);

        text.Should().NotContain("scenario").And.NotContain("seed");
        text.Should().Contain("\"provenance\": {\n    \"version\": \"1.2.3\"\n  }");
    }

    private static ProvenanceDocument Provenance { get; } = new("1.2.3+abc", new string('a', 64), 7);

    [Fact]
    public void A_number_that_is_not_finite_is_written_as_null()
    {
        CliJson.FiniteOrNull(double.PositiveInfinity).Should().BeNull();
        CliJson.FiniteOrNull(double.NaN).Should().BeNull();
        CliJson.FiniteOrNull(-0.5).Should().Be(-0.5);
    }
}
