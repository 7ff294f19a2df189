namespace PredictiveModels.Cli;

/// <summary>What the commands need to know about where they run.</summary>
/// <param name="ShowProgress">True when progress bars may be drawn: standard output and standard error are both a terminal.</param>
/// <param name="ProgressWriter">Where progress bars are drawn (standard error).</param>
/// <param name="TerminalWidth">
/// The width in columns of the terminal that standard output goes to, or null when standard output is redirected
/// (a file or a pipe). Text tables written to standard output are laid out to fit it.
/// </param>
public sealed record CliContext(bool ShowProgress, TextWriter ProgressWriter, int? TerminalWidth = null)
{
    /// <summary>No progress bars: for tests and redirected output.</summary>
    public static CliContext Quiet { get; } = new(false, TextWriter.Null);

    /// <summary>
    /// The context of this process: progress bars on standard error when both output streams are terminals, and
    /// the terminal's width when standard output is one.
    /// </summary>
    public static CliContext FromConsole() =>
        new(!Console.IsOutputRedirected && !Console.IsErrorRedirected, Console.Error, Console.IsOutputRedirected ? null : ConsoleWidth());

    private static int? ConsoleWidth()
    {
        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
