using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static readonly string SampleScenario = RepositoryRoot.File("samples/scenarios/default.yaml");

    [Fact]
    public async Task The_sample_default_scenario_is_valid()
    {
        var run = (await CliRun.Of("validate", SampleScenario)).ShouldSucceed();

        run.Output.Should().Contain(SampleScenario).And.Contain("valid scenario 'default'");
    }

    [Fact]
    public async Task Validate_json_counts_what_the_sample_holds()
    {
        var run = (await CliRun.Of("validate", SampleScenario, "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;

        root.GetProperty("valid").GetBoolean().Should().BeTrue();
        root.GetProperty("structures").GetInt32().Should().Be(9);
        root.GetProperty("candidates").GetInt32().Should().Be(13, "structures 1, 2, 4 and 5 have two mechanisms, the other five one");
        root.GetProperty("derivedConcepts").GetInt32().Should().BeLessThan(root.GetProperty("concepts").GetInt32());
    }

    [Fact]
    public async Task A_valid_json_scenario_is_valid()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tiny.json", CommonOptionsTests.TinyJson);

        var run = (await CliRun.Of("validate", path)).ShouldSucceed();

        run.Output.Should().Contain("valid scenario 'tiny'").And.Contain("2 structures, 3 candidates");
    }

    [Fact]
    public async Task Validate_finds_problems_that_appear_only_when_scoring()
    {
        using var folder = new TempFolder();
        var scenario = CommonOptionsTests.Edit(CommonOptionsTests.TinyYaml, "      bits: 20", "      bits: 20\n      params: [Stream]") + "analysis:\n  sizeBound: 1\n";
        var path = folder.Write("tight-bound.yaml", scenario);

        var structures = await CliRun.Of("structures", path);
        var validate = await CliRun.Of("validate", path);

        structures.ShouldSucceed();
        validate.ShouldFailCleanly(ExitCodes.ModelError);
        validate.Error.Should().Contain($"{path}:22:23: error:").And.Contain("sizeBound");
    }
}
