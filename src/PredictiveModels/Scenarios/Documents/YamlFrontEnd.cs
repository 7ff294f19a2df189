using PredictiveModels.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>Reads YAML text into a <see cref="DocNode"/> tree with 1-based lines and columns.</summary>
internal static class YamlFrontEnd
{
    public static DocNode Read(string text, string source)
    {
        var stream = new YamlStream();
        var parser = new FlowTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = Clean(e.InnerException?.Message ?? e.Message);
            const string duplicate = "Duplicate key ";
            if (message.StartsWith(duplicate, StringComparison.Ordinal))
            {
                throw new ModelException($"the key '{message[duplicate.Length..]}' appears twice in this mapping", At(source, e.Start));
            }

            throw new ModelException($"malformed YAML: {message}", At(source, e.Start));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way, with no position, on some unclosed flow collections
            // ("a: [b, c" followed by "d: e"): point at the innermost '[' or '{' still open.
            throw parser.InnermostOpenFlow is { } open
                ? new ModelException("malformed YAML: this '[' or '{' is never closed", At(source, open))
                : new ModelException("malformed YAML: the text after this point cannot be read; look for a '[' or '{' that is never closed", At(source, parser.LastEnd));
        }

        if (stream.Documents.Count == 0)
        {
            throw new ModelException("the file is empty; a scenario needs at least schemaVersion and worldModel", new SourceLocation(source, 1, 1));
        }

        if (stream.Documents.Count > 1)
        {
            throw new ModelException("the file holds more than one YAML document; a scenario is one document", At(source, stream.Documents[1].RootNode.Start));
        }

        return Convert(stream.Documents[0].RootNode, source);
    }

    private static DocNode Convert(YamlNode node, string source)
    {
        var location = At(source, node.Start);
        switch (node)
        {
            case YamlScalarNode scalar:
                var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                var isNull = !quoted && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL")
                    && scalar.Style is not ScalarStyle.Literal and not ScalarStyle.Folded;
                var contentStart = quoted ? location.Advance(1) : location;
                return new DocScalar(scalar.Value ?? "", quoted, isNull, location, contentStart);

            case YamlSequenceNode sequence:
                return new DocSequence(sequence.Children.Select(c => Convert(c, source)).ToArray(), location);

            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<DocScalar, DocNode>>();
                var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (Convert(keyNode, source) is not DocScalar key || key.IsNull)
                    {
                        throw new ModelException("a mapping key must be a plain name", At(source, keyNode.Start));
                    }

                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        throw new ModelException($"the key '{key.Value}' appears twice in this mapping (first at line {first.Line})", key.Location);
                    }

                    seen[key.Value] = key.Location;
                    entries.Add(new(key, Convert(valueNode, source)));
                }

                return new DocMapping(entries, location);

            default:
                throw new ModelException("YAML aliases are not supported in scenarios; write the value out", location);
        }
    }

    /// <summary>Passes YAML events through, remembering where the flow collections still open began.</summary>
    private sealed class FlowTrackingParser(IParser inner) : IParser
    {
        private readonly Stack<Mark?> _open = new();

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the innermost open '[' or '{' is; null when no flow collection is open.</summary>
        public Mark? InnermostOpenFlow => _open.Count > 0 ? _open.Peek() : null;

        /// <summary>The end of the last event read.</summary>
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            LastEnd = current.End;
            switch (current)
            {
                case SequenceStart sequence:
                    _open.Push(sequence.Style == SequenceStyle.Flow ? sequence.Start : null);
                    break;
                case MappingStart mapping:
                    _open.Push(mapping.Style == MappingStyle.Flow ? mapping.Start : null);
                    break;
                case SequenceEnd or MappingEnd when _open.Count > 0:
                    _open.Pop();
                    break;
            }

            return true;
        }
    }

    private static SourceLocation At(string source, Mark mark) =>
        new(source, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: x, Col: y, Idx: z) - (...): "; the location is given separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }
}
