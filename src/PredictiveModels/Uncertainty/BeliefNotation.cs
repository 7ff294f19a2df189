using System.Globalization;
using MathNet.Numerics.Distributions;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// Reads a belief stated in Squiggle's notation into a <see cref="BeliefDistribution"/>. The forms, with spaces
/// allowed between any two tokens and numbers in the invariant culture (<c>-2.5</c>, <c>1e-3</c>):
/// <list type="bullet">
/// <item><c>A to B</c>: a 90% interval, 5% quantile A and 95% quantile B (A &lt; B); a lognormal when A and B are both
/// greater than 0, a normal otherwise;</item>
/// <item><c>normal(mean, sd)</c>, <c>lognormal(mu, sigma)</c> (of ln x), <c>uniform(a, b)</c>, <c>loguniform(a, b)</c>
/// (uniform in ln x), <c>beta(a, b)</c>, <c>triangular(a, mode, b)</c>, <c>pointMass(x)</c>, and a plain number
/// <c>x</c> for <c>pointMass(x)</c>;</item>
/// <item><c>truncate(DIST, lo, hi)</c>: any of these restricted to (lo, hi] and renormalised, nested at most
/// <see cref="MaxDepth"/> deep.</item>
/// </list>
/// Names are case-sensitive, as in Squiggle.
/// </summary>
public static class BeliefNotation
{
    /// <summary>The longest belief accepted, in characters (UTF-16 code units); a longer text is refused before it is read.</summary>
    public const int MaxLength = 1000;

    /// <summary>How many <c>truncate(...)</c> may enclose one another.</summary>
    public const int MaxDepth = 8;

    /// <summary>The label of a belief's text in the location of an error (<see cref="SourceLocation.Source"/>).</summary>
    public const string SourceLabel = "<belief>";

    private static readonly string[] Names = ["normal", "lognormal", "uniform", "loguniform", "beta", "triangular", "pointMass", "truncate"];

    /// <summary>The standard normal's 95% quantile, about 1.6449: an interval's ends lie this many sds from its centre.</summary>
    private static readonly double Z95 = Normal.InvCDF(0, 1, 0.95);

