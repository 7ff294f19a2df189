using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PredictiveModels.Cli.Tests.Commands;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// Every output of every command names what it rests on (docs/cli.md, "Provenance"): the JSON document's
/// <c>provenance</c> field, the CSV's opening comment line, the Markdown and table footers, the Matrix Market comment.
/// The expected lines are spelled out here, not taken from the code that writes them.
/// </summary>
public sealed partial class ProvenanceTests
{
    private const string Uncertain = "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: uniform(0, 2)\n";

    private static readonly string[] AllFormats = ["json", "csv", "markdown", "table"];

    private static string DefaultSha => Scenario.Default.Sha256!;

    [Fact]
    public void The_library_version_names_the_commit_it_was_built_from()
    {
        Provenance.LibraryVersion.Should().MatchRegex(@"^\d+\.\d+\.\d+([-.][0-9A-Za-z.-]+)?\+[0-9a-f]{40}$", "the tests run on a build from a git checkout");
        DefaultSha.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Structures_carries_the_version_and_the_fingerprint_in_every_format()
    {
        await ShouldCarry(["structures"], DefaultSha, seed: null, AllFormats);
    }

    [Fact]
    public async Task Score_carries_the_version_and_the_fingerprint_in_every_format()
    {
        await ShouldCarry(["score"], DefaultSha, seed: null, AllFormats);
    }

    [Fact]
    public async Task Explain_carries_the_version_and_the_fingerprint_in_every_format_for_bits_and_for_energy()
    {
        await ShouldCarry(["explain", "deceptive-agent"], DefaultSha, seed: null, AllFormats);
        await ShouldCarry(["explain", "deceptive-agent", "--configuration", "w=8,k=5,origin=physical-camera-predictor/corrigible,flag=race"], DefaultSha, seed: null, AllFormats);
    }

    [Fact]
    public async Task Validate_carries_the_fingerprint_of_the_file_it_checked()
    {
        var path = RepositoryRoot.File("samples/scenarios/minimal.yaml");
        var sha = ScenarioLoader.Load(path).Sha256!;

        sha.Should().NotBe(DefaultSha);
        await ShouldCarry(["validate", path], sha, seed: null, AllFormats);
    }

    [Fact]
    public async Task Posterior_carries_the_fingerprint_of_the_scenario_as_read_though_it_also_evaluates_a_changed_copy()
    {
        await ShouldCarry(["posterior"], DefaultSha, seed: null, AllFormats);
    }

    [Fact]
    public async Task Sweep_carries_the_fingerprint_of_the_scenario_as_read_not_of_a_swept_copy()
    {
        await ShouldCarry(["sweep", "-p", "n", "--from", "0", "--to", "200", "--steps", "3"], DefaultSha, seed: null, AllFormats);
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);
        await ShouldCarry(["sweep", small, "--dynamics", "-p", "phases.rl-fine-tuning.duration", "--from", "1", "--to", "2", "--steps", "2"], ScenarioLoader.Load(small).Sha256!, seed: null, AllFormats);
    }

    [Fact]
    public async Task Train_carries_the_seed_only_when_it_simulates()
    {
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);
        var sha = ScenarioLoader.Load(small).Sha256!;

