using System.CommandLine;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary>The arguments and options several commands share, and how they are read.</summary>
internal static class CommonOptions
{
    public static Argument<string?> ScenarioArgument(string description = "Scenario file (.yaml, .yml or .json). Omit it to use the embedded default scenario.") =>
        new("scenario") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public static Option<OutputFormat> Format() =>
        new("--format", "-f")
        {
            Description = "Output format: table (for reading), json (one object with a schemaVersion, see docs/cli.md), csv or markdown.",
            DefaultValueFactory = _ => OutputFormat.Table,
        };

    public static Option<string?> Output() =>
        new("--output", "-o")
        {
            Description = "Write the result to this file instead of standard output. The file appears whole or not at all.",
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
