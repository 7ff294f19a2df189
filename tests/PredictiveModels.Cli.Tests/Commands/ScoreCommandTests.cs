using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class ScoreCommandTests
{
    /// <summary>The structure ids of the default catalog, in MODEL.md section 8 order.</summary>
    public static readonly string[] DefaultStructureIds =
    [
        "cross-entropy-minimizer",
        "long-run-accuracy-maximizer",
        "deceptive-agent",
        "general-inductor",
        "physical-camera-predictor",
        "heuristic-collection",
        "token-transition-model",
        "human-repertoire-simulator",
        "proxy-aligned-agent",
    ];

    public static TheoryData<string, string[], string> DefaultCatalog => new()
    {
        { "cross-entropy-minimizer", ["internal", "corrigible"], "Sycophantic" },
        { "long-run-accuracy-maximizer", ["internal", "corrigible"], "Sycophantic" },
        { "deceptive-agent", ["deceptive"], "Deceptive" },
        { "general-inductor", ["internal", "corrigible"], "AnthropicCapture" },
        { "physical-camera-predictor", ["internal", "corrigible"], "Desired" },
        { "heuristic-collection", ["internal"], "NonScalable" },
        { "token-transition-model", ["internal"], "NonScalable" },
        { "human-repertoire-simulator", ["internal"], "NonScalable" },
        { "proxy-aligned-agent", ["internal"], "NonScalable" },
    };

    private static async Task<JsonElement> ScoreDefaultAsJson()
    {
        var run = (await CliRun.Of("score", "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Json_output_is_one_object_with_a_schema_version()
    {
        var run = (await CliRun.Of("score", "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        document.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        document.RootElement.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        document.RootElement.GetProperty("command").GetString().Should().Be("score");
    }

    [Fact]
    public async Task Json_candidates_cover_exactly_the_nine_structures_of_the_default_catalog_in_order()
    {
        var root = await ScoreDefaultAsJson();

        var ids = root.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("structure").GetString()).Distinct();

        ids.Should().Equal(DefaultStructureIds);
    }

    [Theory]
    [MemberData(nameof(DefaultCatalog))]
    public async Task Json_candidates_of_a_structure_have_the_mechanisms_and_class_of_the_model(string structure, string[] mechanisms, string outcomeClass)
    {
        var root = await ScoreDefaultAsJson();

        var candidates = root.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("structure").GetString() == structure).ToArray();

        candidates.Select(c => c.GetProperty("mechanism").GetString()).Should().BeEquivalentTo(mechanisms);
        candidates.Should().AllSatisfy(c => c.GetProperty("class").GetString().Should().Be(outcomeClass));
    }

    [Fact]
    public async Task Every_json_candidate_has_a_class_finite_bits_and_a_breakdown_that_totals_its_bits()
    {
        var root = await ScoreDefaultAsJson();

        foreach (var candidate in root.GetProperty("candidates").EnumerateArray())
        {
            var bits = candidate.GetProperty("bits").GetDouble();
            double.IsFinite(bits).Should().BeTrue();
            bits.Should().BeGreaterThanOrEqualTo(0);
            candidate.GetProperty("class").GetString().Should().NotBeNullOrEmpty();
            candidate.GetProperty("breakdown").GetProperty("bits").GetDouble().Should().Be(bits);
        }
    }

    [Fact]
    public async Task Kmin_and_kclass_appear_exactly_on_the_candidate_with_a_hole_and_kclass_is_at_most_kmin()
    {
        var root = await ScoreDefaultAsJson();

        foreach (var candidate in root.GetProperty("candidates").EnumerateArray())
        {
            var hasHole = candidate.GetProperty("structure").GetString() == "deceptive-agent";
            candidate.TryGetProperty("kmin", out var kmin).Should().Be(hasHole);
            candidate.TryGetProperty("kclass", out var kclass).Should().Be(hasHole);
            if (hasHole)
            {
                kclass.GetDouble().Should().BeLessThanOrEqualTo(kmin.GetDouble(), "the class mass includes the cheapest filling");
                candidate.GetProperty("bits").GetDouble().Should().Be(kclass.GetDouble(), "the default scenario charges holes their class cost");
            }
        }
    }

    [Fact]
    public async Task Kclass_counting_appears_beside_kclass_and_the_settings_name_the_class_measure()
    {
        var root = await ScoreDefaultAsJson();

        root.GetProperty("settings").GetProperty("classMeasure").GetString().Should().Be("normalised");
        foreach (var candidate in root.GetProperty("candidates").EnumerateArray())
        {
            var hasHole = candidate.GetProperty("structure").GetString() == "deceptive-agent";
            candidate.TryGetProperty("kclassCounting", out var counting).Should().Be(hasHole);
            if (hasHole)
            {
                counting.GetDouble().Should().BeLessThan(candidate.GetProperty("kclass").GetDouble(),
                    "counted at their own costs, the default's many objectives weigh more than the normalised unit they share");
            }
        }
    }

    [Fact]
    public async Task Under_the_counting_measure_bits_are_kclass_counting_in_json_csv_and_the_table_note()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("counting.yaml", $"""
            schemaVersion: 1
            extends: {RepositoryRoot.File("samples/scenarios/default.yaml")}
            name: counting
            analysis:
              classMeasure: counting
            """);

        var json = (await CliRun.Of("score", scenario, "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        root.GetProperty("settings").GetProperty("classMeasure").GetString().Should().Be("counting");
        var deceptive = root.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("structure").GetString() == "deceptive-agent");
        deceptive.GetProperty("bits").GetDouble().Should().Be(deceptive.GetProperty("kclassCounting").GetDouble());

        var csv = CsvText.Parse((await CliRun.Of("score", scenario, "--format", "csv")).ShouldSucceed().Output);
        var column = Array.IndexOf(csv[0], "kclassCounting");
        column.Should().Be(Array.IndexOf(csv[0], "kclass") + 1);
        csv.Single(r => r[0] == "deceptive-agent")[column].Should().Be(csv.Single(r => r[0] == "deceptive-agent")[Array.IndexOf(csv[0], "bits")]);

        var table = (await CliRun.Of("score", scenario)).ShouldSucceed();
        string.Join(' ', table.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Should().Contain("Holes cost Kclass under the counting measure")
            .And.Contain("no bound is known on the fillings left out: the count may grow without limit as the size bound rises");
    }

    [Fact]
    public async Task Every_breakdown_node_carries_the_sum_of_its_children()
    {
        var root = await ScoreDefaultAsJson();
        var nodes = 0;

        void Check(JsonElement node, string path)
        {
            nodes++;
            node.GetProperty("label").GetString().Should().NotBeNullOrEmpty();
            var bits = node.GetProperty("bits").GetDouble();
            bits.Should().BeGreaterThanOrEqualTo(0, path);
            if (node.TryGetProperty("children", out var children))
            {
                children.GetArrayLength().Should().BePositive(path);
                var sum = children.EnumerateArray().Sum(c => c.GetProperty("bits").GetDouble());
                bits.Should().BeApproximately(sum, 1e-9, "node '{0}' must carry the sum of its children", path);
                var i = 0;
                foreach (var child in children.EnumerateArray())
                {
                    Check(child, $"{path}/{i++}");
                }
            }
        }

        foreach (var candidate in root.GetProperty("candidates").EnumerateArray())
        {
            Check(candidate.GetProperty("breakdown"), candidate.GetProperty("structure").GetString() + "/" + candidate.GetProperty("mechanism").GetString());
        }

        nodes.Should().BeGreaterThan(13 * 3, "every candidate's tree has inner nodes and leaves");
    }

    [Fact]
    public async Task Csv_output_has_a_header_and_one_row_per_candidate()
    {
        var json = await ScoreDefaultAsJson();
        var run = (await CliRun.Of("score", "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);

        rows[0].Should().StartWith(["structure", "mechanism", "class", "bits"]);
        rows[0].Should().Contain(["kmin", "kclass"]);
        rows.Skip(1).Select(r => $"{r[0]}/{r[1]}").Should().Equal(
            json.GetProperty("candidates").EnumerateArray().Select(c => $"{c.GetProperty("structure").GetString()}/{c.GetProperty("mechanism").GetString()}"));
        rows.Should().AllSatisfy(r => r.Should().HaveSameCount(rows[0]));
    }

    [Fact]
    public async Task Csv_bits_round_trip_to_the_json_bits()
    {
        var json = await ScoreDefaultAsJson();
        var run = (await CliRun.Of("score", "--format", "csv")).ShouldSucceed();

        var bitsColumn = Array.IndexOf(CsvText.Parse(run.Output)[0], "bits");
        var csvBits = CsvText.Parse(run.Output).Skip(1).Select(r => double.Parse(r[bitsColumn], System.Globalization.CultureInfo.InvariantCulture));

        csvBits.Should().Equal(json.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("bits").GetDouble()));
    }

    [Fact]
    public async Task Table_output_lists_every_candidate_and_the_size_of_the_shared_world_model()
    {
        var run = (await CliRun.Of("score")).ShouldSucceed();

        foreach (var id in DefaultStructureIds)
        {
            run.Output.Should().Contain(id);
        }

        run.Output.Should().Contain("world model").And.Contain("Kclass");
    }

    [Fact]
    public async Task The_sample_default_file_scores_exactly_like_the_embedded_default()
    {
        var embedded = await ScoreDefaultAsJson();
        var run = (await CliRun.Of("score", RepositoryRoot.File("samples/scenarios/default.yaml"), "--format", "json")).ShouldSucceed();
        using var sample = JsonDocument.Parse(run.Output);

        sample.RootElement.GetProperty("candidates").GetRawText().Should().Be(embedded.GetProperty("candidates").GetRawText());
    }
}
