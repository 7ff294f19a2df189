namespace PredictiveModels.Cli.Tests.Rendering.Documents;

/// <summary>
/// Every command's JSON is a document record serialised through the generated context (docs/architecture.md), except
/// for the known debts listed here, which may only shrink.
/// </summary>
public sealed class HandWrittenJsonTests
{
    /// <summary>The files that build JSON themselves and may: the raw embedding of <c>run</c>'s sections.</summary>
    private static readonly string[] Machinery = ["Rendering/Documents/EmbeddedDocument.cs"];

    /// <summary>
    /// Commands whose document is still written by hand, each with why. None is left: the last, <c>explain</c>'s two
    /// documents (and <c>ScoreCommand.WriteCandidate</c>, which wrote their candidates' fields), moved to records.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDebts = [];

    private static IEnumerable<string> FilesWritingJsonByHand()
    {
        var root = RepositoryRoot.File("src/PredictiveModels.Cli");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("Utf8JsonWriter", StringComparison.Ordinal) || text.Contains("Json.Document(", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'));
    }

    [Fact]
    public void No_command_writes_its_json_by_hand_beyond_the_known_debts()
    {
        FilesWritingJsonByHand().Except(Machinery).Except(KnownDebts.Keys)
            .Should().BeEmpty("a command's JSON is a record of Rendering/Documents serialised with Json.Serialize");
    }

    [Fact]
    public void Every_known_debt_still_writes_by_hand_so_that_a_paid_one_is_struck_off()
    {
        KnownDebts.Keys.Except(FilesWritingJsonByHand()).Should().BeEmpty("a debt that is paid must leave the list, so that it cannot come back unnoticed");
    }

    [Fact]
    public void The_search_finds_the_writer_itself()
    {
        // Without this, a search that finds nothing would pass both tests above.
        FilesWritingJsonByHand().Should().Contain(Machinery);
    }
}
