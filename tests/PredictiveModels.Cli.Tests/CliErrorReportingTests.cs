namespace PredictiveModels.Cli.Tests;

public sealed class CliErrorReportingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-cli-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_invalid_scenario_is_reported_as_located_diagnostics_without_a_stack_trace()
    {
        var path = Path.Combine(_folder, "bad.yaml");
        await File.WriteAllTextAsync(path, "schemaVersion: 1\nworldModel:\n  concepts: []\nstructures: []\nfoo: 1\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["validate", path], output, error);

        exit.Should().Be(ExitCodes.ModelError);
        error.ToString().Should().Contain($"{path}:5:1: error: unknown key 'foo' at the top level");
        error.ToString().Should().NotContain("Unhandled exception").And.NotContain("   at ");
        output.ToString().Should().BeEmpty();
    }
}
