using PredictiveModels.Cli;

// Ctrl-C cancels the token instead of killing the process: the computation stops at its next check,
// the command reports "cancelled", exits 130 and leaves no output file. This works while an action is
// still computing synchronously, before System.CommandLine's own handler would be listening.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token, CliContext.FromConsole());
