namespace PredictiveModels.Fuzz;

/// <summary>
/// Thrown by a fuzzing target when the library answered an input in a way its contract rules out without
/// throwing an unexpected exception itself: an error without a location, a location outside the text, a
/// printed expression that does not read back as itself, or posterior probabilities that do not sum to 1.
/// Under afl-fuzz an unhandled exception is a crash, so this makes such answers findings.
/// </summary>
public sealed class FuzzFindingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the library did wrong, with the figures that show it.</param>
    /// <param name="inner">The library's own exception, when there was one.</param>
    public FuzzFindingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
