using System.Text;

namespace PredictiveModels.Rendering.Report;

/// <summary>
/// Writes XHTML-compatible HTML5 (the polyglot subset: every element closed, attributes quoted, only the five XML
/// entities) to a text writer, escaping every text and attribute value, so the document parses both as HTML and as XML.
/// Lines end with <c>\n</c> whatever the platform, so the same content gives the same bytes everywhere.
/// </summary>
internal sealed class HtmlWriter(TextWriter writer)
{
    private readonly Stack<string> open = new();

    /// <summary>Writes text as it is: markup the caller has already made safe (the doctype, inline SVG).</summary>
    public HtmlWriter Raw(string markup)
    {
        writer.Write(markup);
        return this;
    }

    /// <summary>Ends a line.</summary>
    public HtmlWriter Line()
    {
        writer.Write('\n');
        return this;
    }

    /// <summary>Opens an element; <paramref name="attributes"/> are name/value pairs, a null value leaves the attribute out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        writer.Write('>');
        open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element, which must be <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        var top = open.Pop();
        if (!string.Equals(top, tag, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"closing <{tag}> while <{top}> is open");
        }

        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
        return this;
    }

    /// <summary>An element with escaped text content (an empty element when <paramref name="text"/> is empty).</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes);
        Text(text);
        return Close(tag);
    }

    /// <summary>A void element (<c>meta</c>, <c>br</c>), written self-closed as XML wants.</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        writer.Write("/>");
        return this;
    }

    /// <summary>Escaped text content.</summary>
    public HtmlWriter Text(string text)
    {
        writer.Write(Escape(text, attribute: false));
        return this;
    }

    /// <summary>Whether every element opened has been closed.</summary>
    public bool IsBalanced => open.Count == 0;

    private void StartTag(string tag, (string Name, string? Value)[] attributes)
    {
        writer.Write('<');
        writer.Write(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            writer.Write(' ');
            writer.Write(name);
            writer.Write("=\"");
            writer.Write(Escape(value, attribute: true));
            writer.Write('"');
        }
    }

    /// <summary>
    /// Text made safe for XML and HTML alike: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped (and <c>"</c> in an
    /// attribute), and every character that XML 1.0 forbids (control characters other than tab, line feed and
    /// carriage return, lone surrogates, U+FFFE and U+FFFF) replaced by U+FFFD, so no input can break the document.
    /// </summary>
    public static string Escape(string text, bool attribute)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    b.Append("&amp;");
                    break;
                case '<':
                    b.Append("&lt;");
                    break;
                case '>':
                    b.Append("&gt;");
                    break;
                case '"' when attribute:
                    b.Append("&quot;");
                    break;
                case '\t' or '\n':
                    b.Append(attribute ? ' ' : c);
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r':
                    b.Append(attribute ? ' ' : '\n');
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    b.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        b.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        b.Append('\uFFFD');
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.ToString();
    }
}
