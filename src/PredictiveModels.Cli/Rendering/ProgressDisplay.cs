using Spectre.Console;

namespace PredictiveModels.Cli.Rendering;

/// <summary>Draws a progress bar on standard error while long work runs (only where <see cref="CliContext.ShowProgress"/> allows).</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, reporting its progress as a fraction from 0 to 1 on a bar labelled <paramref name="description"/>.</summary>
    public static T Run<T>(CliContext context, string description, Func<IProgress<double>?, T> work)
    {
        if (!context.ShowProgress)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.ProgressWriter) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description, maxValue: 1.0);
                result = work(new Reporter(v => task.Value = v));
            });
        return result;
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
