using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>
/// docs/scenario.schema.json is published for editors and other tools; these tests keep it true to
/// the samples and to the library's own reader (ScenarioReader), which stays the authority.
/// </summary>
public sealed partial class ScenarioSchemaTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "scenario.schema.json"))));

    public static TheoryData<string> SampleYamlFiles => FilesOf(".yaml");

    public static TheoryData<string> SampleJsonFiles => FilesOf(".json");

    [Theory]
    [MemberData(nameof(SampleYamlFiles))]
    public void Every_yaml_sample_converted_to_json_is_valid_against_the_schema(string file)
    {
        var instance = YamlToJson.Convert(File.ReadAllText(SamplePath(file)))!;

        ShouldBeValid(instance, file);
    }

    [Theory]
    [MemberData(nameof(SampleJsonFiles))]
    public void Every_json_sample_is_valid_against_the_schema(string file)
    {
        var instance = JsonNode.Parse(File.ReadAllText(SamplePath(file)))!;

        ShouldBeValid(instance, file);
    }

    [Theory]
    [MemberData(nameof(SampleYamlFiles))]
    [MemberData(nameof(SampleJsonFiles))]
    public void Every_sample_is_also_accepted_by_the_library_loader(string file)
    {
        var loading = () => ScenarioLoader.Load(SamplePath(file));

        loading.Should().NotThrow();
    }

    [Theory]
    [MemberData(nameof(SampleYamlFiles))]
    public void Every_yaml_sample_starts_with_the_language_server_line_pointing_at_the_schema(string file)
    {
        var first = File.ReadLines(SamplePath(file)).First();

        var line = LanguageServerLine().Match(first);
        line.Success.Should().BeTrue($"{file} should start with '# yaml-language-server: $schema=PATH' (docs/scenario-format.md), not '{first}'");
        var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SamplePath(file))!, line.Groups["path"].Value));
        schema.Should().Be(Path.GetFullPath(Path.Combine(RepositoryRoot, "docs", "scenario.schema.json")), "the line points editors at the published schema");
        File.Exists(schema).Should().BeTrue();
    }

    [Fact]
    public void The_schema_id_is_a_name_that_resolves_to_the_file_once_the_file_is_registered()
    {
        // docs/packaging.md: the id is a URN, which nothing fetches; the shipped file is what it names.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromFile(Path.Combine(RepositoryRoot, "docs", "scenario.schema.json"), options);
        schema.BaseUri.Should().Be(new Uri("urn:predictive-models:scenario:1"));
        options.SchemaRegistry.Register(schema);

        var byId = JsonSchema.FromText("""{ "$ref": "urn:predictive-models:scenario:1" }""", options);
        var valid = JsonSerializer.SerializeToElement(Minimal());
        var invalid = Minimal();
        invalid["colour"] = "blue";

        byId.Evaluate(valid).IsValid.Should().BeTrue();
        byId.Evaluate(JsonSerializer.SerializeToElement(invalid)).IsValid.Should().BeFalse("the reference reaches the scenario schema, which has no key 'colour'");
    }

    [Fact]
    public void The_minimal_sample_says_the_same_in_yaml_and_in_json()
    {
        var fromYaml = YamlToJson.Convert(File.ReadAllText(SamplePath("minimal.yaml")));
        var fromJson = JsonNode.Parse(File.ReadAllText(SamplePath("minimal.json")));

        JsonNode.DeepEquals(fromYaml, fromJson).Should().BeTrue(
            "docs/scenario-format.md shows the two files as one scenario in two formats");
    }

    [Fact]
    public void The_default_sample_is_the_scenario_embedded_in_the_library()
    {
        var text = File.ReadAllText(SamplePath("default.yaml"));

        text.Should().Be(DefaultScenario.Text);
    }

    [Fact]
    public void The_schema_rejects_an_unknown_key_and_so_does_the_loader()
    {
        var scenario = Minimal();
        scenario["worldModel"]!["concepts"]![0]!["salience"] = 3;

        Evaluate(scenario).IsValid.Should().BeFalse();
        var loading = () => Load(scenario);
        loading.Should().Throw<ModelException>()
            .Which.Diagnostics.Should().ContainSingle(d => d.Message.StartsWith("unknown key 'salience'", StringComparison.Ordinal))
            .Which.Location!.Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_schema_rejects_a_wrong_class_name_and_so_does_the_loader()
    {
        var scenario = Minimal();
        scenario["structures"]![0]!["class"] = "Honest";

        Evaluate(scenario).IsValid.Should().BeFalse();
        var loading = () => Load(scenario);
        loading.Should().Throw<ModelException>()
            .Which.Diagnostics.Should().ContainSingle(d => d.Message.StartsWith("'Honest' is not a class", StringComparison.Ordinal));
    }

    /// <summary>Mistakes that both the schema and the loader must reject, each named by a phrase.</summary>
    private static readonly Dictionary<string, Action<JsonObject>> Mistakes = new(StringComparer.Ordinal)
    {
        ["an unknown key at the top level"] = s => s["colour"] = "blue",
        ["an unknown key in the world model"] = s => s["worldModel"]!["concept"] = new JsonArray(),
        ["an unknown key in a structure"] = s => s["structures"]![0]!["camra"] = "corpus",
        ["an unknown key in the analysis settings"] = s => s["analysis"] = new JsonObject { ["sizebound"] = 12 },
        ["an unknown built-in in the built-in weights"] = s => s["worldModel"]!["builtins"] = new JsonObject { ["planning"] = 2 },
        ["a class name in the wrong case"] = s => s["structures"]![0]!["class"] = "desired",
        ["a mechanism in upper case"] = s => s["structures"]![0]!["mechanisms"] = new JsonArray("Internal"),
        ["a mechanism listed twice"] = s => s["structures"]![0]!["mechanisms"] = new JsonArray("internal", "internal"),
        ["an empty list of mechanisms"] = s => s["structures"]![0]!["mechanisms"] = new JsonArray(),
        ["a structure without a camera"] = s => s["structures"]![0]!.AsObject().Remove("camera"),
        ["a scenario without a world model"] = s => s.Remove("worldModel"),
        ["a scenario without a schema version"] = s => s.Remove("schemaVersion"),
        ["a scenario with no structures"] = s => s["structures"] = new JsonArray(),
        ["schema version 2"] = s => s["schemaVersion"] = 2,
        ["negative bits"] = s => s["worldModel"]!["concepts"]![0]!["bits"] = -1,
        ["bits written as a list"] = s => s["worldModel"]!["concepts"]![0]!["bits"] = new JsonArray(4000),
        ["bits written as true"] = s => s["worldModel"]!["concepts"]![0]!["bits"] = true,
        ["a weight of zero"] = s => s["worldModel"]!["concepts"]![0]!["weight"] = 0,
        ["a literal weight of zero"] = s => s["worldModel"]!["literalWeight"] = 0,
        ["a negative built-in weight"] = s => s["worldModel"]!["builtins"] = new JsonObject { ["plan"] = -2 },
        ["a negative acquisition point"] = s => s["worldModel"]!["concepts"]![0]!["acquiredAt"] = -5,
        ["a concept with both bits and a definition"] = s => s["worldModel"]!["concepts"]![2]!["definition"] = "longterm(paperclips)",
        ["a concept with neither bits nor a definition"] = s => s["worldModel"]!["concepts"]![2]!.AsObject().Remove("bits"),
        ["a derived concept with parameters"] = s => s["worldModel"]!["concepts"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "total_paperclips",
            ["type"] = "Quantity",
            ["params"] = new JsonArray("Quantity"),
            ["definition"] = "longterm(paperclips)",
        }),
        ["a type that does not exist"] = s => s["worldModel"]!["concepts"]![0]!["type"] = "Number",
        ["a concept name that is not an identifier"] = s => s["worldModel"]!["concepts"]![0]!["name"] = "the corpus",
        ["a structure id that is not in kebab case"] = s => s["structures"]![0]!["id"] = "Dated_Predictor",
        ["a structure id with a trailing hyphen"] = s => s["structures"]![0]!["id"] = "dated-",
        ["runtime steps below 1"] = s => s["structures"]![0]!["runtimeSteps"] = 0.5,
        ["a negative loss gap"] = s => s["structures"]![0]!["lossGap"] = -0.1,
        ["negative derive steps"] = s => s["structures"]![1]!["deriveSteps"] = -1,
        ["a size bound of 0"] = s => s["analysis"] = new JsonObject { ["sizeBound"] = 0 },
        ["a size bound above 512"] = s => s["analysis"] = new JsonObject { ["sizeBound"] = 513 },
        ["an unknown hole cost"] = s => s["analysis"] = new JsonObject { ["holeCost"] = "cheap" },
        ["a blank camera expression"] = s => s["structures"]![0]!["camera"] = "   ",
        ["a null description"] = s => s["description"] = null,
        ["an unknown key in uncertainty"] = s => s["uncertainty"] = new JsonObject { ["correlation"] = new JsonArray() },
        ["a rank correlation above 1"] = s => s["uncertainty"] = new JsonObject { ["correlations"] = new JsonArray(new JsonObject { ["between"] = new JsonArray("concepts.corpus.bits", "concepts.physical.bits"), ["rank"] = 1.5 }) },
        ["a correlation between one path"] = s => s["uncertainty"] = new JsonObject { ["correlations"] = new JsonArray(new JsonObject { ["between"] = new JsonArray("concepts.corpus.bits"), ["rank"] = 0.5 }) },
    };

    public static TheoryData<string> MistakeNames => [.. Mistakes.Keys];

    [Theory]
    [MemberData(nameof(MistakeNames))]
    public void The_schema_and_the_loader_both_reject(string mistake)
    {
        var scenario = Minimal();
        Mistakes[mistake](scenario);

        Evaluate(scenario).IsValid.Should().BeFalse($"the schema should reject {mistake}");
        var loading = () => Load(scenario);
        loading.Should().Throw<ModelException>($"the loader should reject {mistake}");
    }

    [Fact]
    public void The_schema_and_the_loader_both_accept_a_belief_written_as_a_string()
    {
        var scenario = Minimal();
        scenario["worldModel"]!["concepts"]![0]!["bits"] = "3000 to 5000";

        Evaluate(scenario).IsValid.Should().BeTrue();
        Load(scenario).UncertainParameters.Should().ContainSingle().Which.Notation.Should().Be("3000 to 5000");
    }

    [Fact]
    public void The_schema_and_the_loader_both_accept_a_rank_correlation_between_two_beliefs()
    {
        var scenario = Minimal();
        var concepts = scenario["worldModel"]!["concepts"]!;
        concepts[0]!["bits"] = "3000 to 5000";
        concepts[1]!["bits"] = "uniform(10, 20)";
        var paths = Load(scenario).UncertainParameters.Select(u => u.Path).ToArray();
        scenario["uncertainty"] = new JsonObject { ["correlations"] = new JsonArray(new JsonObject { ["between"] = new JsonArray(paths[0], paths[1]), ["rank"] = -0.5 }) };

        ShouldBeValid(scenario, "a scenario with a correlation");
        Load(scenario).BeliefCorrelations.Should().Equal(new BeliefCorrelation(paths[0], paths[1], -0.5));
    }

    [Fact]
    public void The_schema_and_the_loader_both_accept_a_scenario_that_uses_every_key()
    {
        var scenario = Minimal();
        scenario["description"] = "Every key of the format, each with a valid value.";
        scenario["analysis"] = new JsonObject { ["holeCost"] = "min", ["sizeBound"] = 20 };
        var world = scenario["worldModel"]!.AsObject();
        world["literalWeight"] = 0.5;
        world["builtins"] = new JsonObject { ["plan"] = 2, ["any_stream"] = 0.25 };
        world["concepts"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "count_of",
            ["type"] = "Quantity",
            ["params"] = new JsonArray("Stream"),
            ["bits"] = 50,
            ["weight"] = 1e-3,
            ["acquiredAt"] = 0,
            ["description"] = "How many observations a stream holds.",
        });
        world["concepts"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "total_paperclips",
            ["type"] = "Quantity",
            ["params"] = new JsonArray(),
            ["definition"] = "longterm(paperclips)",
            ["description"] = "A derived concept with an empty parameter list.",
        });
        var structure = scenario["structures"]![1]!.AsObject();
        structure["name"] = "Paperclip agent";
        structure["lossGap"] = 0;
        structure["runtimeSteps"] = 10;
        structure["deriveSteps"] = 100;
        structure["description"] = "Plays along in training.";

        ShouldBeValid(scenario, "the scenario with every key");
        var loading = () => Load(scenario);
        loading.Should().NotThrow();
    }

    private static JsonObject Minimal() => JsonNode.Parse(File.ReadAllText(SamplePath("minimal.json")))!.AsObject();

    private static Scenario Load(JsonObject scenario) =>
        ScenarioLoader.Parse(scenario.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "mutated.json", ScenarioFormat.Json);

    private static EvaluationResults Evaluate(JsonNode instance) =>
        Schema.Value.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static void ShouldBeValid(JsonNode instance, string what)
    {
        var results = Evaluate(instance);
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct(StringComparer.Ordinal);
        results.IsValid.Should().BeTrue($"{what} should satisfy docs/scenario.schema.json, but: {string.Join("; ", errors)}");
    }

    /// <summary>The samples whose name ends with <paramref name="extension"/>, those in subfolders (samples/scenarios/perspectives) included.</summary>
    private static TheoryData<string> FilesOf(string extension) =>
        [.. TestScenarios.SampleFiles().Where(f => f.EndsWith(extension, StringComparison.Ordinal))];

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(?<path>\S+)$")]
    private static partial Regex LanguageServerLine();

    private static string SamplePath(string file) => Path.Combine(RepositoryRoot, "samples", "scenarios", file);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PredictiveModels.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PredictiveModels.sln.");
    }

    /// <summary>
    /// Turns YAML into the JSON it stands for, resolving plain scalars by the YAML 1.2 core schema
    /// (null, booleans, integers, floats; anything else is a string). Quoted, literal and folded
    /// scalars are always strings.
    /// </summary>
    private static partial class YamlToJson
    {
        public static JsonNode? Convert(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            stream.Documents.Should().ContainSingle("a scenario file holds one YAML document");
            return Node(stream.Documents[0].RootNode);
        }

        private static JsonNode? Node(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
                e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, Node(e.Value)))),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Node)]),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new InvalidOperationException($"Unsupported YAML node at {node.Start}."),
        };

        private static JsonNode? Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain)
            {
                return JsonValue.Create(text);
            }

            if (text is "" or "~" or "null" or "Null" or "NULL")
            {
                return null;
            }

            if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
            }

            if (Integer().IsMatch(text))
            {
                return JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }

            if (Float().IsMatch(text))
            {
                return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            return JsonValue.Create(text);
        }

        [GeneratedRegex("^[-+]?[0-9]+$")]
        private static partial Regex Integer();

        [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
        private static partial Regex Float();
    }
}
