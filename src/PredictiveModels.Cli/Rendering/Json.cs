using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PredictiveModels.Cli.Rendering.Documents;

namespace PredictiveModels.Cli.Rendering;

/// <summary>
/// Writes the JSON documents of the CLI: indented, deterministic, numbers in shortest round-trip form, a newline at the
/// end. Every command's document is a record of <see cref="Documents"/> serialised through the source-generated
/// <see cref="OutputJsonContext"/>.
/// </summary>
internal static class Json
{
    /// <summary>The version of the CLI's JSON output; documented in docs/cli.md.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// The generated serialisers of the documents (one property per document type), with the escaping the documents
    /// have always had: non-ASCII text as it is, not as <c>\uXXXX</c>.
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
}
