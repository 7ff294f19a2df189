namespace PredictiveModels.Diagnostics;

/// <summary>
/// One problem found in a specification: what is wrong, where in the source text, and at which
/// path of the specification (for example <c>worldModel.concepts[3].bits</c>).
/// </summary>
/// <param name="Message">A sentence that says what is wrong and, where possible, how to fix it.</param>
/// <param name="Location">Where the problem is in the source text; null for specifications built in code.</param>
/// <param name="Path">The dotted path of the offending element inside the specification; may be empty.</param>
public sealed record Diagnostic(string Message, SourceLocation? Location = null, string Path = "")
{
    /// <summary>Formats the diagnostic as <c>source:line:column: message (at path)</c>.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : Location + ": ";
        var path = string.IsNullOrEmpty(Path) ? "" : $" (at {Path})";
        return where + Message + path;
    }
}
