using System.Globalization;

namespace PredictiveModels.Diagnostics;

/// <summary>
/// The value rules shared by code-built specifications and the scenario loader, so that both
/// say the same thing about the same bad value. Each check returns null when the value is
/// acceptable, else a message.
/// </summary>
internal static class SpecificationRules
{
    /// <summary>The longest name (of a concept, a structure, a phase, a hole), in characters.</summary>
    public const int MaxIdentifierLength = 256;

    public static string? CheckIdentifier(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"{what} must not be empty";
        }

        if (name.Length > MaxIdentifierLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} has {name.Length} characters; at most {MaxIdentifierLength} are allowed");
        }

        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return $"{what} '{name}' is not an identifier: use letters, digits and '_', starting with a letter or '_'";
        }

        return null;
    }

    /// <summary>
    /// The largest description length accepted for one concept, in bits (10^15, about 116 TiB).
    /// Keeping every part far below the largest double keeps every sum of parts finite.
    /// </summary>
    public const double MaxBits = 1e15;

    public static string? CheckBits(double bits, string what) =>
        double.IsNaN(bits) ? $"{what} cannot be NaN; give a finite number of bits, at least 0"
        : double.IsInfinity(bits) ? $"{what} cannot be infinite; give a finite number of bits, at least 0"
        : bits < 0 ? $"{what} cannot be negative (got {Format(bits)})"
        : bits > MaxBits ? $"{what} is {Format(bits)}, more than the largest accepted, {Format(MaxBits)} bits"
        : null;

    public static string? CheckPositive(double value, string what) =>
        double.IsNaN(value) ? $"{what} cannot be NaN; it must be a finite number greater than 0"
        : double.IsInfinity(value) ? $"{what} cannot be infinite; it must be a finite number greater than 0"
        : value <= 0 ? $"{what} must be greater than 0 (got {Format(value)})"
        : null;

    public static string? CheckNonNegative(double value, string what) =>
        double.IsNaN(value) ? $"{what} cannot be NaN; it must be a finite number, at least 0"
        : double.IsInfinity(value) ? $"{what} cannot be infinite; it must be a finite number, at least 0"
        : value < 0 ? $"{what} cannot be negative (got {Format(value)})"
        : null;

    public static string? CheckAtLeast(double value, double minimum, string what) =>
        double.IsNaN(value) ? $"{what} cannot be NaN; it must be a finite number, at least {Format(minimum)}"
        : double.IsInfinity(value) ? $"{what} cannot be infinite; it must be a finite number, at least {Format(minimum)}"
        : value < minimum ? $"{what} must be at least {Format(minimum)} (got {Format(value)})"
        : null;

    public static string? CheckRange(double value, double minimum, double maximum, string what) =>
        CheckAtLeast(value, minimum, what)
        ?? (value > maximum ? $"{what} is {Format(value)}, more than the largest accepted, {Format(maximum)}" : null);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
