using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary><c>uncertainty</c>: the beliefs of a scenario carried through the posterior, reproducible from its seed.</summary>
public sealed class UncertaintyCommandTests
{
    private const string Uncertain = "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: uniform(0, 2)\n";

    [Fact]
    public async Task The_same_seed_writes_the_same_document_byte_for_byte_and_another_seed_another()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        var first = (await CliRun.Of("uncertainty", path, "--samples", "50", "--seed", "9", "--format", "json")).ShouldSucceed();
        var again = (await CliRun.Of("uncertainty", path, "--samples", "50", "--seed", "9", "--format", "json")).ShouldSucceed();
        var other = (await CliRun.Of("uncertainty", path, "--samples", "50", "--seed", "10", "--format", "json")).ShouldSucceed();

        again.Output.Should().Be(first.Output);
        other.Output.Should().NotBe(first.Output);
        var document = JsonDocument.Parse(first.Output).RootElement;
        document.GetProperty("seed").GetUInt64().Should().Be(9);
        document.GetProperty("samples").GetInt32().Should().Be(50);
        document.GetProperty("results")[0].GetProperty("pDeceptive").GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()).Should().Be(50);
    }

    [Fact]
    public async Task The_table_names_each_belief_with_its_median_and_rank_correlation_and_the_csv_has_a_row_per_sample()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        var table = (await CliRun.Of("uncertainty", path, "--samples", "40")).ShouldSucceed();
        var csv = (await CliRun.Of("uncertainty", path, "--samples", "40", "--format", "csv")).ShouldSucceed();

        table.Output.Should().StartWith("Uncertainty through the simplicity posterior: scenario 'uncertain', 2 beliefs, 40 samples, seed 1.");
        table.Output.Should().Contain("analysis.dataSize").And.Contain("1e3 to 1e5").And.Contain("rank correlation with P(Deceptive)");
        var lines = csv.Output.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("sample,analysis.speedWeight,analysis.dataSize,pDeceptive");
        lines.Should().HaveCount(41);
    }

    [Fact]
    public async Task A_scenario_without_beliefs_and_too_few_samples_are_refused_cleanly()
    {
        var none = (await CliRun.Of("uncertainty", "--samples", "10")).ShouldFailCleanly(ExitCodes.ModelError);
        var few = (await CliRun.Of("uncertainty", "--samples", "1")).ShouldFailCleanly(ExitCodes.UsageError);

        none.Error.Should().Contain("states no belief as a distribution");
        few.Error.Should().Contain("--samples is 1; give 2 to 1000000");
    }
}
