using System.Globalization;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// The values a numeric parameter accepts: a finite number between a lower and an upper bound, each inclusive or
/// exclusive, and optionally whole numbers only. Every range is finite-valued: NaN and infinities are refused. The
/// range also words the error for a value outside it, so that the scenario reader, the typed specifications and a
/// sweep say the same thing about the same value. Immutable.
/// </summary>
public sealed class ParameterRange
{
    private readonly Wording _wording;
    private readonly string _unitSuffix;

    private ParameterRange(double minimum, double maximum, bool minimumExclusive, bool maximumExclusive, bool wholeNumbers, Wording wording, string unitSuffix = "")
    {
        Minimum = minimum;
        Maximum = maximum;
        MinimumExclusive = minimumExclusive;
        MaximumExclusive = maximumExclusive;
        WholeNumbers = wholeNumbers;
        _wording = wording;
        _unitSuffix = unitSuffix;
    }

    private enum Wording
    {
        Bits,
        Positive,
        AtLeast,
        Limits,
        Between,
        StrictlyBetween,
    }

    /// <summary>The lower bound; finite.</summary>
    public double Minimum { get; }

    /// <summary>The upper bound; <see cref="double.PositiveInfinity"/> when only finiteness bounds the value.</summary>
    public double Maximum { get; }

    /// <summary>True when <see cref="Minimum"/> itself is refused (the value must be greater than it).</summary>
    public bool MinimumExclusive { get; }

    /// <summary>True when <see cref="Maximum"/> itself is refused (the value must be less than it).</summary>
    public bool MaximumExclusive { get; }

    /// <summary>True when only whole numbers are accepted (read from a scenario as integers).</summary>
    public bool WholeNumbers { get; }

    /// <summary>
    /// The probability that a belief about the parameter falls outside this range, from 0 to 1: the mass below the
    /// minimum plus the mass above the maximum, an exclusive bound's own point counting as outside. A range of
    /// <see cref="WholeNumbers"/> is treated as the continuous interval between its bounds: the mass between two whole
    /// numbers counts as inside.
    /// </summary>
    /// <param name="belief">The belief, in the parameter's unit.</param>
    public double ProbabilityOutside(Uncertainty.BeliefDistribution belief)
    {
        ArgumentNullException.ThrowIfNull(belief);
        return belief.ProbabilityOutside(Minimum, MinimumExclusive, Maximum, MaximumExclusive);
    }

    /// <summary>True when the range has a finite upper bound.</summary>
    public bool HasMaximum => double.IsFinite(Maximum);

    /// <summary>A description length in bits: 0 to 10^15 inclusive (the largest accepted for one part, so that every sum stays finite).</summary>
    public static ParameterRange Bits { get; } = new(0, SpecificationRules.MaxBits, false, false, false, Wording.Bits);

    /// <summary>Any finite number greater than 0.</summary>
    public static ParameterRange Positive { get; } = new(0, double.PositiveInfinity, true, false, false, Wording.Positive);

    /// <summary>Any finite number at least <paramref name="minimum"/>.</summary>
    /// <param name="minimum">The inclusive lower bound; finite.</param>
    public static ParameterRange AtLeast(double minimum) => new(minimum, double.PositiveInfinity, false, false, false, Wording.AtLeast);

    /// <summary>A finite number from <paramref name="minimum"/> to <paramref name="maximum"/>, both inclusive; an error names the bound passed.</summary>
    /// <param name="minimum">The inclusive lower bound; finite.</param>
    /// <param name="maximum">The inclusive upper bound; finite, at least <paramref name="minimum"/>.</param>
    public static ParameterRange Limits(double minimum, double maximum) => new(minimum, maximum, false, false, false, Wording.Limits);

