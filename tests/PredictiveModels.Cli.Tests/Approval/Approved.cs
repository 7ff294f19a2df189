namespace PredictiveModels.Cli.Tests.Approval;

/// <summary>
/// Compares a text with its approved copy under tests/PredictiveModels.Cli.Tests/Approval/approved/. A change to a
/// protected surface (a --help text, a JSON document, the public API) then fails a test until someone looks at it
/// and approves it: run the tests with <c>PM_APPROVE=1</c> to rewrite the approved copies from the build, and review
/// the diff (<c>git diff tests/PredictiveModels.Cli.Tests/Approval/approved</c>) before committing it.
/// </summary>
public static class Approved
{
    /// <summary>The folder of the approved copies, in the source tree (not the build output).</summary>
    public static string Folder { get; } = RepositoryRoot.File("tests/PredictiveModels.Cli.Tests/Approval/approved");

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the approved file <paramref name="name"/> (line ends normalised
    /// to LF), or with <c>PM_APPROVE=1</c> in the environment writes it as the new approved copy.
    /// </summary>
    public static void ShouldMatch(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PM_APPROVE") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).Should().BeTrue($"{name} has no approved copy yet: run the tests with PM_APPROVE=1 to write it, then review it");
        var approved = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (actual != approved)
        {
            var actualLines = actual.Split('\n');
            var approvedLines = approved.Split('\n');
            var first = Enumerable.Range(0, Math.Min(actualLines.Length, approvedLines.Length)).FirstOrDefault(i => actualLines[i] != approvedLines[i], Math.Min(actualLines.Length, approvedLines.Length));
            var approvedLine = first < approvedLines.Length ? approvedLines[first] : "(end of file)";
            var actualLine = first < actualLines.Length ? actualLines[first] : "(end of output)";
            actual.Should().Be(approved, $"{name} changed from its approved copy; first difference at line {first + 1}:\n  approved: {approvedLine}\n  now:      {actualLine}\nIf the change is intended, rerun the tests with PM_APPROVE=1 and review the diff");
        }
    }
}
