using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class ExplainCommandTests
{
    [Fact]
    public async Task The_deceptive_agent_is_explained_by_both_its_kclass_and_its_kmin_tree()
    {
        var run = (await CliRun.Of("explain", "deceptive-agent")).ShouldSucceed();

        run.Output.Should().Contain("Kclass =").And.Contain("Kmin =");
        run.Output.Should().Contain("class mass of all fillings").And.Contain("cheapest filling");
        run.Output.IndexOf("Kclass =", StringComparison.Ordinal).Should().BeLessThan(run.Output.IndexOf("Kmin =", StringComparison.Ordinal), "the tree that counts comes first");
    }

    [Fact]
    public async Task The_json_trees_of_the_deceptive_agent_total_its_kmin_and_kclass()
    {
        var run = (await CliRun.Of("explain", "deceptive-agent", "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);

        var candidate = document.RootElement.GetProperty("candidates").EnumerateArray().Should().ContainSingle().Subject;

        candidate.GetProperty("mechanism").GetString().Should().Be("deceptive");
        candidate.GetProperty("kminBreakdown").GetProperty("bits").GetDouble().Should().Be(candidate.GetProperty("kmin").GetDouble());
        candidate.GetProperty("kclassBreakdown").GetProperty("bits").GetDouble().Should().Be(candidate.GetProperty("kclass").GetDouble());
        candidate.GetProperty("kclass").GetDouble().Should().BeLessThanOrEqualTo(candidate.GetProperty("kmin").GetDouble());
    }

    [Fact]
    public async Task The_explained_bits_equal_the_scored_bits()
    {
        var explain = (await CliRun.Of("explain", "physical-camera-predictor", "--format", "json")).ShouldSucceed();
        var score = (await CliRun.Of("score", "--format", "json")).ShouldSucceed();
        using var explained = JsonDocument.Parse(explain.Output);
        using var scored = JsonDocument.Parse(score.Output);

        var scoredBits = scored.RootElement.GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("structure").GetString() == "physical-camera-predictor")
            .Select(c => c.GetProperty("bits").GetDouble());

        explained.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("bits").GetDouble()).Should().Equal(scoredBits);
    }

    [Fact]
    public async Task A_structure_without_holes_has_one_k_tree_per_mechanism()
    {
        var run = (await CliRun.Of("explain", "general-inductor")).ShouldSucceed();

        run.Output.Should().Contain("internal (AnthropicCapture): K =").And.Contain("corrigible (AnthropicCapture): K =");
        run.Output.Should().NotContain("Kmin").And.NotContain("Kclass");
    }

    [Theory]
    [InlineData("internal")]
    [InlineData("corrigible")]
    public async Task The_mechanism_option_explains_only_that_mechanism(string mechanism)
    {
        var run = (await CliRun.Of("explain", "general-inductor", "--mechanism", mechanism, "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);

        document.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("mechanism").GetString()).Should().Equal(mechanism);
    }

    [Fact]
    public async Task Explain_csv_has_a_row_per_tree_node_with_its_depth()
    {
        var run = (await CliRun.Of("explain", "deceptive-agent", "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);

        rows[0].Should().Equal("structure", "mechanism", "tree", "depth", "label", "bits");
        rows.Skip(1).Select(r => r[2]).Distinct().Should().Equal("kclass", "kclassCounting", "kmin");
        rows.Skip(1).Where(r => r[3] == "0").Should().HaveCount(3, "each tree has one root");
    }

    [Fact]
    public async Task An_unknown_structure_exits_2_naming_it_and_listing_the_structures()
    {
        var run = (await CliRun.Of("explain", "no-such-structure")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("'no-such-structure'");
        run.Error.Should().ContainAll(ScoreCommandTests.DefaultStructureIds);
    }

    [Theory]
    [InlineData("deceptive-agnet", "deceptive-agent")]
    [InlineData("general-inducter", "general-inductor")]
    [InlineData("heuristics-collection", "heuristic-collection")]
    public async Task A_misspelt_structure_exits_2_suggesting_the_close_id(string misspelt, string suggested)
    {
        var run = (await CliRun.Of("explain", misspelt)).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain($"'{misspelt}'");
        run.Error.TrimEnd().Should().EndWith($"did you mean '{suggested}'?", "the question ends the message");
    }

    [Fact]
    public async Task A_mechanism_the_structure_lacks_exits_2_naming_the_mechanisms_it_has()
    {
        var run = (await CliRun.Of("explain", "general-inductor", "--mechanism", "deceptive")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("general-inductor").And.Contain("deceptive").And.Contain("internal, corrigible");
    }

    [Fact]
    public async Task A_structure_of_a_scenario_file_is_explained()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tiny.yaml", CommonOptionsTests.TinyYaml);

        var run = (await CliRun.Of("explain", "schemer", path)).ShouldSucceed();

        run.Output.Should().Contain("schemer").And.Contain("Kclass =").And.Contain("Kmin =");
    }
}
