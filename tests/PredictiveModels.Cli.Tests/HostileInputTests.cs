namespace PredictiveModels.Cli.Tests;

/// <summary>Hostile and oversized inputs through the whole command line: a located message and exit 1, never a crash, a hang or a stack trace.</summary>
public sealed class HostileInputTests
{
    private const string MemoryHungry = "schemaVersion: 1\nextends: default\ndynamics:\n  goalResolution: 2\n  worldSteps: 10000\n  maxConfigurations: 1000000000\n";

    [Fact]
    public async Task Validate_refuses_a_chain_that_train_would_refuse_for_memory()
    {
        using var folder = new TempFolder();
        var path = folder.Write("memory.yaml", MemoryHungry);

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().StartWith($"{path}:4:3: error: the training chain of phase 'pre-training' would have 652,365,230 configurations, needing about 607.56 GiB of memory (1,000 bytes each with the relaxation time, 450 without)");
    }

    [Fact]
    public async Task Train_refuses_a_chain_too_large_for_memory_before_allocating_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("memory.yaml", MemoryHungry);

        var run = (await CliRun.Of("train", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{path}:4:3: error:").And.Contain("GiB of memory").And.Contain("with the relaxation time");
    }

    [Fact]
    public async Task Validate_refuses_a_chain_over_its_configuration_limit_at_the_key_that_causes_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("large.yaml", "schemaVersion: 1\nextends: default\ndynamics:\n  worldSteps: 10000\n  goalResolution: 0.5\n");

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().StartWith($"{path}:5:3: error: the training chain would have");
    }

    [Fact]
    public async Task Validate_dev_zero_stops_at_the_size_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var run = (await CliRun.Of("validate", "/dev/zero")).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain("holds more than 16777216 bytes");
    }

    [Fact]
    public async Task Deeply_nested_yaml_is_a_located_error_not_a_stack_overflow()
    {
        using var folder = new TempFolder();
        var path = folder.Write("deep.yaml", "schemaVersion: 1\ndescription: " + new string('[', 10_000) + new string(']', 10_000) + "\n");

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().StartWith($"{path}:2:141: error: lists and mappings are nested more than 128 levels deep");
    }

    [Fact]
    public async Task A_billion_laughs_file_is_refused_at_its_first_anchor()
    {
        using var folder = new TempFolder();
        var text = "schemaVersion: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (var level = 0; level < 9; level++)
        {
            var name = (char)('b' + level);
            text += $"{name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + (char)(name - 1), 9))}]\n";
        }

        var path = folder.Write("lol.yaml", text);

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Be($"{path}:2:4: error: YAML anchors (&a) are not supported in scenarios; write the value out where it is used\n");
    }
}
