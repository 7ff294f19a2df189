using System.Globalization;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task The_generator_is_written_in_Matrix_Market_format_with_rows_summing_to_zero()
    {
        using var folder = new TempFolder();
        var path = folder.Write("small.yaml", "schemaVersion: 1\nextends: " + RepositoryRoot.File("samples/scenarios/minimal.yaml") + "\ndynamics:\n  worldSteps: 2\n  goalResolution: 4000\n");
        var file = folder.File("q.mtx");

        (await CliRun.Of("export-generator", path, "--output", file)).ShouldSucceed();

        var lines = File.ReadAllLines(file);
        lines[0].Should().Be("%%MatrixMarket matrix coordinate real general");
        var body = lines.SkipWhile(l => l.StartsWith('%')).ToArray();
        var size = body[0].Split(' ').Select(int.Parse).ToArray();
        size[0].Should().Be(size[1]);
        var sums = new double[size[0]];
        foreach (var entry in body.Skip(1).Select(l => l.Split(' ')))
        {
            sums[int.Parse(entry[0], CultureInfo.InvariantCulture) - 1] += double.Parse(entry[2], CultureInfo.InvariantCulture);
        }

        sums.Should().OnlyContain(s => Math.Abs(s) < 1e-9);
    }

    [Fact]
    public async Task An_unknown_phase_is_a_usage_error_that_lists_the_phases()
    {
        var run = await CliRun.Of("export-generator", "--phase", "fine-tunning");

        run.ShouldFailCleanly(ExitCodes.UsageError);
        run.Error.Should().Contain("pre-training");
    }
}
