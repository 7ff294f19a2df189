using PredictiveModels.Cli.Rendering;

namespace PredictiveModels.Cli.Tests.Rendering;

/// <summary>
/// Text tables are laid out to the width of the terminal that standard output goes to, and to
/// <see cref="Text.DefaultWidth"/> columns when it goes to a file or a pipe.
/// </summary>
public sealed class TableWidthTests
{
    private const int Terminal = 100;

    private static readonly string Minimal = Path.Combine(RepositoryRoot.Path, "samples", "scenarios", "minimal.yaml");

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "structures" },
        new[] { "score" },
        new[] { "explain", "deceptive-agent" },
        new[] { "posterior" },
        new[] { "sweep", "-p", "n", "--from", "0", "--to", "200", "--steps", "3" },
        new[] { "train", Minimal, "--skip-relaxation" },
        new[] { "sweep", Minimal, "--dynamics", "-p", "dynamics.temperature", "--from", "0.5", "--to", "2", "--steps", "2" },
    };

    [Fact]
    public void The_width_is_the_terminals_when_standard_output_is_a_terminal()
    {
        Text.WidthFor(new CliContext(false, TextWriter.Null, TerminalWidth: 93), outputPath: null).Should().Be(93);
    }

    [Fact]
    public void The_width_is_the_default_when_standard_output_is_redirected()
    {
        Text.WidthFor(new CliContext(false, TextWriter.Null, TerminalWidth: null), outputPath: null).Should().Be(Text.DefaultWidth);
    }

    [Fact]
    public void The_width_is_the_default_when_writing_to_a_file_even_from_a_terminal()
    {
        Text.WidthFor(new CliContext(false, TextWriter.Null, TerminalWidth: 93), outputPath: "out.txt").Should().Be(Text.DefaultWidth);
    }

    [Fact]
    public void A_very_narrow_terminal_gets_the_minimum_width()
    {
        Text.WidthFor(new CliContext(false, TextWriter.Null, TerminalWidth: 12), outputPath: null).Should().Be(Text.MinimumWidth);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_line_fits_a_100_column_terminal(string[] args)
    {
        var output = await Run(args, Terminal);

        output.Split('\n').Should().OnlyContain(line => line.Length <= Terminal, "the output was:\n{0}", output);
    }

    [Fact]
    public async Task The_score_table_is_wider_than_100_columns_when_redirected()
    {
        // The check above would pass trivially if the tables were narrow anyway: the same table is wider when
        // laid out for a file.
        var output = await Run(["score"], terminalWidth: null);

        output.Split('\n').Max(line => line.Length).Should().BeGreaterThan(Terminal);
    }

    private static async Task<string> Run(string[] args, int? terminalWidth)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, CancellationToken.None, new CliContext(false, TextWriter.Null, terminalWidth));
        exitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", error);
        return output.ToString().Replace("\r", "", StringComparison.Ordinal);
    }
}
