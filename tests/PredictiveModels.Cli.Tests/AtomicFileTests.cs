namespace PredictiveModels.Cli.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_creates_the_file_with_the_content_and_no_temporary_file()
    {
        using var folder = new TempFolder();

        AtomicFile.Write(folder.File("out.txt"), "héllo\n", CancellationToken.None);

        File.ReadAllText(folder.File("out.txt")).Should().Be("héllo\n");
        folder.FileNames().Should().Equal("out.txt");
    }

    [Fact]
    public void Write_replaces_an_existing_file_whole()
    {
        using var folder = new TempFolder();
        var target = folder.Write("out.txt", new string('x', 10_000));

        AtomicFile.Write(target, "short\n", CancellationToken.None);

        File.ReadAllText(target).Should().Be("short\n");
        folder.FileNames().Should().Equal("out.txt");
    }

    [Fact]
    public void A_cancelled_write_throws_and_leaves_neither_target_nor_temporary_file()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var write = () => AtomicFile.Write(folder.File("out.txt"), "content", cancelled.Token);

        write.Should().Throw<OperationCanceledException>();
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public void A_write_into_a_missing_folder_throws_an_io_error_naming_the_folder()
    {
        using var folder = new TempFolder();
        var missing = folder.File("missing");

        var write = () => AtomicFile.Write(Path.Combine(missing, "out.txt"), "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage($"*{missing}*does not exist*");
    }
}
