using PredictiveModels.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PredictiveModels.Scenarios.Documents;

/// <summary>
/// Reads YAML text into a <see cref="DocNode"/> tree with 1-based lines and columns. The tree is built
/// from the parser's events as they stream, so that hostile input is refused before it costs anything:
/// nesting deeper than <see cref="DocumentLimits.MaxDepth"/> is refused at the collection that goes too deep
/// (before any recursion into it), and the first anchor or alias is refused where it stands (before
/// anything is expanded). Every location lies inside the text: YamlDotNet places the end of the stream on a
/// line after the last one, which is reported as the end of the last line instead.
/// </summary>
internal static class YamlFrontEnd
{
    public static DocNode Read(string text, string source)
    {
        var origin = Origin.Of(text, source);
        var parser = new FlowTrackingParser(new Parser(new StringReader(text)));
        try
        {
            Next(parser, origin);
            if (parser.Current is StreamStart)
            {
                Next(parser, origin);
            }

            if (parser.Current is not DocumentStart)
            {
                throw new ModelException("the file is empty; a scenario needs at least schemaVersion and worldModel", new SourceLocation(source, 1, 1));
            }

            Next(parser, origin);
            var root = ReadNode(parser, origin, 1);
            Next(parser, origin);
            if (parser.Current is DocumentEnd)
            {
                Next(parser, origin);
            }

            if (parser.Current is DocumentStart)
            {
                Next(parser, origin);
                throw new ModelException("the file holds more than one YAML document; a scenario is one document", At(origin, parser.Current!.Start));
            }

            return root;
        }
        catch (YamlException e)
        {
            var message = Clean(e.InnerException?.Message ?? e.Message);
            throw new ModelException($"malformed YAML: {message}", At(origin, e.Start));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way, with no position, on some unclosed flow collections
            // ("a: [b, c" followed by "d: e"): point at the innermost '[' or '{' still open.
            throw parser.InnermostOpenFlow is { } open
                ? new ModelException("malformed YAML: this '[' or '{' is never closed", At(origin, open))
                : new ModelException("malformed YAML: the text after this point cannot be read; look for a '[' or '{' that is never closed", At(origin, parser.LastEnd));
        }
    }

    /// <summary>Reads the node whose first event is the parser's current one, leaving the parser on its last event.</summary>
    private static DocNode ReadNode(IParser parser, Origin origin, int depth)
    {
        var current = parser.Current!;
        var location = At(origin, current.Start);
        if (current is AnchorAlias alias)
        {
            throw new ModelException($"YAML aliases (*{alias.Value}) are not supported in scenarios; write the value out", location);
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            throw new ModelException($"YAML anchors (&{anchored.Anchor}) are not supported in scenarios; write the value out where it is used", location);
        }

        if (current is SequenceStart or MappingStart && depth > DocumentLimits.MaxDepth)
        {
            throw new ModelException(DocumentLimits.TooDeep, location);
        }

        switch (current)
        {
            case Scalar scalar:
                var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                var isNull = !quoted && (scalar.Value is "" or "~" or "null" or "Null" or "NULL")
                    && scalar.Style is not ScalarStyle.Literal and not ScalarStyle.Folded;
                var contentStart = quoted ? location.Advance(1) : location;
                return new DocScalar(scalar.Value, quoted, isNull, location, contentStart);

            case SequenceStart:
                var items = new List<DocNode>();
                while (Next(parser, origin) is not SequenceEnd)
                {
                    items.Add(ReadNode(parser, origin, depth + 1));
                }

                return new DocSequence(items, location);

            case MappingStart:
                var entries = new List<KeyValuePair<DocScalar, DocNode>>();
                var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                while (Next(parser, origin) is not MappingEnd)
                {
                    var keyStart = parser.Current!.Start;
                    if (ReadNode(parser, origin, depth + 1) is not DocScalar { IsNull: false } key)
                    {
                        throw new ModelException("a mapping key must be a plain name", At(origin, keyStart));
                    }

                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        throw new ModelException($"the key '{key.Value}' appears twice in this mapping (first at line {first.Line})", key.Location);
                    }

                    seen[key.Value] = key.Location;
                    Next(parser, origin);
                    entries.Add(new(key, ReadNode(parser, origin, depth + 1)));
                }

                return new DocMapping(entries, location);

            default:
                throw new ModelException($"malformed YAML: unexpected {current.GetType().Name}", location);
        }
    }

    private static ParsingEvent Next(IParser parser, Origin origin)
    {
        if (!parser.MoveNext())
        {
            throw new ModelException("malformed YAML: the text ends in the middle of the document", origin.End);
        }

        return parser.Current!;
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
            try
            {
                if (!inner.MoveNext())
                {
                    return false;
                }
            }
            catch (ArgumentException e)
            {
                // YamlDotNet lets a few malformed inputs escape as argument errors of its own helpers instead of
                // a YamlException: an empty %TAG prefix, an escaped high surrogate (\ud800) followed by something
                // other than a low one. They are malformed YAML like any other, after the last event read.
                var message = e.Message;
                var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
                throw new YamlException(LastEnd, LastEnd, (cut > 0 ? message[..cut] : message).TrimEnd('.'));
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

    private static SourceLocation At(Origin origin, Mark mark)
    {
        var line = (int)Math.Clamp(mark.Line, 1, int.MaxValue);
        var column = (int)Math.Clamp(mark.Column, 1, int.MaxValue);
        var end = origin.End;
        return line > end.Line || (line == end.Line && column > end.Column) ? end : new(origin.Source, line, column);
    }

    /// <summary>The file a text came from, and where its text ends.</summary>
    /// <param name="Source">The file name used in messages.</param>
    /// <param name="End">The position just after the last character, lines counted as YAML counts them.</param>
    private sealed record Origin(string Source, SourceLocation End)
    {
        public static Origin Of(string text, string source)
        {
            // YAML breaks lines at \r\n, \r, \n, NEL and the Unicode line and paragraph separators.
            var (line, column) = (1, 1);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
                {
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                    (line, column) = (line + 1, 1);
                }
                else
                {
                    column++;
                }
            }

            return new(source, new SourceLocation(source, line, column));
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: x, Col: y, Idx: z) - (...): "; the location is given separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }
}
