namespace PredictiveModels.Cli;

/// <summary>What the commands need to know about where they run.</summary>
/// <param name="ShowProgress">True when progress bars may be drawn: standard output and standard error are both a terminal.</param>
/// <param name="ProgressWriter">Where progress bars are drawn (standard error).</param>
public sealed record CliContext(bool ShowProgress, TextWriter ProgressWriter)
{
    /// <summary>No progress bars: for tests and redirected output.</summary>
    public static CliContext Quiet { get; } = new(false, TextWriter.Null);

    /// <summary>The context of this process: progress bars on standard error when both output streams are terminals.</summary>
    public static CliContext FromConsole() =>
        new(!Console.IsOutputRedirected && !Console.IsErrorRedirected, Console.Error);
}
