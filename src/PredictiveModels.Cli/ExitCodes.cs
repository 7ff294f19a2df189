namespace PredictiveModels.Cli;

/// <summary>The process exit codes of <c>predictive-models</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The scenario or model is invalid (or a file could not be read or written).</summary>
    public const int ModelError = 1;

    /// <summary>The command line itself is wrong: unknown command or option, bad option value, unknown structure id.</summary>
    public const int UsageError = 2;

    /// <summary>The input is valid, but a solver could not meet its tolerance within its limits on work; the message names the solver, the figures and what to change.</summary>
    public const int SolverFailure = 3;

    /// <summary>Interrupted by Ctrl-C; no output file was written.</summary>
    public const int Cancelled = 130;
}
