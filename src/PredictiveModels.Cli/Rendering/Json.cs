using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Rendering;

/// <summary>Writes the JSON documents of the CLI: indented, deterministic, numbers in shortest round-trip form.</summary>
internal static class Json
{
    /// <summary>The version of the CLI's JSON output; documented in docs/cli.md.</summary>
    public const int SchemaVersion = 1;

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
