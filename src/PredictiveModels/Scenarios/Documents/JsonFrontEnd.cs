using System.Globalization;
using System.Text;
using System.Text.Json;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>Reads JSON text into a <see cref="DocNode"/> tree with 1-based lines and columns.</summary>
internal static class JsonFrontEnd
{
    public static DocNode Read(string text, string source)
    {
        // Utf8JsonReader reports empty input in its own jargon ("does not contain any JSON tokens ...
        // when isFinalBlock is true"), so empty input is caught here, as the YAML front end does.
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ModelException("the file is empty; a scenario needs at least schemaVersion and worldModel", new SourceLocation(source, 1, 1));
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        SourceLocation At(long offset, int shift = 0)
        {
            var index = lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)offset - lineStarts[line]) + 1 + shift;
            return new SourceLocation(source, line + 1, column);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = DocumentLimits.MaxDepth + 1 });
        try
        {
            if (!reader.Read())
            {
                throw new ModelException("the file is empty; a scenario needs at least schemaVersion and worldModel", new SourceLocation(source, 1, 1));
            }

            var root = ReadValue(ref reader, At, 1);
            if (reader.Read())
            {
                throw new ModelException("unexpected content after the end of the JSON document", At(reader.TokenStartIndex));
            }

            return root;
        }
        catch (JsonException e)
        {
            // The reader counts bytes within the line; a SourceLocation counts UTF-16 characters.
            var lineIndex = (int)Math.Clamp(e.LineNumber ?? 0, 0, lineStarts.Count - 1);
            var byteInLine = (int)Math.Clamp(e.BytePositionInLine ?? 0, 0, bytes.Length - lineStarts[lineIndex]);
            var line = lineIndex + 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[lineIndex], byteInLine) + 1;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            throw new ModelException($"malformed JSON: {message.TrimEnd('.', ' ')}", new SourceLocation(source, line, column));
        }
    }

    private delegate SourceLocation Locator(long offset, int shift = 0);

    /// <summary>
    /// The value of the string token the reader is on. The reader accepts an escaped UTF-16 surrogate that is not
    /// half of a pair (<c>"\ud800"</c>) while it scans, and fails only when the value is asked for, with an
    /// <see cref="InvalidOperationException"/> and no position: that is malformed JSON, located at the string.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, SourceLocation location)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ModelException(@"malformed JSON: this string holds an escaped UTF-16 surrogate (\ud800 to \udfff) that is not half of a high-low pair", location);
        }
    }

    private static DocNode ReadValue(ref Utf8JsonReader reader, Locator at, int depth)
    {
        var location = at(reader.TokenStartIndex);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && depth > DocumentLimits.MaxDepth)
        {
            throw new ModelException(DocumentLimits.TooDeep, location);
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<DocScalar, DocNode>>();
                var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyLocation = at(reader.TokenStartIndex);
                    var name = ReadString(ref reader, keyLocation);
                    if (seen.TryGetValue(name, out var first))
                    {
                        throw new ModelException($"the key '{name}' appears twice in this object (first at line {first.Line})", keyLocation);
                    }

                    seen[name] = keyLocation;
                    var key = new DocScalar(name, true, false, keyLocation, keyLocation.Advance(1));
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, at, depth + 1)));
                }

                return new DocMapping(entries, location);

            case JsonTokenType.StartArray:
                var items = new List<DocNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, at, depth + 1));
                }

                return new DocSequence(items, location);

            case JsonTokenType.String:
                return new DocScalar(ReadString(ref reader, location), true, false, location, at(reader.TokenStartIndex, 1));

            case JsonTokenType.Number:
                var number = reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan);
                return new DocScalar(number, false, false, location, location);

            case JsonTokenType.True:
            case JsonTokenType.False:
                return new DocScalar(reader.GetBoolean() ? "true" : "false", false, false, location, location);

            case JsonTokenType.Null:
                return new DocScalar("", false, true, location, location);

            default:
                throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"unexpected JSON token {reader.TokenType}"), location);
        }
    }
}
