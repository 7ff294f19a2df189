namespace PredictiveModels.Cli.Tests.Approval;

/// <summary>Every command's <c>--help</c> text against its approved copy: the help is the tool's first documentation.</summary>
public sealed class HelpApprovalTests
{
    private static readonly string[] Names = ["", .. CliApp.BuildRootCommand().Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Commands => [.. Names];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_help_is_the_approved_one(string command)
    {
        var run = await CliRun.Of(command.Length == 0 ? ["--help"] : [command, "--help"]);

        run.ShouldSucceed();
        Approved.ShouldMatch(FileName(command), run.Output);
    }

    [Fact]
    public void Every_command_has_an_approved_help()
    {
        var files = Directory.GetFiles(Approved.Folder, "help-*.txt").Select(Path.GetFileName);

        files.Should().BeEquivalentTo(Names.Select(FileName), "an approved help without its command is left over from a command that was removed or renamed");
    }

    private static string FileName(string command) => $"help-{(command.Length == 0 ? "root" : command)}.txt";
}