    /// <summary>A number from <paramref name="minimum"/> to <paramref name="maximum"/>, both inclusive; an error states both bounds.</summary>
    /// <param name="minimum">The inclusive lower bound; finite.</param>
    /// <param name="maximum">The inclusive upper bound; finite, at least <paramref name="minimum"/>.</param>
    /// <param name="wholeNumbers">True to accept whole numbers only.</param>
    /// <param name="unitSuffix">Words after the upper bound in an error, e.g. <c>" nodes"</c>; empty by default.</param>
    public static ParameterRange Between(double minimum, double maximum, bool wholeNumbers = false, string unitSuffix = "") =>
        new(minimum, maximum, false, false, wholeNumbers, Wording.Between, unitSuffix);

    /// <summary>A number strictly between <paramref name="minimum"/> and <paramref name="maximum"/>: both bounds refused.</summary>
    /// <param name="minimum">The exclusive lower bound; finite.</param>
    /// <param name="maximum">The exclusive upper bound; finite, greater than <paramref name="minimum"/>.</param>
    public static ParameterRange StrictlyBetween(double minimum, double maximum) => new(minimum, maximum, true, true, false, Wording.StrictlyBetween);

    /// <summary>True when <paramref name="value"/> is in the range.</summary>
    /// <param name="value">Any number, NaN and infinities included (they are never in a range).</param>
    public bool Contains(double value) =>
        double.IsFinite(value)
        && (MinimumExclusive ? value > Minimum : value >= Minimum)
        && (MaximumExclusive ? value < Maximum : value <= Maximum)
        && (!WholeNumbers || value == Math.Round(value));

    /// <summary>Null when <paramref name="value"/> is in the range, else the error, naming the value as <paramref name="what"/>.</summary>
    /// <param name="value">The value to check.</param>
    /// <param name="what">How the message names the value, e.g. <c>the KL weight</c>.</param>
    public string? Check(double value, string what)
    {
        if (_wording is Wording.Between or Wording.StrictlyBetween)
        {
            // These wordings state both bounds whatever is wrong, NaN included.
            var how = _wording == Wording.StrictlyBetween ? "strictly between" : "between";
            var bounds = HasMaximum ? $"{how} {FormatBound(Minimum)} and {FormatBound(Maximum)}" : $"at least {FormatBound(Minimum)}";
            return Contains(value) ? null : $"{what} is {SpecificationRules.Format(value)}, but it must be {bounds}{_unitSuffix}";
        }

        return _wording switch
        {
            Wording.Bits => SpecificationRules.CheckBits(value, what),
            Wording.Positive => SpecificationRules.CheckPositive(value, what),
            Wording.AtLeast when Minimum == 0 => SpecificationRules.CheckNonNegative(value, what),
            Wording.AtLeast => SpecificationRules.CheckAtLeast(value, Minimum, what),
            _ => SpecificationRules.CheckRange(value, Minimum, Maximum, what),
        };
    }

    /// <summary>The range in a few characters for help texts and tables, e.g. <c>0 to 1e6</c>, <c>&gt; 0</c>, <c>&gt;= 0</c>, <c>whole number 1 to 10000</c>.</summary>
    public override string ToString() => _wording switch
    {
        Wording.Positive => "> " + FormatBound(Minimum),
        Wording.AtLeast => ">= " + FormatBound(Minimum),
        _ when !HasMaximum => $"{(WholeNumbers ? "whole number " : "")}>= {FormatBound(Minimum)}",
        Wording.StrictlyBetween => $"strictly between {FormatBound(Minimum)} and {FormatBound(Maximum)}",
        _ => $"{(WholeNumbers ? "whole number " : "")}{FormatBound(Minimum)} to {FormatBound(Maximum)}",
    };

    /// <summary>A bound as people write it: powers of ten beyond 10^4 or below 10^-1 as <c>1e6</c>, <c>1e-15</c>; other numbers as they are.</summary>
    internal static string FormatBound(double value)
    {
        if (value > 0 && double.IsFinite(value))
        {
            var exponent = (int)Math.Round(Math.Log10(value));
            if ((exponent > 4 || exponent < -1) && double.Parse("1e" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) == value)
            {
                return "1e" + exponent.ToString(CultureInfo.InvariantCulture);
            }
        }

        return SpecificationRules.Format(value);
    }
}
