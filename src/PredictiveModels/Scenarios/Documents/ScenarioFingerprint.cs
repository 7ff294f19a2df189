using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>
/// The SHA-256 fingerprint of a scenario document after <c>extends</c> is resolved: the hash of a canonical JSON
/// rendering of the merged tree, so that what the fingerprint names is the beliefs the scenario states, not how the
/// file is laid out.
/// </summary>
/// <remarks>
/// The canonical rendering is compact UTF-8 JSON in which
/// <list type="bullet">
/// <item>a mapping is an object whose keys are sorted by ordinal comparison (key order in the file does not count);</item>
/// <item>a list keeps its order;</item>
/// <item>an unquoted scalar that reads as a finite number is written as the shortest round-trip form of that
/// <see cref="double"/> (<c>1</c>, <c>1.0</c> and <c>1e0</c> are the same belief);</item>
/// <item>every other scalar is a JSON string of its text, and a null is <c>null</c>;</item>
/// <item>the root's <c>$schema</c> key, which only points editors at the JSON Schema, is left out.</item>
/// </list>
/// Comments, indentation, quoting style and the choice between YAML and JSON therefore leave the fingerprint
/// unchanged; a base scenario that changes changes the fingerprint of every scenario extending it.
/// </remarks>
internal static class ScenarioFingerprint
{
    /// <summary>The lower-case hexadecimal SHA-256 (64 characters) of the canonical rendering of <paramref name="resolvedRoot"/>.</summary>
    public static string Of(DocNode resolvedRoot) => Convert.ToHexStringLower(SHA256.HashData(Canonical(resolvedRoot)));

    /// <summary>The canonical UTF-8 JSON rendering of a resolved document tree.</summary>
    internal static byte[] Canonical(DocNode resolvedRoot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false, MaxDepth = DocumentLimits.MaxDepth + 8 }))
        {
            Write(writer, resolvedRoot, isRoot: true);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, DocNode node, bool isRoot)
    {
        switch (node)
        {
            case DocMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries
                    .Where(e => !(isRoot && e.Key.Value == "$schema"))
                    .OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(entry.Key.Value);
                    Write(writer, entry.Value, isRoot: false);
                }

                writer.WriteEndObject();
                break;
            case DocSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item, isRoot: false);
                }

                writer.WriteEndArray();
                break;
            case DocScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case DocScalar { IsQuoted: false } scalar
                when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case DocScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
            default:
                throw new InvalidOperationException($"A document node of type {node.GetType().Name} has no canonical form.");
        }
    }
}
