using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Tests.Approval;

/// <summary>
/// One JSON document per command on the embedded default scenario, against its approved copy: the stable JSON
/// contract (docs/cli.md) byte for byte, numbers included. <c>train</c> and <c>run</c> take minutes on the default
/// and are tagged Slow.
/// </summary>
public sealed class JsonApprovalTests
{
    public static TheoryData<string, string[]> Documents => new()
    {
        { "structures", [] },
        { "score", [] },
        { "explain", ["deceptive-agent"] },
        { "validate", ["samples/scenarios/default.yaml"] },
        { "posterior", [] },
        { "sweep", ["-p", "n", "--from", "0", "--to", "200", "--steps", "5"] },

        // compare trains every scenario it names, minutes on the default: the minimal sample, in both its files.
        { "compare", ["samples/scenarios/minimal.yaml", "samples/scenarios/minimal.json"] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_json_document_on_the_default_is_the_approved_one(string command, string[] args)
    {
        await ShouldMatchApproved(command, args);
    }

    [Fact]
    public async Task The_energy_document_of_a_configuration_on_the_default_is_the_approved_one()
    {
        await ShouldMatchApproved("explain", ["deceptive-agent", "--configuration", "w=8,k=5,origin=physical-camera-predictor/corrigible,flag=race"], "explain-energy");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_training_documents_on_the_default_are_the_approved_ones()
    {
        await ShouldMatchApproved("train", []);
        await ShouldMatchApproved("sweep", ["--dynamics", "-p", "phases.rl-fine-tuning.duration", "--from", "1", "--to", "100", "--steps", "2", "--log"], "sweep-dynamics");
        await ShouldMatchApproved("run", []);
    }

    /// <summary>What the approved documents hold in place of <see cref="Provenance.LibraryVersion"/>.</summary>
    private const string VersionToken = "<version>";

    private static async Task ShouldMatchApproved(string command, string[] args, string? name = null)
    {
        // validate names its file in the output: run from the repository root so that the path is relative.
        var resolved = args.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepositoryRoot.File(a) : a).ToArray();
        var run = await CliRun.Of([command, .. resolved, "--format", "json"]);
        run.ShouldSucceed();

        // The version names the commit, which changes with every commit: the approved copy holds a fixed token in its
        // place (so it must be there, once per document), and ProvenanceTests checks the value itself.
        var masked = run.Output
            .Replace(RepositoryRoot.Path + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace($"\"version\": \"{Provenance.LibraryVersion}\"", $"\"version\": \"{VersionToken}\"", StringComparison.Ordinal);
        Approved.ShouldMatch($"{name ?? command}.json", masked);
    }
}
