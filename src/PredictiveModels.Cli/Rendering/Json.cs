using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Rendering;

/// <summary>
/// Writes the JSON documents of the CLI: indented, deterministic, numbers in shortest round-trip form, a newline at the
/// end. A command's document is a record of <see cref="Documents"/> serialised through the source-generated
/// <see cref="OutputJsonContext"/>; the commands whose documents are still written by hand use <see cref="Document"/>.
/// </summary>
internal static class Json
{
    /// <summary>The version of the CLI's JSON output; documented in docs/cli.md.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// The generated serialisers of the documents (one property per document type), with the escaping of
    /// <see cref="Document"/>: non-ASCII text as it is, not as <c>\uXXXX</c>.
    /// </summary>
    public static readonly OutputJsonContext Documents = new(new JsonSerializerOptions(OutputJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serialises a document through its generated serialiser, with the trailing newline every document ends with.</summary>
    /// <param name="document">The document.</param>
    /// <param name="typeInfo">Its serialiser, the property of <see cref="Documents"/> named after its type.</param>
    public static string Serialize<T>(T document, JsonTypeInfo<T> typeInfo)
        where T : OutputDocument =>
        JsonSerializer.Serialize(document, typeInfo) + "\n";

    /// <summary>A number as the documents write it: itself when finite, null otherwise (JSON has no infinities).</summary>
    public static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;

    /// <summary>A number as the documents write it: itself when present and finite, null otherwise.</summary>
    public static double? FiniteOrNull(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    public static string Document(string command, Scenario? scenario, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteString("command", command);
            if (scenario is not null)
            {
                writer.WriteStartObject("scenario");
                writer.WriteString("name", scenario.Name);
                writer.WriteString("source", scenario.Source);
                writer.WriteEndObject();
            }

            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Breakdown(Utf8JsonWriter writer, string name, BitBreakdown breakdown)
    {
        writer.WritePropertyName(name);
        Breakdown(writer, breakdown);
    }

    private static void Breakdown(Utf8JsonWriter writer, BitBreakdown breakdown)
    {
        writer.WriteStartObject();
        writer.WriteString("label", breakdown.Label);
        writer.WriteNumber("bits", breakdown.Bits);
        if (!breakdown.Children.IsEmpty)
        {
            writer.WriteStartArray("children");
            foreach (var child in breakdown.Children)
            {
                Breakdown(writer, child);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a number, or null when it is not finite (JSON has no infinities).</summary>
    public static void NumberOrNull(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
