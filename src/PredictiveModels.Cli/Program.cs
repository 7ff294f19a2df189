using PredictiveModels.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None, CliContext.FromConsole());
