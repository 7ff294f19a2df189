using System.CommandLine;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary>The arguments and options several commands share, and how they are read.</summary>
internal static class CommonOptions
{
    public static Argument<string?> ScenarioArgument(string description = "Scenario file (.yaml, .yml or .json). Omit it to use the embedded default scenario.") =>
        new("scenario") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public static Option<string> Format()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for reading), json (one object with a schemaVersion, see docs/cli.md), csv or markdown.",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong(LowerCaseNames<OutputFormat>());
        return option;
    }

    /// <summary>An option whose values are the lower-case names of an enum, e.g. <c>internal</c> for <c>Mechanism.Internal</c>.</summary>
    public static Option<string?> Choice<T>(string name, string alias, string description)
        where T : struct, Enum
    {
        var option = new Option<string?>(name, alias) { Description = description };
        option.AcceptOnlyFromAmong(LowerCaseNames<T>());
        return option;
    }

    /// <summary>Maps a lower-case name accepted by <see cref="Choice{T}"/> or <see cref="Format"/> back to its enum value.</summary>
    public static T? Parse<T>(string? value)
        where T : struct, Enum =>
        value is null ? null : Enum.Parse<T>(value, ignoreCase: true);

    /// <summary>Reads the --format option.</summary>
    public static OutputFormat GetFormat(this ParseResult parse, Option<string> format) =>
        Parse<OutputFormat>(parse.GetValue(format)) ?? OutputFormat.Table;

    private static string[] LowerCaseNames<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];

    public static Option<string?> Output() =>
        new("--output", "-o")
        {
            Description = "Write the result to this file instead of standard output. The file appears whole or not at all.",
            HelpName = "file",
        };

    /// <summary>Loads the named scenario, or the embedded default when <paramref name="path"/> is null.</summary>
    public static Scenario LoadScenario(string? path) =>
        string.IsNullOrEmpty(path) ? Scenario.Default : ScenarioLoader.Load(path);

    /// <summary>Writes rendered output to the file named by --output (atomically) or to standard output.</summary>
    public static async Task WriteAsync(string content, string? outputPath, TextWriter standardOutput, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(outputPath))
        {
            await standardOutput.WriteAsync(content);
            await standardOutput.FlushAsync(cancellation);
            return;
        }

        AtomicFile.Write(outputPath, content, cancellation);
    }
}
