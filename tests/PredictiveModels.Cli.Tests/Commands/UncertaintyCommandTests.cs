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
        var speed = document.GetProperty("results")[0].GetProperty("sensitivity").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "analysis.speedWeight");
        speed.GetProperty("totalOrder").GetDouble().Should().BeGreaterThan(0.5, "the speed weight drives the posterior's P(Deceptive) in the default");
        speed.GetProperty("totalOrderCi95").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task The_table_names_each_belief_with_its_median_rank_correlation_and_sobol_indices_and_the_csv_has_a_row_per_sample()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        var table = (await CliRun.Of("uncertainty", path, "--samples", "40")).ShouldSucceed();
        var csv = (await CliRun.Of("uncertainty", path, "--samples", "40", "--format", "csv")).ShouldSucceed();

        table.Output.Should().StartWith("Uncertainty: scenario 'uncertain', 2 beliefs, 40 samples, seed 1, Saltelli design (4 evaluations per sample; summaries over the 40 base draws).");
        table.Output.Should().Contain("analysis.dataSize").And.Contain("1e3 to 1e5").And.Contain("rank correlation").And.Contain("first-order index [95%]").And.Contain("total-order index [95%]");
        var lines = csv.Output.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("# provenance: ");
        lines[1].Should().Be("sample,analysis.speedWeight,analysis.dataSize,pDeceptive");
        lines.Should().HaveCount(42);
    }

    [Fact]
    public async Task A_scenario_without_beliefs_and_too_few_samples_are_refused_cleanly()
    {
        var none = (await CliRun.Of("uncertainty", "--samples", "10")).ShouldFailCleanly(ExitCodes.ModelError);
        var few = (await CliRun.Of("uncertainty", "--samples", "1")).ShouldFailCleanly(ExitCodes.UsageError);

        none.Error.Should().Contain("states no belief as a distribution");
        few.Error.Should().Contain("--samples is 1; give 2 to 1000000");
    }

    [Fact]
    public async Task Shards_merged_in_any_order_give_the_unsharded_document_byte_for_byte_in_every_format()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        var shards = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var shard = folder.File($"shard-{i}.json");
            (await CliRun.Of("uncertainty", path, "--samples", "20", "--seed", "4", "--shard", $"{i}/3", "-o", shard)).ShouldSucceed();
            shards.Add(shard);
        }

        foreach (var format in new[] { "json", "table", "csv", "markdown" })
        {
            var whole = (await CliRun.Of("uncertainty", path, "--samples", "20", "--seed", "4", "--format", format)).ShouldSucceed();
            var merged = (await CliRun.Of(["merge", shards[2], shards[0], shards[1], "--format", format])).ShouldSucceed();
            merged.Output.Should().Be(whole.Output, $"merging is the unsharded run in {format}");
        }

        var document = JsonDocument.Parse(File.ReadAllText(shards[1])).RootElement;
        document.GetProperty("shard").GetProperty("index").GetInt32().Should().Be(2);
        document.GetProperty("shard").GetProperty("firstSample").GetInt32().Should().Be(6);
        document.GetProperty("shard").GetProperty("samples").GetInt32().Should().Be(7);
        document.TryGetProperty("results", out _).Should().BeFalse("a shard holds raw evaluations, not summaries");
    }

    [Fact]
    public async Task Merge_refuses_a_missing_or_doubled_shard_shards_of_another_run_and_a_file_that_is_no_shard()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        var one = folder.File("one.json");
        var two = folder.File("two.json");
        var otherSeed = folder.File("other.json");
        var whole = folder.File("whole.json");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "1/2", "-o", one)).ShouldSucceed();
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "2/2", "-o", two)).ShouldSucceed();
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--seed", "2", "--shard", "2/2", "-o", otherSeed)).ShouldSucceed();
        (await CliRun.Of("uncertainty", path, "--samples", "10", "-f", "json", "-o", whole)).ShouldSucceed();
        var broken = folder.Write("broken.json", "{\n  \"command\": \"uncertainty\",\n  \"seed\": [1,\n}");

        (await CliRun.Of("merge", one)).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("shard 2 of 2 is missing");
        (await CliRun.Of("merge", one, one, two)).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("are both shard 1 of 2");
        (await CliRun.Of("merge", one, otherSeed)).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("not a shard of the same run").And.Contain("seed 2 against 1");
        (await CliRun.Of("merge", one, whole)).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("whole.json: 'shard' is missing");
        (await CliRun.Of("merge", broken)).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("broken.json:4:").And.Contain("not valid JSON");
        (await CliRun.Of("merge", folder.File("absent.json"))).ShouldFailCleanly(ExitCodes.ModelError).Error.Should().Contain("no such shard file");
    }

    [Fact]
    public async Task A_malformed_shard_option_or_a_shard_in_another_format_than_json_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "3/2")).ShouldFailCleanly(ExitCodes.UsageError).Error.Should().Contain("I must be from 1 to K");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "two")).ShouldFailCleanly(ExitCodes.UsageError).Error.Should().Contain("give I/K");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "1/11")).ShouldFailCleanly(ExitCodes.UsageError).Error.Should().Contain("at most 10 shards");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--shard", "1/2", "--format", "csv")).ShouldFailCleanly(ExitCodes.UsageError).Error.Should().Contain("--format json");
        (await CliRun.Of("uncertainty", path, "--samples", "10", "--sensitivity", "variance")).ShouldFailCleanly(ExitCodes.UsageError).Error.Should().Contain("use sobol or rank");
    }

    [Fact]
    public async Task Rank_correlations_alone_evaluate_once_per_sample_and_leave_out_the_bootstrap()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);

        var run = (await CliRun.Of("uncertainty", path, "--samples", "10", "--sensitivity", "rank", "-f", "json")).ShouldSucceed();

        var document = JsonDocument.Parse(run.Output).RootElement;
        document.GetProperty("sensitivity").GetString().Should().Be("rankCorrelation");
        document.TryGetProperty("bootstrapResamples", out _).Should().BeFalse();
        document.GetProperty("dynamics").GetBoolean().Should().BeFalse();
        document.GetProperty("results").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_scenario_that_correlates_its_beliefs_gets_rank_correlations_by_default_and_refuses_sobol()
    {
        using var folder = new TempFolder();
        var path = folder.Write("correlated.yaml", Uncertain + "uncertainty:\n  correlations:\n    - between: [analysis.dataSize, analysis.speedWeight]\n      rank: -0.5\n");

        var run = (await CliRun.Of("uncertainty", path, "--samples", "10", "-f", "json")).ShouldSucceed();
        var sobol = (await CliRun.Of("uncertainty", path, "--samples", "10", "--sensitivity", "sobol")).ShouldFailCleanly(ExitCodes.UsageError);

        JsonDocument.Parse(run.Output).RootElement.GetProperty("sensitivity").GetString().Should().Be("rankCorrelation");
        sobol.Error.Should().Contain("Sobol indices assume independent beliefs");
    }

    [Fact]
    public async Task A_cancelled_run_exits_130_and_writes_no_output_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", Uncertain);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["uncertainty", path, "--samples", "1000", "--output", folder.File("out.json")], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.ShouldShowNoStackTrace();
        folder.FileNames().Should().Equal("uncertain.yaml");
    }
}
