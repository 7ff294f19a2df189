using System.Globalization;
using System.Numerics;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>
/// Parses the expression syntax:
/// <code>
/// expression  := hole | natural | identifier [ "(" [ expression { "," expression } ] ")" ]
/// hole        := "?" identifier ":" type
/// identifier  := letter-or-underscore { letter | digit | underscore }
/// natural     := digit { digit }
/// type        := Stream | Quantity | Predicate | Time | Nat | Procedure
/// </code>
/// Whitespace, including line breaks, may stand between tokens. Errors carry the line and column
/// of the offending character, relative to the origin the caller gives (e.g. where the
/// expression starts inside a scenario file).
/// </summary>
public sealed class ExpressionParser
{
    private readonly string _text;
    private readonly SourceLocation _origin;
    private int _position;

    // Where the line holding _lineStart begins, counted from the origin's line: Here() moves these forward
    // from the last position asked for, so locating every token costs linear time in all.
    private int _scanned;
    private int _line;
    private int _lineStart;

    private ExpressionParser(string text, SourceLocation origin)
    {
        _text = text;
        _origin = origin;
    }

    /// <summary>Parses <paramref name="text"/>, reporting locations relative to <paramref name="origin"/>.</summary>
    /// <param name="text">The expression text.</param>
    /// <param name="origin">Location of the first character of <paramref name="text"/>; default <c>&lt;expression&gt;:1:1</c>.</param>
    /// <returns>The expression tree; nodes carry their source locations.</returns>
    /// <exception cref="ModelException">The text is empty or malformed; the diagnostic gives line and column.</exception>
    public static Expression Parse(string text, SourceLocation? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text, origin ?? new SourceLocation("<expression>", 1, 1));
        parser.SkipWhitespace();
        if (parser.AtEnd)
        {
            throw parser.Error("expected an expression but the text is empty");
        }

        var expression = parser.ParseExpression(depth: 0);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}' after the end of the expression");
        }

        return expression;
    }

    /// <summary>The deepest nesting of applications accepted.</summary>
    public const int MaxDepth = 256;

    /// <summary>The most digits a natural-number literal may have (a literal of 1,000 digits costs about 3,330 bits).</summary>
    public const int MaxLiteralDigits = 1000;

    /// <summary>The longest identifier (concept, hole or type name) accepted, in characters.</summary>
    public const int MaxIdentifierLength = SpecificationRules.MaxIdentifierLength;

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private Expression ParseExpression(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"expression nested deeper than {MaxDepth} levels");
        }

        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("expected an expression but the text ended");
        }

        var start = Here();
        var c = Current;
        if (c == '?')
        {
            _position++;
            var name = ReadIdentifier("a hole name after '?'");
            SkipWhitespace();
            Expect(':', "':' and a type after the hole name (e.g. ?objective: Quantity)");
            SkipWhitespace();
            var typeStart = Here();
            var typeName = ReadIdentifier("a type name");
            if (!Enum.TryParse<ModelType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type))
            {
                throw new ModelException(
                    $"unknown type '{typeName}'; the types are {string.Join(", ", Enum.GetNames<ModelType>())}", typeStart);
            }

            return new Hole(name, type, start);
        }

        if (char.IsAsciiDigit(c))
        {
            var begin = _position;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }

            if (_position - begin > MaxLiteralDigits)
            {
                _position = begin;
                throw Error(string.Create(CultureInfo.InvariantCulture, $"a natural-number literal has at most {MaxLiteralDigits} digits"));
            }

            if (!AtEnd && (char.IsAsciiLetter(Current) || Current == '_' || Current == '.'))
            {
                throw Error($"'{Current}' cannot follow a natural-number literal: literals are whole numbers of digits only");
            }

            var value = BigInteger.Parse(_text.AsSpan(begin, _position - begin), NumberStyles.None, CultureInfo.InvariantCulture);
            return new NatLiteral(value, start);
        }

        if (c == '-')
        {
            throw Error("negative numbers are not natural-number literals");
        }

        var head = ReadIdentifier("a concept name, a number or a hole");
        SkipWhitespace();
        if (AtEnd || Current != '(')
        {
            return new Application(head, null, start);
        }

        _position++;
        var arguments = new List<Expression>();
        SkipWhitespace();
        if (!AtEnd && Current == ')')
        {
            _position++;
            return new Application(head, arguments, start);
        }

        while (true)
        {
            arguments.Add(ParseExpression(depth + 1));
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error($"missing ')' to close the arguments of '{head}'");
            }

            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current == ')')
            {
                _position++;
                return new Application(head, arguments, start);
            }

            throw Error($"expected ',' or ')' in the arguments of '{head}' but found '{Current}'");
        }
    }

    private string ReadIdentifier(string what)
    {
        if (AtEnd)
        {
            throw Error($"expected {what} but the text ended");
        }

        if (!(char.IsAsciiLetter(Current) || Current == '_'))
        {
            throw Error($"expected {what} but found '{Current}'");
        }

        var begin = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
        {
            _position++;
        }

        if (_position - begin > MaxIdentifierLength)
        {
            _position = begin;
            throw Error(string.Create(CultureInfo.InvariantCulture, $"a name has at most {MaxIdentifierLength} characters"));
        }

        return _text[begin.._position];
    }

    private void Expect(char c, string what)
    {
        if (AtEnd)
        {
            throw Error($"expected {what} but the text ended");
        }

        if (Current != c)
        {
            throw Error($"expected {what} but found '{Current}'");
        }

        _position++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private SourceLocation Here()
    {
        if (_position < _scanned)
        {
            // Errors may point back at the start of a token: count again from the beginning.
            (_scanned, _line, _lineStart) = (0, 0, 0);
        }

        for (; _scanned < _position && _scanned < _text.Length; _scanned++)
        {
            if (_text[_scanned] == '\n')
            {
                _line++;
                _lineStart = _scanned + 1;
            }
        }

        var column = _position - _lineStart;
        return _line == 0
            ? _origin.Advance(column)
            : _origin with { Line = _origin.Line + _line, Column = column + 1 };
    }

    private ModelException Error(string message) => new(message, Here());
}
