using System.Globalization;
using System.Reflection;
using System.Text;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Fuzz;

/// <summary>
/// Runs one input through one <see cref="FuzzTarget"/> and decides whether the library's answer keeps its
/// contract. An input may be accepted, or refused with a <see cref="ModelException"/> whose every diagnostic
/// has a location (inside the text, when it points into the input). Anything else escapes as an exception:
/// the library's own unexpected exception unchanged, or a <see cref="FuzzFindingException"/> for a broken
/// contract. A hang or a crash of the process is left for afl-fuzz to see.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The name diagnostics give to the fuzzed text of the expression target.</summary>
    public const string Source = "<fuzz>";

    /// <summary>The base scenarios written into the scratch folder, which an input may name in <c>extends</c> (as the samples do).</summary>
    public static IReadOnlyList<string> BaseScenarios { get; } = ["default.yaml", "minimal.yaml", "minimal.json"];

    /// <summary>The target for a name given on the command line (<c>yaml</c>, <c>json</c>, <c>expression</c>, <c>scenario</c>).</summary>
    /// <param name="name">The name, in any case.</param>
    /// <param name="target">The target; <see cref="FuzzTarget.Yaml"/> when the name is unknown.</param>
    /// <returns>Whether the name is a target's.</returns>
    public static bool TryParse(string name, out FuzzTarget target) =>
        Enum.TryParse(name, ignoreCase: true, out target) && Enum.IsDefined(target) && !int.TryParse(name, out _);

    /// <summary>Makes a scratch folder: creates it if needed and writes the base scenarios into it.</summary>
    /// <param name="folder">
    /// The folder. The yaml and json targets name their text as a file in it (never written), so that a relative
    /// <c>extends</c> resolves there; the scenario target writes its input there, as <c>input.yaml</c> or <c>input.json</c>.
    /// </param>
    public static void PrepareScratchFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        foreach (var name in BaseScenarios)
        {
            using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("PredictiveModels.Fuzz.bases." + name)
                ?? throw new InvalidOperationException($"the base scenario {name} is not embedded in the fuzzing assembly");
            using var file = File.Create(Path.Combine(folder, name));
            resource.CopyTo(file);
        }
    }

    /// <summary>Runs <paramref name="input"/> through <paramref name="target"/>.</summary>
    /// <param name="target">What to fuzz.</param>
    /// <param name="input">The raw input bytes (text targets read them as UTF-8, invalid sequences replaced).</param>
    /// <param name="scratchFolder">A folder made by <see cref="PrepareScratchFolder"/>; the expression target ignores it.</param>
    /// <exception cref="FuzzFindingException">The library broke its contract without an exception of its own.</exception>
    public static void Run(FuzzTarget target, ReadOnlySpan<byte> input, string scratchFolder)
    {
        switch (target)
        {
            case FuzzTarget.Yaml:
            case FuzzTarget.Json:
                var text = Encoding.UTF8.GetString(input);
                var format = target == FuzzTarget.Json ? ScenarioFormat.Json : ScenarioFormat.Yaml;
                var source = Path.Combine(scratchFolder, format == ScenarioFormat.Json ? "fuzz.json" : "fuzz.yaml");
                Attempt(text, () => ScenarioLoader.Parse(text, source, format), source);
                break;

            case FuzzTarget.Expression:
                RunExpression(Encoding.UTF8.GetString(input));
                break;

            case FuzzTarget.Scenario:
                RunScenario(input, scratchFolder);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "not a fuzzing target");
        }
    }

    private static void RunExpression(string text)
    {
        var origin = new SourceLocation(Source, 1, 1);
        if (Attempt(text, () => ExpressionParser.Parse(text, origin)) is not { } parsed)
        {
            return;
        }

        // What the printer writes must read back as the same expression, and print the same again.
        var printed = ExpressionPrinter.Print(parsed);
        Expression again;
        try
        {
            again = ExpressionParser.Parse(printed, origin);
        }
        catch (ModelException e)
        {
            throw new FuzzFindingException($"the printed form '{Shorten(printed)}' of a parsed expression does not parse: {e.Message}", e);
        }

        var reprinted = ExpressionPrinter.Print(again);
        if (reprinted != printed)
        {
            throw new FuzzFindingException($"printing is not stable: '{Shorten(printed)}' reads back and prints as '{Shorten(reprinted)}'");
        }
    }

    private static void RunScenario(ReadOnlySpan<byte> input, string scratchFolder)
    {
        // The format follows the extension, as for a user's file: an input that opens an object is JSON.
        var first = input.TrimStart(" \t\r\n"u8);
        var path = Path.Combine(scratchFolder, first.Length > 0 && first[0] == (byte)'{' ? "input.json" : "input.yaml");
        File.WriteAllBytes(path, input.ToArray());
        var text = Encoding.UTF8.GetString(input);
        if (Attempt(text, () => ScenarioLoader.Load(path), path) is not { } scenario
            || Attempt(text, () => SimplicityPosterior.Compute(scenario), path) is not { } posterior)
        {
            return;
        }

        var total = 0.0;
        foreach (var c in posterior.Classes)
        {
            if (!(c.Probability is >= 0 and <= 1))
            {
                throw new FuzzFindingException(string.Create(CultureInfo.InvariantCulture, $"P({c.Class}) = {c.Probability} is not a probability"));
            }

            total += c.Probability;
        }

        if (Math.Abs(total - 1) > 1e-9)
        {
            throw new FuzzFindingException(string.Create(CultureInfo.InvariantCulture, $"the outcome-class probabilities sum to {total:R}, not 1"));
        }
    }

    /// <summary>Runs <paramref name="action"/>; a <see cref="ModelException"/> is an expected answer when every diagnostic is located.</summary>
    /// <returns>What the action returned; null when it refused the input.</returns>
    private static T? Attempt<T>(string text, Func<T> action, string source = Source)
        where T : class
    {
        try
        {
            return action();
        }
        catch (ModelException e)
        {
            CheckLocated(e, text, source);
            return null;
        }
    }

    private static void CheckLocated(ModelException e, string text, string source)
    {
        // YAML also breaks lines at \r, NEL and the Unicode line and paragraph separators: counting all of
        // them bounds the line any front end can report.
        var lines = 1;
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                lines++;
            }
        }

        foreach (var d in e.Diagnostics)
        {
            if (d.Location is not { } at)
            {
                throw new FuzzFindingException($"a diagnostic has no location: {d.Message}", e);
            }

            if (at.Line < 1 || at.Column < 1 || (at.Source == source && (at.Line > lines || at.Column > text.Length + 2)))
            {
                throw new FuzzFindingException(string.Create(CultureInfo.InvariantCulture, $"a diagnostic points at line {at.Line}, column {at.Column}, outside the {lines} lines and {text.Length} characters of the text: {d.Message}"), e);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