    /// <summary>Reads <paramref name="text"/> as a belief.</summary>
    /// <param name="text">The notation, at most <see cref="MaxLength"/> characters.</param>
    /// <returns>The distribution it states.</returns>
    /// <exception cref="ModelException">When the text is not a valid belief; its one diagnostic says what was expected and
    /// where, as a 1-based column on line 1 of <see cref="SourceLabel"/>.</exception>
    public static BeliefDistribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result, out var error, out var column)
            ? result!
            : throw new ModelException(error!, new SourceLocation(SourceLabel, 1, column));
    }

    /// <summary>Reads <paramref name="text"/> as a belief, reporting a failure instead of throwing.</summary>
    /// <param name="text">The notation, at most <see cref="MaxLength"/> characters.</param>
    /// <param name="result">The distribution when the text is valid, else null.</param>
    /// <param name="error">Null when the text is valid, else what was expected or what is wrong.</param>
    /// <param name="column">0 when the text is valid, else the 1-based column (in UTF-16 code units) of the problem.</param>
    /// <returns>True when the text is a valid belief.</returns>
    public static bool TryParse(string text, out BeliefDistribution? result, out string? error, out int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = null;
        error = null;
        column = 0;
        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the belief is {text.Length} characters long; at most {MaxLength} are accepted");
            column = MaxLength + 1;
            return false;
        }

        try
        {
            result = new Reader(text).ReadBelief();
            return true;
        }
        catch (NotationException e)
        {
            error = e.Message;
            column = e.Column;
            return false;
        }
    }

    /// <summary>The notation's name of a kind, e.g. <c>pointMass</c>.</summary>
    internal static string NameOf(BeliefKind kind) => kind switch
    {
        BeliefKind.PointMass => "pointMass",
        BeliefKind.Normal => "normal",
        BeliefKind.LogNormal => "lognormal",
        BeliefKind.Uniform => "uniform",
        BeliefKind.LogUniform => "loguniform",
        BeliefKind.Beta => "beta",
        BeliefKind.Triangular => "triangular",
        _ => "truncate",
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class NotationException(string message, int column) : Exception(message)
    {
        public int Column { get; } = column;
    }

    /// <summary>A recursive-descent reader over one text; positions are 0-based inside, columns 1-based in errors.</summary>
    private sealed class Reader(string text)
    {
        private int _pos;

        public BeliefDistribution ReadBelief()
        {
            SkipSpace();
            if (_pos == text.Length)
            {
                throw Error("expected a distribution, such as '5 to 10' or 'normal(0, 1)', but the belief is empty", _pos);
            }

            var result = ReadDistribution(0, "");
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}' after the distribution; expected the end of the belief", _pos);
            }

            return result;
        }

        private static string[]? ParameterNames(string name) => name switch
        {
            "normal" => ["mean", "sd"],
            "lognormal" => ["mu", "sigma"],
            "uniform" or "loguniform" or "beta" => ["a", "b"],
            "triangular" => ["a", "mode", "b"],
            "pointMass" => ["x"],
            _ => null,
        };

        private static NotationException Error(string message, int position) => new(message, position + 1);

        private BeliefDistribution ReadDistribution(int depth, string where)
        {
            SkipSpace();
            if (_pos == text.Length)
            {
                throw Error($"expected a distribution{where} but the belief ends", _pos);
            }

            if (StartsNumber())
            {
                return ReadNumberOrInterval();
            }

            if (!char.IsAsciiLetter(text[_pos]))
            {
                throw Error($"expected a distribution{where} (a number, 'A to B' or a name such as normal(...)) but found '{text[_pos]}'", _pos);
            }

            var nameStart = _pos;
            var name = ReadName();
            if (name == "truncate")
            {
                return ReadTruncate(nameStart, depth);
            }

            var parameterNames = ParameterNames(name) ?? throw UnknownName(name, nameStart);
            Expect('(', $"expected '(' after '{name}'");
            var values = new double[parameterNames.Length];
            var columns = new int[parameterNames.Length];
            var arity = $"; {name} takes {parameterNames.Length} parameter{(parameterNames.Length == 1 ? "" : "s")}: {string.Join(", ", parameterNames)}";
            for (var i = 0; i < parameterNames.Length; i++)
            {
                columns[i] = SkipSpaceAndMark();
                values[i] = ReadNumber($"expected a number for the {parameterNames[i]} of {name}(...)");
                var last = i == parameterNames.Length - 1;
                Expect(last ? ')' : ',', $"expected '{(last ? ')' : ',')}' after the {parameterNames[i]} of {name}(...)", arity);
            }

            var made = Make(name, values, columns);
            if (!double.IsFinite(made.Median))
            {
                throw Error($"the median of {made} is beyond the largest double", nameStart);
            }

            return made;
        }

        private static BeliefDistribution Make(string name, double[] v, int[] at)
        {
            switch (name)
            {
                case "normal":
                    RequirePositive(v[1], "the sd of normal(...)", at[1]);
                    return BeliefDistribution.Create(BeliefKind.Normal, v);
                case "lognormal":
                    RequirePositive(v[1], "the sigma of lognormal(...)", at[1]);
                    return BeliefDistribution.Create(BeliefKind.LogNormal, v);
                case "uniform":
                    RequireLess(v[0], v[1], "uniform(a, b)", "a", "b", at[1]);
                    return BeliefDistribution.Create(BeliefKind.Uniform, v);
                case "loguniform":
                    RequirePositive(v[0], "the a of loguniform(...)", at[0]);
                    RequireLess(v[0], v[1], "loguniform(a, b)", "a", "b", at[1]);
                    return BeliefDistribution.Create(BeliefKind.LogUniform, v);
                case "beta":
                    RequirePositive(v[0], "the a of beta(...)", at[0]);
                    RequirePositive(v[1], "the b of beta(...)", at[1]);
                    return BeliefDistribution.Create(BeliefKind.Beta, v);
                case "triangular":
                    RequireLess(v[0], v[2], "triangular(a, mode, b)", "a", "b", at[2]);
                    if (v[1] < v[0] || v[1] > v[2])
                    {
                        throw Error($"the mode of triangular(a, mode, b) must be from a to b ({Format(v[0])} to {Format(v[2])}), but it is {Format(v[1])}", at[1]);
                    }

                    return BeliefDistribution.Create(BeliefKind.Triangular, v);
                default:
                    return BeliefDistribution.Create(BeliefKind.PointMass, v);
            }
        }

        private static void RequirePositive(double value, string what, int position)
        {
            if (!(value > 0))
            {
                throw Error($"{what} must be greater than 0, but it is {Format(value)}", position);
            }
        }

        private static void RequireLess(double a, double b, string form, string aName, string bName, int position)
        {
            if (!(a < b))
            {
                throw Error($"in {form} the {aName} must be less than the {bName}, but {Format(a)} >= {Format(b)}", position);
            }
        }

        private static NotationException UnknownName(string name, int position)
        {
            var lower = name.ToLowerInvariant();
            if (lower is "nan" or "inf" or "infinity")
            {
                return Error($"numbers must be finite; '{name}' is not accepted", position);
            }

            var exact = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            var hint = exact is not null ? $"; did you mean '{exact}'?" : NameSuggestions.DidYouMean(name, Names);
            return Error($"unknown distribution '{name}'; known: {string.Join(", ", Names)}{hint}", position);
        }

        private BeliefDistribution ReadTruncate(int nameStart, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"truncate(...) nests more than {MaxDepth} deep"), nameStart);
            }

            Expect('(', "expected '(' after 'truncate'");
            var inner = ReadDistribution(depth + 1, " as the first argument of truncate(...)");
            const string arity = "; truncate takes 3 arguments: a distribution, lo, hi";
            Expect(',', "expected ',' after the distribution in truncate(...)", arity);
            SkipSpace();
            var lo = ReadNumber("expected a number for the lo of truncate(...)");
            Expect(',', "expected ',' after the lo of truncate(...)", arity);
            var hiAt = SkipSpaceAndMark();
            var hi = ReadNumber("expected a number for the hi of truncate(...)");
            Expect(')', "expected ')' after the hi of truncate(...)", arity);
            RequireLess(lo, hi, "truncate(DIST, lo, hi)", "lo", "hi", hiAt);
            if (!(BeliefDistribution.TruncatedMass(inner, lo, hi) > 0))
            {
                throw Error($"truncate(...) keeps nothing: {inner} has no probability between {Format(lo)} and {Format(hi)}", nameStart);
            }

            return BeliefDistribution.Truncate(inner, lo, hi);
        }

        private BeliefDistribution ReadNumberOrInterval()
        {
            var aAt = _pos;
            var a = ReadNumber("expected a number");
            var save = _pos;
            SkipSpace();
            if (!(_pos < text.Length && char.IsAsciiLetter(text[_pos])))
            {
                _pos = save;
                return BeliefDistribution.Create(BeliefKind.PointMass, [a]);
            }

            var wordAt = _pos;
            if (ReadName(lettersOnly: true) != "to")
            {
                throw Error($"expected 'to' or the end after the number {Format(a)}", wordAt);
            }

            SkipSpace();
            var b = ReadNumber("expected a number after 'to'");
            if (!(a < b))
            {
                throw Error($"in 'A to B' the 5% quantile A must be less than the 95% quantile B, but {Format(a)} >= {Format(b)}", aAt);
            }

            var logScale = a > 0 && b > 0;
            var (low, high) = logScale ? (Math.Log(a), Math.Log(b)) : (a, b);
            var centre = (low / 2) + (high / 2);
            var spread = ((high / 2) - (low / 2)) / Z95;
            if (!(spread > 0 && double.IsFinite(spread) && double.IsFinite(centre)))
            {
                throw Error($"the interval {Format(a)} to {Format(b)} is too narrow to state as a distribution", aAt);
            }

            return BeliefDistribution.Create(logScale ? BeliefKind.LogNormal : BeliefKind.Normal, [centre, spread]);
        }

        private double ReadNumber(string expected)
        {
            SkipSpace();
            var start = _pos;
            if (!StartsNumber())
            {
                throw Error(_pos < text.Length ? $"{expected} but found '{text[_pos]}'" : $"{expected} but the belief ends", _pos);
            }

            if (text[_pos] is '+' or '-')
            {
                _pos++;
            }

            var digits = SkipDigits();
            if (_pos < text.Length && text[_pos] == '.')
            {
                _pos++;
                digits += SkipDigits();
            }

            if (digits == 0)
            {
                throw Error($"{expected} but found '{text[start.._pos]}'", start);
            }

            if (_pos < text.Length && text[_pos] is 'e' or 'E')
            {
                var mark = _pos;
                _pos++;
                if (_pos < text.Length && text[_pos] is '+' or '-')
                {
                    _pos++;
                }

                if (SkipDigits() == 0)
                {
                    throw Error($"expected the digits of an exponent after '{text[start..(mark + 1)]}'", _pos);
                }
            }

            var span = text[start.._pos];
            if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Error($"numbers must be finite; '{span}' is not accepted", start);
            }

            return value;
        }

        private bool StartsNumber() =>
            _pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '-' or '+' or '.');

        private int SkipDigits()
        {
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            return _pos - start;
        }

        private string ReadName(bool lettersOnly = false)
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetter(text[_pos]) || (!lettersOnly && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '_'))))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private void Expect(char c, string message, string note = "")
        {
            SkipSpace();
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return;
            }

            throw Error(_pos < text.Length ? $"{message} but found '{text[_pos]}'{note}" : $"{message} but the belief ends{note}", _pos);
        }

        private int SkipSpaceAndMark()
        {
            SkipSpace();
            return _pos;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
