using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>A scenario that states beliefs as distributions: the commands use the medians and say so on standard error.</summary>
public sealed class BeliefNoteTests
{
    private const string Uncertain = "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: \"truncate(normal(0.5, 1), 0, 10)\"\n";

    [Fact]
    public async Task Validate_accepts_beliefs_and_names_each_with_the_median_it_stands_for()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        var run = await CliRun.Of("validate", path);

        run.ExitCode.Should().Be(0, "a scenario with beliefs inside their ranges is valid");
        run.Error.Should().Be(
            $"note: {path} states 2 parameters as beliefs (distributions); this command uses each one's median:\n" +
            "  analysis.speedWeight = 0.896871  (median of truncate(normal(0.5, 1), 0, 10))\n" +
            "  analysis.dataSize = 10000  (median of 1e3 to 1e5)\n");
    }

    [Fact]
    public async Task Score_writes_its_json_document_on_standard_output_untouched_by_the_note()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n");

        var run = await CliRun.Of("score", path, "--format", "json");

        run.ExitCode.Should().Be(0);

        JsonDocument.Parse(run.Output).RootElement.GetProperty("command").GetString().Should().Be("score");
        run.Error.Should().StartWith($"note: {path} states 1 parameter as a belief (a distribution); this command uses its median:");
    }

    [Fact]
    public async Task A_belief_outside_a_parameters_range_fails_validation_at_its_value()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.yaml", "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: normal(10, 100)\n");

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().StartWith($"{path}:4:13: error: the belief 'normal(10, 100)' puts probability 0.46 outside the values analysis.dataSize accepts");
    }
}
