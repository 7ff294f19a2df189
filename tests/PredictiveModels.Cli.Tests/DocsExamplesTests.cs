using System.Diagnostics;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// The worked examples of README.md and docs/*.md, run by <c>docs/scripts/check-examples</c> against the CLI
/// these tests were built with (its <c>--cli</c> option, so the script does not build it again while the tests run).
/// </summary>
[Trait("Category", "Slow")]
public sealed class DocsExamplesTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "predictive-models.dll");

    private static async Task<(int ExitCode, string Output)> CheckExamples(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[RepositoryRoot.File("docs/scripts/check-examples"), "--cli", Cli, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Every_worked_example_in_the_docs_prints_what_the_docs_show()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The script runs the examples with bash, as the docs show them; CI runs Linux.
        }

        var (exitCode, output) = await CheckExamples();

        exitCode.Should().Be(0, "docs/scripts/check-examples said:\n{0}", output);
        output.Should().Contain("all outputs agree");
    }

    [Fact]
    public async Task A_doc_whose_shown_output_was_altered_fails_naming_the_file_and_the_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var lines = File.ReadAllLines(RepositoryRoot.File("docs/scenario-format.md")).ToList();
        var command = lines.FindIndex(l => l.StartsWith("$ predictive-models validate samples/scenarios/minimal.yaml", StringComparison.Ordinal));
        command.Should().BeGreaterThan(0, "docs/scenario-format.md shows validate on the minimal scenario");
        var shown = command + 1;
        lines[shown].Should().Contain("is a valid scenario 'minimal'");
        lines[shown] = lines[shown].Replace("is a valid scenario 'minimal'", "is a valid scenario 'altered'", StringComparison.Ordinal);
        var copy = folder.Write("scenario-format.md", string.Join("\n", lines) + "\n");

        var (exitCode, output) = await CheckExamples(copy);

        exitCode.Should().Be(1, "an altered output is a difference; the script said:\n{0}", output);
        output.Should().Contain($"scenario-format.md:{shown + 1}:", "the message names the file and the line that differs");
        output.Should().Contain("-" + lines[shown].TrimEnd()).And.Contain("+" + lines[shown].Replace("'altered'", "'minimal'", StringComparison.Ordinal).TrimEnd());
    }

    [Fact]
    public async Task Update_rewrites_an_altered_output_to_what_the_build_prints_and_leaves_the_rest_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var original = File.ReadAllText(RepositoryRoot.File("docs/scenario-format.md")).ReplaceLineEndings("\n");
        var copy = folder.Write("scenario-format.md", original.Replace("is a valid scenario 'minimal'", "is a valid scenario 'altered'", StringComparison.Ordinal));

        var (exitCode, output) = await CheckExamples("--update", copy);

        exitCode.Should().Be(0, "the script said:\n{0}", output);
        File.ReadAllText(copy).Should().Be(original, "the doc agrees with the build again, byte for byte");
    }
}
