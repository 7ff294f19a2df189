namespace PredictiveModels.Cli.Tests;

/// <summary>A mistyped command, option or parameter path is answered with the nearest valid one.</summary>
public sealed class TypoSuggestionTests
{
    [Fact]
    public async Task Running_with_no_arguments_shows_the_help_and_succeeds()
    {
        var run = (await CliRun.Of()).ShouldSucceed();

        run.Output.Should().Contain("Usage:").And.Contain("score").And.Contain("validate");
    }

    [Fact]
    public async Task A_mistyped_command_suggests_the_nearest_command()
    {
        var run = (await CliRun.Of("scroe")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("error: Unrecognized command or argument 'scroe'; did you mean 'score'?");
    }

    [Fact]
    public async Task A_mistyped_option_before_a_scenario_suggests_the_nearest_option_of_the_command()
    {
        var run = (await CliRun.Of("score", "--fromat", "json")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("unknown option '--fromat'; did you mean '--format'?");
    }

    [Fact]
    public async Task A_mistyped_option_of_explain_suggests_the_nearest_option()
    {
        var run = (await CliRun.Of("explain", "deceptive-agent", "--fromat", "json")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("unknown option '--fromat'; did you mean '--format'?");
    }

    [Fact]
    public async Task A_mistyped_option_in_place_of_the_structure_id_is_a_usage_error_with_a_suggestion()
    {
        var run = (await CliRun.Of("explain", "--fromat", "json")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("unknown option '--fromat'; did you mean '--format'?");
    }

    [Fact]
    public async Task A_mistyped_option_of_train_suggests_the_nearest_option()
    {
        var run = (await CliRun.Of("train", "--trajectorys", "5")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("did you mean '--trajectories'?");
    }

    [Fact]
    public async Task A_one_letter_option_gets_no_guess()
    {
        var run = (await CliRun.Of("score", "-x")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("unknown option '-x'").And.NotContain("did you mean");
    }

    [Theory]
    [InlineData("concepts.corpus.bit", "concepts.corpus.bits")]
    [InlineData("analysis.simplicityExponant", "analysis.simplicityExponent")]
    [InlineData("structures.deceptive-agent.lossgap", "structures.deceptive-agent.lossGap")]
    public async Task A_mistyped_sweep_parameter_path_suggests_the_nearest_valid_path(string typed, string meant)
    {
        var run = (await CliRun.Of("sweep", "--param", typed, "--from", "1", "--to", "2")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain($"'{typed}' is not a parameter path; did you mean '{meant}'?");
    }

    [Fact]
    public async Task A_mistyped_phase_parameter_suggests_the_nearest_key()
    {
        var run = (await CliRun.Of("sweep", "--dynamics", "--param", "phases.rl-fine-tuning.duratoin", "--from", "1", "--to", "2")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("'duratoin' is not a numeric parameter of a phase; did you mean 'duration'?");
    }

    [Fact]
    public async Task A_json_scenario_may_name_its_schema()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tiny.json", "{ \"$schema\": \"../docs/scenario.schema.json\"," + Commands.CommonOptionsTests.TinyJson.TrimStart()[1..]);

        (await CliRun.Of("validate", path)).ShouldSucceed();
    }

    [Fact]
    public async Task The_allowed_top_level_keys_in_messages_include_extends_and_removeStructures()
    {
        using var folder = new TempFolder();
        var path = folder.Write("typo.yaml", "schemaVersion: 1\nextnds: default\n");

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{path}:2:1: error: unknown key 'extnds' at the top level; did you mean 'extends'? (allowed: schemaVersion, name, description, extends, removeStructures, worldModel, structures, analysis, dynamics, uncertainty, $schema)");
    }
}
