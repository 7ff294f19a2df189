using System.CommandLine;
using System.Globalization;
using PredictiveModels.Cli.Commands;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Cli;

/// <summary>
/// The command-line front end: builds the command tree, runs one command, and turns every
/// failure into a message on the error writer and an exit code (never a stack trace).
/// </summary>
public static class CliApp
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand BuildRootCommand(CliContext? context = null)
    {
        var root = new RootCommand(
            """
            PredictiveModels: how likely is a trained model to be a deceptive agent rather than an honest predictor?

            A scenario states beliefs: a world model of concepts, candidate internal structures (a camera plus an
            output procedure each) and analysis settings. Commands score the structures by their description
            length given the world model, in bits, and explain where every bit goes. Without a SCENARIO file the
            embedded default (the nine structures of "Conditioning Predictive Models", section 4) is used.

            Every command writes --format table (the default, for reading), json (one object with a schemaVersion,
            see docs/cli.md), csv or markdown, to standard output or, whole or not at all, to --output FILE; 'report'
            writes one self-contained HTML page the same way.
            Exit codes: 0 success, 1 invalid scenario (file:line:column: error: ...), 2 usage error, 3 a solver did not
            converge (solver error: ...), 130 cancelled.

            Examples:
              predictive-models run                            the full report on the default scenario
              predictive-models report -o report.html          the same as one HTML page with charts
              predictive-models compare a.yaml b.yaml          the headline numbers of several scenarios side by side
              predictive-models score                          score the default scenario
              predictive-models explain deceptive-agent        where the deceptive agent's bits go
              predictive-models score my.yaml --format json --output scores.json
              predictive-models validate my.yaml               check a scenario file
              predictive-models posterior                      P(Deceptive) under the simplicity prior (low path dependence)
              predictive-models sweep -p n --from 0 --to 200   how the posterior moves with one belief
              predictive-models train                          training as a Markov chain (high path dependence)
              predictive-models sweep --dynamics -p phases.rl-fine-tuning.duration --from 1 --to 1000 --steps 4 --log
                                                               how the end of training moves with the length of fine-tuning
              predictive-models export-generator --phase rl-fine-tuning --output q.mtx
                                                               a phase's generator matrix, to check with other tools
            """);
        root.Subcommands.Add(StructuresCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(ScoreCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(ExplainCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(ValidateCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(PosteriorCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(SweepCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(TrainCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(RunCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(CompareCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(ReportCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(UncertaintyCommand.Build(context ?? CliContext.Quiet));
        root.Subcommands.Add(MergeCommand.Build(context ?? CliContext.Quiet));
        return root;
    }

    /// <summary>Runs the command line <paramref name="args"/>, writing results to <paramref name="output"/> and messages to <paramref name="error"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results (and help) go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellation">Cancels the run (Ctrl-C); no output file is left behind.</param>
    /// <param name="context">Whether progress bars may be drawn, and where; <see cref="CliContext.Quiet"/> by default.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default, CliContext? context = null)
    {
        // Every number the tool reads or writes is in the invariant culture, whatever culture a host runs it
        // under (the tool's own process is invariant already). The change is local to this asynchronous call.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var root = BuildRootCommand(context);

        // With nothing to do, say what can be done: the help, as a success.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                var suggestion = Suggestion(parse, parseError.Message);
                await error.WriteLineAsync($"error: {(suggestion.Length > 0 ? parseError.Message.TrimEnd('.') : parseError.Message)}{suggestion}");
            }

            await error.WriteLineAsync("Run 'predictive-models --help' (or '<command> --help') for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // Without EnableDefaultExceptionHandler = false, System.CommandLine catches every exception an
            // action throws and prints it with its stack trace, so the handlers below would never run.
            // Ctrl-C is the caller's cancellation token (see Program.cs), so System.CommandLine's own
            // handler, which only listens once an action has returned its task, is switched off.
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (ModelException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                await error.WriteLineAsync(FormatDiagnostic(diagnostic));
            }

            return ExitCodes.ModelError;
        }
        catch (SolverException e)
        {
            await error.WriteLineAsync($"solver error: {e.Message} (at {e.Path}; {e.FormatFigures()})");
            return ExitCodes.SolverFailure;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled; no output file was written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.ModelError;
        }
        catch (Exception e)
        {
            // A defect of PredictiveModels, not of the input. The stack trace is for the bug report, not for the
            // user's screen: it is printed only when PREDICTIVE_MODELS_TRACE=1 asks for it.
            var trace = Environment.GetEnvironmentVariable("PREDICTIVE_MODELS_TRACE") == "1";
            await error.WriteLineAsync(trace
                ? $"internal error (please report it with the scenario that caused it): {e}"
                : $"internal error (please report it with the scenario that caused it): {e.GetType().Name}: {e.Message} (set PREDICTIVE_MODELS_TRACE=1 for the details)");
            return ExitCodes.ModelError;
        }
    }

    /// <summary>
    /// For a parse error about a token the parser could not place (a mistyped command or option), the nearest
    /// command or option of the command being parsed: <c>"; did you mean 'score'?"</c>; else an empty string.
    /// </summary>
    private static string Suggestion(ParseResult parse, string message)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (!message.Contains($"'{token}'", StringComparison.Ordinal))
            {
                continue;
            }

            var candidates = token.StartsWith('-')
                ? CommonOptions.OptionNames(command)
                : command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name));
            return NameSuggestions.DidYouMean(token, candidates);
        }

        return "";
    }

    /// <summary>Formats a diagnostic the way compilers do: <c>file:line:column: error: message (at path)</c>.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public static string FormatDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var where = diagnostic.Location is null ? "" : diagnostic.Location + ": ";
        var path = string.IsNullOrEmpty(diagnostic.Path) ? "" : $" (at {diagnostic.Path})";
        return $"{where}error: {diagnostic.Message}{path}";
    }
}
