using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// docs/output.schema.json describes the JSON document of every command (<c>--format json</c>); these tests run
/// the commands and validate what they write, so that the schema and the tool cannot drift apart. The schema is
/// strict (no field that it does not list), so a new field fails here until the schema and docs/cli.md name it.
/// </summary>
public sealed class OutputSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "output.schema.json"))));

    private static readonly string Samples = Path.Combine(RepositoryRoot.Path, "samples", "scenarios");

    public static TheoryData<string> SampleFiles =>
        [.. Directory.GetFiles(Samples).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> DefaultStructures =>
        [.. Scenarios.Scenario.Default.Structures.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task The_scoring_and_posterior_commands_match_the_schema_on_every_sample(string file)
    {
        var path = Path.Combine(Samples, file);

        await ShouldMatchSchema("structures", path);
        await ShouldMatchSchema("score", path);
        await ShouldMatchSchema("validate", path);
        await ShouldMatchSchema("posterior", path);
        await ShouldMatchSchema("sweep", path, "-p", "n", "--from", "0", "--to", "1e9", "--steps", "3");
        await ShouldMatchSchema("sweep", path, "-p", "analysis.speedWeight", "--from", "0.01", "--to", "10", "--steps", "2", "--log");
    }

    [Theory]
    [MemberData(nameof(DefaultStructures))]
    public async Task Explain_matches_the_schema_for_every_structure_of_the_default(string structure)
    {
        await ShouldMatchSchema("explain", structure);
    }

    [Fact]
    public async Task Explain_of_a_configurations_energy_matches_the_schema_on_every_kind_of_branch_and_with_kl_and_interspersed_pre_training()
    {
        await ShouldMatchSchema("explain", "physical-camera-predictor", "-m", "corrigible", "--configuration", "w=4,g=3,h=long-term,s=aware");
        await ShouldMatchSchema("explain", "deceptive-agent", "--configuration", "w=11,k=2,origin=general-inductor/internal,flag=race", "--phase", "pre-training");
        await ShouldMatchSchema("explain", "none", "--configuration", "w=0");
        await ShouldMatchSchema("explain", "general-inductor", Path.Combine(Samples, "kl-regularisation.yaml"), "-m", "corrigible", "--configuration", "w=9,g=2,s=aware");
        await ShouldMatchSchema("explain", "deceptive-agent", Path.Combine(Samples, "interspersed-pretraining.yaml"), "--configuration", "w=9,k=2,origin=general-inductor/internal,flag=defection");
    }

    [Fact]
    public async Task Train_with_relaxation_and_simulation_matches_the_schema()
    {
        await ShouldMatchSchema("train", Path.Combine(Samples, "minimal.yaml"), "--trajectories", "200", "--seed", "3");
    }

    [Fact]
    public async Task Train_of_a_scenario_with_oversight_resets_matches_the_schema()
    {
        // A phase with resets has no relaxation time (a reason instead) and its own equilibrium solve. The sample
        // oversight-reset.yaml extends the default and takes most of a minute; the minimal sample is enough here.
        using var folder = new TempFolder();
        var scenario = folder.Write("resets.yaml", $"""
            schemaVersion: 1
            extends: {Path.Combine(Samples, "minimal.yaml")}
            name: minimal-with-resets
            dynamics:
              phases:
                - name: pre-training
                  duration: 100
                - name: fine-tuning
                  duration: 20
                  oversightDetectionRate: 1
            """);

        await ShouldMatchSchema("train", scenario);
    }

    [Fact]
    public async Task A_training_sweep_matches_the_schema()
    {
        await ShouldMatchSchema("sweep", Path.Combine(Samples, "minimal.yaml"), "--dynamics", "-p", "dynamics.temperature", "--from", "0.5", "--to", "2", "--steps", "2");
    }

    [Fact]
    public async Task Run_matches_the_schema()
    {
        await ShouldMatchSchema("run", Path.Combine(Samples, "minimal.yaml"));
    }

    [Fact]
    public async Task Compare_matches_the_schema_with_a_scenario_named_twice()
    {
        var minimal = Path.Combine(Samples, "minimal.yaml");

        await ShouldMatchSchema("compare", minimal, Path.Combine(Samples, "minimal.json"), minimal);
    }

    [Fact]
    public async Task The_schema_requires_the_fingerprint_in_every_entry_of_compare_and_in_the_provenance_of_every_other_command()
    {
        // compare's provenance names the version only, so the schema's head asks no more of every document; each
        // command's own definition must still ask for the fingerprint where it belongs.
        var compare = JsonNode.Parse(await JsonOf("compare", Path.Combine(Samples, "minimal.yaml")))!;
        compare["scenarios"]![0]!.AsObject().Remove("scenarioSha256");
        var validate = JsonNode.Parse(await JsonOf("validate", Path.Combine(Samples, "minimal.yaml")))!;
        validate["provenance"]!.AsObject().Remove("scenarioSha256");
        var fingerprinted = JsonNode.Parse(await JsonOf("compare", Path.Combine(Samples, "minimal.yaml")))!;
        fingerprinted["provenance"]!["scenarioSha256"] = new string('0', 64);

        Errors(compare).Should().NotBeEmpty();
        Errors(validate).Should().NotBeEmpty();
        Errors(fingerprinted).Should().NotBeEmpty("compare's provenance has no single scenario to name");
    }

    [Fact]
    public void Every_approved_json_document_of_the_default_matches_the_schema()
    {
        // The approval tests (Approval/JsonApprovalTests) keep these files equal to what the commands write on the
        // default scenario, train and run included; validating the files spares running those minutes twice.
        var files = Directory.GetFiles(Approval.Approved.Folder, "*.json");
        files.Select(Path.GetFileName).Should().Contain(["train.json", "run.json", "sweep-dynamics.json"]);

        foreach (var file in files)
        {
            Errors(JsonNode.Parse(File.ReadAllText(file))!).Should().BeEmpty($"the approved {Path.GetFileName(file)} should satisfy docs/output.schema.json");
        }
    }

    [Fact]
    public async Task The_schema_rejects_a_field_it_does_not_list()
    {
        var document = JsonNode.Parse(await JsonOf("validate", Path.Combine(Samples, "minimal.yaml")))!;
        document["colour"] = "blue";

        Errors(document).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_schema_rejects_a_probability_above_1()
    {
        var document = JsonNode.Parse(await JsonOf("posterior", Path.Combine(Samples, "minimal.yaml")))!;
        document["classes"]!["Deceptive"] = 1.0000000000004;

        Errors(document).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_schema_rejects_a_document_of_one_command_labelled_as_another()
    {
        var document = JsonNode.Parse(await JsonOf("validate", Path.Combine(Samples, "minimal.yaml")))!;
        document["command"] = "score";

        Errors(document).Should().NotBeEmpty();
    }

    [Fact]
    public void The_schema_has_a_definition_for_every_command_that_writes_json()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "output.schema.json")))!;
        var listed = schema["properties"]!["command"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        // merge writes the document of the run it joins: uncertainty's.
        var commands = CliApp.BuildRootCommand().Subcommands
            .Where(c => c.Options.Any(o => o.Name == "--format"))
            .Select(c => c.Name == "merge" ? "uncertainty" : c.Name)
            .Distinct()
            .ToList();

        listed.Should().BeEquivalentTo(commands);
        foreach (var command in commands)
        {
            schema["$defs"]![command].Should().NotBeNull($"the schema should define the document of '{command}'");
        }
    }

    [Fact]
    public async Task Uncertainty_matches_the_schema_with_a_belief_that_varies_and_one_that_does_not()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n  speedWeight: pointMass(0.5)\n");

        await ShouldMatchSchema("uncertainty", path, "--samples", "20");
        await ShouldMatchSchema("uncertainty", path, "--samples", "20", "--sensitivity", "rank");
    }

    [Fact]
    public async Task An_uncertainty_shard_and_a_run_with_dynamics_match_the_schema()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uncertain.yaml", "schemaVersion: 1\nextends: default\nanalysis:\n  speedWeight: uniform(0, 2)\ndynamics:\n  goalResolution: 16\n  worldSteps: 2\n");

        await ShouldMatchSchema("uncertainty", path, "--samples", "4", "--shard", "2/2");
        await ShouldMatchSchema("uncertainty", path, "--samples", "3", "--dynamics", "--sensitivity", "rank");
    }

    private static async Task ShouldMatchSchema(string command, params string[] args)
    {
        var json = await JsonOf(command, args);
        var errors = Errors(JsonNode.Parse(json)!);

        errors.Should().BeEmpty($"'{command} {string.Join(' ', args)} --format json' should satisfy docs/output.schema.json; it wrote:\n{json}");
    }

    private static async Task<string> JsonOf(string command, params string[] args)
    {
        var run = await CliRun.Of([command, .. args, "--format", "json"]);

        // A sample that states beliefs gets a note on standard error that the command uses their medians.
        run.ExitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", run.Error);
        if (run.Error.Length > 0)
        {
            run.Error.Should().StartWith("note: ").And.Contain("median", "the only message a successful run may print is the note about beliefs");
        }

        return run.Output;
    }

    private static string[] Errors(JsonNode document)
    {
        var results = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = global::Json.Schema.OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? [])
                .Where(d => d.Errors is not null && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .Distinct(StringComparer.Ordinal)];
    }
}
