using System.Text.Json;
using System.Text.Json.Serialization;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// Another command's whole JSON document, embedded as it is, bytes unchanged, as the value of a property (the
/// <c>score</c>, <c>posterior</c> and <c>train</c> sections of <c>run</c>). Its own indentation and closing newline
/// are kept, as they have been since schema version 1, so each section is byte for byte the command's own output.
/// </summary>
/// <param name="Json">The document, valid JSON (checked when written).</param>
[JsonConverter(typeof(EmbeddedDocumentConverter))]
internal sealed record EmbeddedDocument(string Json);

/// <summary>Writes an <see cref="EmbeddedDocument"/> as its raw text, checked to be one JSON value; it is never read.</summary>
internal sealed class EmbeddedDocumentConverter : JsonConverter<EmbeddedDocument>
{
    /// <inheritdoc />
    public override EmbeddedDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the CLI writes its documents and never reads them back");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EmbeddedDocument value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: false);
}
