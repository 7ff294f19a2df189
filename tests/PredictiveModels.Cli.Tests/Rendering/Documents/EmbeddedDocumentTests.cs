using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PredictiveModels.Cli.Rendering.Documents;
using CliJson = PredictiveModels.Cli.Rendering.Json;

namespace PredictiveModels.Cli.Tests.Rendering.Documents;

public sealed class EmbeddedDocumentTests
{
    private static JsonTypeInfo<EmbeddedDocument> TypeInfo => (JsonTypeInfo<EmbeddedDocument>)CliJson.Documents.GetTypeInfo(typeof(EmbeddedDocument))!;

    [Fact]
    public void An_embedded_document_is_written_byte_for_byte_with_its_own_indentation_and_newline()
    {
        const string document = "{\n  \"schemaVersion\": 1,\n  \"command\": \"score\"\n}\n";

        JsonSerializer.Serialize(new EmbeddedDocument(document), TypeInfo).Should().Be(document);
    }

    [Fact]
    public void Text_that_is_not_one_json_value_is_refused_when_written()
    {
        var act = () => JsonSerializer.Serialize(new EmbeddedDocument("{\"a\": "), TypeInfo);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void An_embedded_document_is_never_read_back()
    {
        var act = () => JsonSerializer.Deserialize("{}", TypeInfo);

        act.Should().Throw<NotSupportedException>();
    }
}