        await ShouldCarry(["train", small, "--skip-relaxation"], sha, seed: null, AllFormats);
        await ShouldCarry(["train", small, "--skip-relaxation", "--trajectories", "40", "--seed", "7"], sha, seed: 7, AllFormats);
    }

    [Fact]
    public async Task Run_carries_the_provenance_in_every_format_and_in_each_embedded_document()
    {
        using var folder = new TempFolder();
        var small = TrainCommandTests.WriteSmall(folder);
        var sha = ScenarioLoader.Load(small).Sha256!;

        var json = await ShouldCarry(["run", small, "--skip-relaxation"], sha, seed: null, AllFormats);

        foreach (var section in new[] { "score", "posterior", "train" })
        {
            ShouldBeProvenance(json.GetProperty(section).GetProperty("provenance"), sha, seed: null);
        }
    }

    [Fact]
    public async Task Uncertainty_carries_its_seed_and_the_fingerprint_of_the_file_with_its_beliefs_as_written()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        var sha = ScenarioLoader.Load(path).Sha256!;

        sha.Should().NotBe(DefaultSha);
        await ShouldCarry(["uncertainty", path, "--samples", "10", "--seed", "5"], sha, seed: 5, AllFormats);
        await ShouldCarry(["uncertainty", path, "--samples", "10"], sha, seed: 1, ["json"]);
    }

    [Fact]
    public async Task Shards_carry_the_provenance_and_merge_writes_it_in_every_format()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        var sha = ScenarioLoader.Load(path).Sha256!;
        var one = folder.File("one.json");
        var two = folder.File("two.json");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--seed", "3", "--shard", "1/2", "-o", one)).ShouldSucceed();
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--seed", "3", "--shard", "2/2", "-o", two)).ShouldSucceed();

        using (var shard = JsonDocument.Parse(File.ReadAllText(one)))
        {
            ShouldBeProvenance(shard.RootElement.GetProperty("provenance"), sha, seed: 3);
        }

        await ShouldCarry(["merge", two, one], sha, seed: 3, AllFormats);
    }

    [Fact]
    public async Task Merge_refuses_shards_of_another_version_or_another_scenario_text_and_a_shard_without_provenance_naming_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        var one = folder.File("one.json");
        var two = folder.File("two.json");
        var changed = folder.File("changed.json");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "1/2", "-o", one)).ShouldSucceed();
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "2/2", "-o", two)).ShouldSucceed();

        // Another build computed shard 2: only its version differs.
        var text = File.ReadAllText(two);
        var older = folder.Write("older.json", text.Replace($"\"version\": \"{Provenance.LibraryVersion}\"", "\"version\": \"0.0.1+0000000000000000000000000000000000000000\"", StringComparison.Ordinal));
        older.Should().NotBe(text);
        var error = (await CliRun.Of("merge", one, older)).ShouldFailCleanly(ExitCodes.ModelError).Error;
        error.Should().Contain("older.json").And.Contain("version 0.0.1+0000000000000000000000000000000000000000").And.Contain(Provenance.LibraryVersion);

        // The scenario file changed between the shards: same name, same beliefs, another fingerprint.
        File.WriteAllText(path, Uncertain + "  eliminationThreshold: 1e-5\n");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "2/2", "-o", changed)).ShouldSucceed();
        error = (await CliRun.Of("merge", one, changed)).ShouldFailCleanly(ExitCodes.ModelError).Error;
        error.Should().Contain("changed.json").And.Contain("scenario fingerprint (SHA-256)").And.Contain(ScenarioLoader.Load(path).Sha256!);

        var bare = folder.Write("bare.json", RemoveProvenance(text));
        error = (await CliRun.Of("merge", one, bare)).ShouldFailCleanly(ExitCodes.ModelError).Error;
        error.Should().Contain("bare.json: 'provenance' is missing");
    }

    [Fact]
    public async Task Export_generator_names_the_provenance_in_a_comment_line_of_the_matrix_market_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("small.yaml", "schemaVersion: 1\nextends: " + RepositoryRoot.File("samples/scenarios/minimal.yaml") + "\ndynamics:\n  worldSteps: 2\n  goalResolution: 4000\n");
        var file = folder.File("q.mtx");

        (await CliRun.Of("export-generator", path, "--output", file)).ShouldSucceed();

        var lines = File.ReadAllLines(file);
        lines[0].Should().Be("%%MatrixMarket matrix coordinate real general");
        lines.Where(l => l.StartsWith("% provenance:", StringComparison.Ordinal)).Should().Equal(
            $"% provenance: version={Provenance.LibraryVersion}, scenarioSha256={ScenarioLoader.Load(path).Sha256}");
    }

    [Fact]
    public async Task On_a_terminal_too_narrow_for_the_footer_line_each_field_gets_a_line_of_its_own()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["score"], output, error, CancellationToken.None, new CliContext(false, TextWriter.Null, TerminalWidth: 100));

        exitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", error);
        var lines = output.ToString().Split('\n');
        lines[^5..].Should().Equal("", "provenance:", $"  version={Provenance.LibraryVersion},", $"  scenarioSha256={DefaultSha}", "");
    }

    /// <summary>Runs the command in each format and checks its provenance; returns the JSON document's root.</summary>
    private static async Task<JsonElement> ShouldCarry(string[] args, string sha, ulong? seed, string[] formats)
    {
        var fields = $"version={Provenance.LibraryVersion}, scenarioSha256={sha}" + (seed is { } s ? string.Create(CultureInfo.InvariantCulture, $", seed={s}") : "");
        var root = default(JsonElement);
        foreach (var format in formats)
        {
            var run = (await CliRun.Of([.. args, "--format", format])).ShouldSucceed();
            var lines = run.Output.Split(["\r\n", "\n"], StringSplitOptions.None);
            var shown = lines.Where(l => l.Length > 0).ToArray();
            switch (format)
            {
                case "json":
                    using (var document = JsonDocument.Parse(run.Output))
                    {
                        root = document.RootElement.Clone();
                    }

                    root.EnumerateObject().Select(p => p.Name).Take(4).Should().Equal(["schemaVersion", "command", "scenario", "provenance"], "the provenance follows the head");
                    ShouldBeProvenance(root.GetProperty("provenance"), sha, seed);
                    break;
                case "csv":
                    lines[0].Should().Be("# provenance: " + fields, $"{string.Join(' ', args)}: the CSV opens with the provenance comment");
                    lines[1].Should().NotStartWith("#").And.NotBeEmpty("the header row follows the comment");
                    CsvText.Parse(run.Output)[0].Should().Equal(CsvText.Parse(string.Join("\n", lines.Skip(1)))[0], "a reader that skips # lines reads the header row first");
                    break;
                case "markdown":
                    shown[^1].Should().Be("*provenance: `" + fields + "`*", $"{string.Join(' ', args)}: Markdown ends with the provenance footer");
                    lines[^3].Should().BeEmpty("the footer is a paragraph of its own");
                    lines[^4].Should().NotBeNullOrWhiteSpace("one blank line comes before the footer, not more");
                    break;
                default:
                    shown[^1].Should().Be("provenance: " + fields, $"{string.Join(' ', args)}: the table ends with the provenance footer");
                    lines[^2].Should().Be(shown[^1]);
                    lines[^3].Should().BeEmpty("a blank line sets the footer off");
                    lines[^4].Should().NotBeNullOrWhiteSpace("one blank line comes before the footer, not more");
                    break;
            }
        }

        return root;
    }

    private static void ShouldBeProvenance(JsonElement provenance, string sha, ulong? seed)
    {
        provenance.GetProperty("version").GetString().Should().Be(Provenance.LibraryVersion);
        provenance.GetProperty("scenarioSha256").GetString().Should().Be(sha);
        if (seed is { } s)
        {
            provenance.GetProperty("seed").GetUInt64().Should().Be(s);
        }
        else
        {
            provenance.TryGetProperty("seed", out _).Should().BeFalse("a command that draws nothing names no seed");
        }

        provenance.EnumerateObject().Select(p => p.Name).Should().Equal(seed is null ? ["version", "scenarioSha256"] : ["version", "scenarioSha256", "seed"]);
    }

    private static string RemoveProvenance(string shard) => ProvenanceObject().Replace(shard, "", 1);

    [GeneratedRegex("""  "provenance": \{[^}]*\},\n""")]
    private static partial Regex ProvenanceObject();
}
