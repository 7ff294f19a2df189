using PredictiveModels.Cli.Tests.Commands;

namespace PredictiveModels.Cli.Tests;

[CollectionDefinition(nameof(WorkingFolderTests), DisableParallelization = true)]
public sealed class WorkingFolderCollection;

/// <summary>Tests that change the process's working folder, so they run alone.</summary>
[Collection(nameof(WorkingFolderTests))]
public sealed class WorkingFolderTests
{
    [Theory]
    [InlineData("-dash.yaml")]
    [InlineData("./-dash.yaml")]
    public async Task A_scenario_file_whose_name_starts_with_a_dash_is_read_when_it_exists(string name)
    {
        using var folder = new TempFolder();
        folder.Write("-dash.yaml", CommonOptionsTests.TinyYaml);
        var previous = Directory.GetCurrentDirectory();
        CliRun run;
        try
        {
            Directory.SetCurrentDirectory(folder.Path);
            run = await CliRun.Of("score", name);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        run.ShouldSucceed();
        run.Output.Should().Contain("predictor");
    }

    [Fact]
    public async Task Output_to_a_relative_file_name_lands_in_the_working_folder()
    {
        using var folder = new TempFolder();
        var previous = Directory.GetCurrentDirectory();
        CliRun run;
        try
        {
            Directory.SetCurrentDirectory(folder.Path);
            run = await CliRun.Of("score", "--format", "csv", "--output", "scores.csv");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        run.ShouldSucceed();
        run.Output.Should().BeEmpty();
        folder.FileNames().Should().Equal("scores.csv");
    }
}
