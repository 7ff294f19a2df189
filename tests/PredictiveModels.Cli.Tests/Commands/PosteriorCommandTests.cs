using System.Text.Json;
using System.Text.RegularExpressions;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class PosteriorCommandTests
{
    /// <summary>The outcome classes of MODEL.md section 8, in their stable spelling.</summary>
    public static readonly string[] Classes = ["Desired", "AnthropicCapture", "Sycophantic", "Deceptive", "NonScalable"];

    /// <summary>The structures of the default catalog that do not scale with capability (MODEL.md claim 1).</summary>
    private static readonly string[] NonScalableStructures =
        ["heuristic-collection", "token-transition-model", "human-repertoire-simulator", "proxy-aligned-agent"];

    /// <summary>
    /// Extends the embedded default with three invalid analysis settings; the line and column of
    /// each value are asserted below, so keep the lines.
    /// </summary>
    private const string InvalidAnalysisYaml = """
        schemaVersion: 1
        extends: default
        name: invalid-analysis
        analysis:
          dataSize: -1
          simplicityExponent: .nan
          eliminationThreshold: 1

        """;

    private static async Task<JsonElement> PosteriorAsJson(params string[] args)
    {
        var run = (await CliRun.Of(["posterior", .. args, "--format", "json"])).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Table_output_starts_with_the_p_deceptive_headline()
    {
        var run = (await CliRun.Of("posterior")).ShouldSucceed();

        run.Output.Should().StartWith("P(Deceptive) = ");
    }

    [Fact]
    public async Task Table_output_lists_every_class_every_candidate_and_the_bits_underwater()
    {
        var run = (await CliRun.Of("posterior")).ShouldSucceed();

        run.Output.Should().ContainAll(Classes);
        run.Output.Should().ContainAll(ScoreCommandTests.DefaultStructureIds);
        run.Output.Should().ContainAll("internal", "corrigible", "deceptive", "K (bits)");
        run.Output.Should().MatchRegex(@"(?m)^Bits underwater: -?\d+\.\d+ ");
    }

    [Fact]
    public async Task Json_is_one_posterior_object_with_a_schema_version()
    {
        var root = await PosteriorAsJson();

        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        root.GetProperty("command").GetString().Should().Be("posterior");
    }

    [Fact]
    public async Task Json_classes_are_the_five_outcome_classes_and_sum_to_1()
    {
        var root = await PosteriorAsJson();

        var classes = root.GetProperty("classes").EnumerateObject().ToArray();

        classes.Select(c => c.Name).Should().Equal(Classes);
        classes.Sum(c => c.Value.GetDouble()).Should().BeApproximately(1, 1e-12);
        classes.Should().AllSatisfy(c => c.Value.GetDouble().Should().BeInRange(0, 1));
    }

    [Fact]
    public async Task Json_p_deceptive_is_the_probability_of_the_deceptive_class()
    {
        var root = await PosteriorAsJson();

        root.GetProperty("pDeceptive").GetDouble().Should().Be(root.GetProperty("classes").GetProperty("Deceptive").GetDouble());
    }

    [Fact]
    public async Task Json_candidate_probabilities_sum_to_1_and_add_up_to_their_class_probabilities()
    {
        var root = await PosteriorAsJson();
        var candidates = root.GetProperty("candidates").EnumerateArray().ToArray();

        candidates.Should().HaveCount(13, "the default catalog has thirteen candidates");
        candidates.Sum(c => c.GetProperty("probability").GetDouble()).Should().BeApproximately(1, 1e-12);
        foreach (var outcomeClass in Classes)
        {
            var sum = candidates.Where(c => c.GetProperty("class").GetString() == outcomeClass).Sum(c => c.GetProperty("probability").GetDouble());
            sum.Should().BeApproximately(root.GetProperty("classes").GetProperty(outcomeClass).GetDouble(), 1e-12, "class {0} is the sum of its candidates", outcomeClass);
        }
    }

    [Fact]
    public async Task Json_bits_underwater_is_the_log_ratio_of_the_best_deceptive_and_best_honest_candidates()
    {
        var root = await PosteriorAsJson();
        var candidates = root.GetProperty("candidates").EnumerateArray().ToArray();

        double Best(bool deceptive) => candidates
            .Where(c => (c.GetProperty("class").GetString() == "Deceptive") == deceptive)
            .Max(c => c.GetProperty("log2Probability").GetDouble());

        root.GetProperty("bitsUnderwater").GetDouble().Should().BeApproximately(Best(deceptive: true) - Best(deceptive: false), 1e-9);
    }

    [Fact]
    public async Task Json_candidates_carry_their_log2_probability_consistently_with_their_probability()
    {
        var root = await PosteriorAsJson();

        foreach (var candidate in root.GetProperty("candidates").EnumerateArray())
        {
            var log2P = candidate.GetProperty("log2Probability").GetDouble();
            log2P.Should().BeLessThanOrEqualTo(0);
            candidate.GetProperty("probability").GetDouble().Should().BeApproximately(double.Exp2(log2P), 1e-15);
        }
    }

    [Fact]
    public async Task Json_eliminations_name_exactly_the_four_non_scalable_structures_all_eliminated()
    {
        var root = await PosteriorAsJson();

        var eliminations = root.GetProperty("eliminations").EnumerateArray().ToArray();

        eliminations.Select(e => e.GetProperty("structure").GetString()).Should().BeEquivalentTo(NonScalableStructures);
        eliminations.Should().AllSatisfy(e =>
        {
            e.GetProperty("eliminated").GetBoolean().Should().BeTrue();
            e.GetProperty("lossGap").GetDouble().Should().BePositive();
            e.GetProperty("eliminatedAtDataSize").GetDouble().Should().BeLessThan(root.GetProperty("settings").GetProperty("dataSize").GetDouble());
        });
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Every_format_exits_0(string format)
    {
        var run = (await CliRun.Of("posterior", "--format", format)).ShouldSucceed();

        run.Output.Should().NotBeNullOrWhiteSpace().And.EndWith("\n");
    }

    [Fact]
    public async Task Csv_has_one_row_per_candidate_with_its_probability()
    {
        var json = await PosteriorAsJson();
        var run = (await CliRun.Of("posterior", "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);

        rows[0].Should().StartWith(["structure", "mechanism", "class"]).And.Contain("probability");
        rows.Skip(1).Select(r => $"{r[0]}/{r[1]}").Should().Equal(
            json.GetProperty("candidates").EnumerateArray().Select(c => $"{c.GetProperty("structure").GetString()}/{c.GetProperty("mechanism").GetString()}"));
        rows.Should().AllSatisfy(r => r.Should().HaveSameCount(rows[0]));
    }

    [Fact]
    public async Task The_same_scenario_gives_byte_identical_json_twice()
    {
        var first = (await CliRun.Of("posterior", "--format", "json")).ShouldSucceed();
        var second = (await CliRun.Of("posterior", "--format", "json")).ShouldSucceed();

        second.Output.Should().Be(first.Output);
    }

    [Fact]
    public async Task A_human_preferences_goal_makes_deception_likelier_than_the_default_prediction_goal()
    {
        var prediction = await PosteriorAsJson();
        var preferences = await PosteriorAsJson(RepositoryRoot.File("samples/scenarios/human-preferences.yaml"));

        preferences.GetProperty("pDeceptive").GetDouble().Should().BeGreaterThan(prediction.GetProperty("pDeceptive").GetDouble());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task A_class_without_candidates_shows_probability_0_not_a_power_of_2(string format)
    {
        using var folder = new TempFolder();
        var path = folder.Write("tiny.yaml", CommonOptionsTests.TinyYaml);

        var posterior = (await CliRun.Of("posterior", path, "--format", format)).ShouldSucceed();
        var sweep = (await CliRun.Of("sweep", path, "--param", "n", "--from", "0", "--to", "1", "--steps", "2", "--format", format)).ShouldSucceed();

        posterior.Output.Should().NotContain("Infinity").And.MatchRegex(@"AnthropicCapture\s*\|?\s*0\s");
        sweep.Output.Should().NotContain("Infinity");
    }

    [Fact]
    public async Task Without_a_deceptive_candidate_bits_underwater_is_null_and_the_table_leaves_its_line_out()
    {
        using var folder = new TempFolder();
        var honestOnly = CommonOptionsTests.TinyYaml[..CommonOptionsTests.TinyYaml.IndexOf("  - id: schemer", StringComparison.Ordinal)];
        var path = folder.Write("honest.yaml", honestOnly);

        var json = await PosteriorAsJson(path);
        var table = (await CliRun.Of("posterior", path)).ShouldSucceed();

        json.GetProperty("bitsUnderwater").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("pDeceptive").GetDouble().Should().Be(0);
        table.Output.Should().StartWith("P(Deceptive) = 0 ").And.NotContain("Bits underwater");
    }

    [Theory]
    [InlineData("posterior")]
    [InlineData("sweep")]
    public async Task Invalid_analysis_settings_in_a_scenario_exit_1_naming_each_at_its_line_and_column(string command)
    {
        using var folder = new TempFolder();
        var path = folder.Write("invalid-analysis.yaml", InvalidAnalysisYaml);
        string[] args = command == "sweep" ? ["sweep", path, "--param", "n", "--from", "0", "--to", "1"] : ["posterior", path];

        var run = (await CliRun.Of(args)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{path}:5:13: error:").And.Contain("analysis.dataSize");
        run.Error.Should().Contain($"{path}:6:23: error:").And.Contain("analysis.simplicityExponent");
        run.Error.Should().Contain($"{path}:7:25: error:").And.Contain("analysis.eliminationThreshold");
    }

    [Fact]
    public async Task A_huge_simplicity_exponent_gives_finite_probabilities_or_a_clean_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge.yaml", "schemaVersion: 1\nextends: default\nname: huge\nanalysis:\n  simplicityExponent: 1e308\n");

        var run = await CliRun.Of("posterior", path, "--format", "json");

        run.ShouldShowNoStackTrace();
        run.Error.Should().NotContain("internal error");
        if (run.ExitCode == ExitCodes.Success)
        {
            using var document = JsonDocument.Parse(run.Output);
            document.RootElement.GetProperty("classes").EnumerateObject().Sum(c => c.Value.GetDouble()).Should().BeApproximately(1, 1e-12);
        }
        else
        {
            run.ShouldFailCleanly(ExitCodes.ModelError);
        }
    }

    [Fact]
    public async Task Help_exits_0_and_states_the_formula_of_the_posterior()
    {
        var run = (await CliRun.Of("posterior", "--help")).ShouldSucceed();
        var text = Regex.Replace(run.Output, @"\s+", " ");

        text.Should().Contain("log2 w(m) = -(a K(m) + lambda log2 T(m) + n lossGap(m))");
        text.Should().Contain("P(m) = w(m) / sum of w");
        text.Should().Contain("bits underwater").And.Contain("table|json|csv|markdown").And.Contain("default scenario");
    }
}
