using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.CommandLine.Parsing;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Diagnostics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary>The arguments and options several commands share, and how they are read.</summary>
internal static class CommonOptions
{
    public static Argument<string?> ScenarioArgument(string description = "Scenario file (.yaml, .yml or .json). Omit it to use the embedded default scenario.")
    {
        var argument = new Argument<string?>("scenario") { Description = description, Arity = ArgumentArity.ZeroOrOne };
        RejectUnknownOptions(argument);
        return argument;
    }

    /// <summary>
    /// Makes a misspelt option such as <c>--fromat</c> a usage error: the parser would otherwise take it
    /// for the scenario file name and report a missing file. An existing file of that name is still accepted.
    /// </summary>
    public static void RejectUnknownOptions<T>(Argument<T> argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                {
                    var known = result.Parent is CommandResult command ? OptionNames(command.Command) : [];
                    result.AddError($"unknown option '{token.Value}'{NameSuggestions.DidYouMean(token.Value, known)} (to name a file whose name starts with '-', write ./{token.Value})");
                }
            }
        });

    /// <summary>Every spelling of every option of <paramref name="command"/> (help and version included), for suggestions.</summary>
    public static IEnumerable<string> OptionNames(Command command)
    {
        IEnumerable<Option> options = command.Options;
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    public static Option<OutputFormat> Format() =>
        new("--format", "-f")
        {
            Description = "Output format: table (for reading), json (one object with a schemaVersion, see docs/cli.md), csv or markdown.",
            HelpName = "table|json|csv|markdown",
            DefaultValueFactory = _ => OutputFormat.Table,
            CustomParser = result => ParseName<OutputFormat>(result, "output format") ?? OutputFormat.Table,
        };

    /// <summary>
    /// Reads an option value that names an enum member, in the lower-case spelling the output uses
    /// (any case is accepted), with a message that lists the valid names instead of a .NET type name.
    /// </summary>
    public static T? ParseName<T>(System.CommandLine.Parsing.ArgumentResult result, string what)
        where T : struct, Enum
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"'{text}' is not a valid {what}; use one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    /// <summary>
    /// Reads a numeric option value in the invariant culture: <c>--to 1.5</c> is one and a half whatever
    /// culture the process runs under (System.CommandLine's own parser follows the current culture, where
    /// de-DE reads "1.5" as fifteen).
    /// </summary>
    public static T ParseNumber<T>(ArgumentResult result)
        where T : struct, INumber<T>
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var whole = typeof(T) != typeof(double);
        var styles = whole ? NumberStyles.Integer : NumberStyles.Float;
        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : "the option";
        result.AddError(whole
            ? $"'{text}' is not a valid value for {name}: give a whole number such as 10"
            : $"'{text}' is not a valid value for {name}: give a number such as 1.5 or 1e-3 (with a decimal point, in any culture)");
        return default;
    }

    public static Option<string?> Output() =>
        new("--output", "-o")
        {
            Description = "Write the result to this file instead of standard output. The file appears whole or not at all.",
            HelpName = "file",
        };

    /// <summary>Loads the named scenario, or the embedded default when <paramref name="path"/> is null.</summary>
    public static Scenario LoadScenario(string? path) =>
        string.IsNullOrEmpty(path) ? Scenario.Default : ScenarioLoader.Load(path);

    /// <summary>As <see cref="LoadScenario(string?)"/>, saying on standard error which beliefs the command replaces by their medians (<see cref="NoteBeliefs"/>).</summary>
    public static Scenario LoadScenario(string? path, ParseResult parse)
    {
        var loaded = LoadScenario(path);
        NoteBeliefs(loaded, parse.InvocationConfiguration.Error);
        return loaded;
    }

    /// <summary>
    /// When the scenario's file states parameters as beliefs (distributions), says so: every command but the
    /// uncertainty analysis takes one value per parameter, so it uses each belief's median. Writes nothing otherwise.
    /// </summary>
    public static void NoteBeliefs(Scenario scenario, TextWriter writer)
    {
        if (scenario.UncertainParameters.IsEmpty)
        {
            return;
        }

        var count = scenario.UncertainParameters.Length;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: {scenario.Source} states {(count == 1 ? "1 parameter as a belief (a distribution); this command uses its median:" : $"{count} parameters as beliefs (distributions); this command uses each one's median:")}"));
        foreach (var belief in scenario.UncertainParameters)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {belief.Path} = {belief.Median:G6}  (median of {belief.Notation})"));
        }
    }

    /// <summary>
    /// Writes output rendered in <paramref name="format"/> with its provenance line (<see cref="ProvenanceText.Add"/>; a JSON
    /// document carries the field itself) to the file named by --output (atomically) or to standard output. The table
    /// footer fits the width the tables were laid out in (<see cref="Text.WidthFor"/>).
    /// </summary>
    public static Task WriteAsync(string content, OutputFormat format, Provenance provenance, CliContext context, string? outputPath, TextWriter standardOutput, CancellationToken cancellation) =>
        WriteAsync(ProvenanceText.Add(content, format, provenance, Text.WidthFor(context, outputPath)), outputPath, standardOutput, cancellation);

    /// <summary>Writes text as it is to the file named by --output (atomically) or to standard output.</summary>
    private static async Task WriteAsync(string content, string? outputPath, TextWriter standardOutput, CancellationToken cancellation)
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

    /// <summary>
    /// Streams output that may be too large to hold as one string: to the file named by --output (atomically, so a
    /// failure leaves no partial file) or to standard output.
    /// </summary>
    public static async Task WriteAsync(Action<TextWriter> write, string? outputPath, TextWriter standardOutput, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(outputPath))
        {
            write(standardOutput);
            await standardOutput.FlushAsync(cancellation);
            return;
        }

        AtomicFile.Write(outputPath, write, cancellation);
    }
}
