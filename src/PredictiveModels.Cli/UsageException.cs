namespace PredictiveModels.Cli;

/// <summary>Thrown by a command when its arguments are well formed but name something that does not exist (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
