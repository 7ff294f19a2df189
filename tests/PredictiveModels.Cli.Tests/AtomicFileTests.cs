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

public sealed class AtomicFileTargetTests
{
    [Fact]
    public void Write_through_a_symbolic_link_replaces_its_target_and_keeps_the_link()
    {
        using var folder = new TempFolder();
        var target = folder.Write("real.txt", "old\n");
        var link = folder.File("link.txt");
        File.CreateSymbolicLink(link, "real.txt");

        AtomicFile.Write(link, "new\n", CancellationToken.None);

        new FileInfo(link).LinkTarget.Should().Be("real.txt", "the link must stay a link");
        File.ReadAllText(target).Should().Be("new\n");
        folder.FileNames().Should().Equal("link.txt", "real.txt");
    }

    [Fact]
    public void Write_through_a_chain_of_links_into_another_folder_replaces_the_final_target()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("data"));
        var target = folder.Write(Path.Combine("data", "real.txt"), "old\n");
        File.CreateSymbolicLink(folder.File("middle.txt"), target);
        File.CreateSymbolicLink(folder.File("first.txt"), "middle.txt");

        AtomicFile.Write(folder.File("first.txt"), "new\n", CancellationToken.None);

        File.ReadAllText(target).Should().Be("new\n");
        Directory.GetFileSystemEntries(folder.File("data")).Select(Path.GetFileName).Should().Equal("real.txt");
    }

    [Fact]
    public void Write_through_a_dangling_link_creates_its_target()
    {
        using var folder = new TempFolder();
        var link = folder.File("link.txt");
        File.CreateSymbolicLink(link, "new-target.txt");

        AtomicFile.Write(link, "content\n", CancellationToken.None);

        File.ReadAllText(folder.File("new-target.txt")).Should().Be("content\n");
        new FileInfo(link).LinkTarget.Should().Be("new-target.txt");
    }

    [Fact]
    public void Replacing_a_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var target = folder.Write("out.txt", "old\n");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(target, mode);

        AtomicFile.Write(target, "new\n", CancellationToken.None);

        File.GetUnixFileMode(target).Should().Be(mode);
        File.ReadAllText(target).Should().Be("new\n");
    }

    [Fact]
    public void The_device_dev_null_is_refused_before_anything_is_written()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var write = () => AtomicFile.Write("/dev/null", "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage("*'/dev/null' is a character device, not a regular file*");
        Directory.GetFiles("/dev", ".pm-*").Should().BeEmpty("no temporary file may be left in /dev");
    }

    [Fact]
    public void A_link_to_a_device_is_refused_and_names_both_paths()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        using var folder = new TempFolder();
        var link = folder.File("quiet");
        File.CreateSymbolicLink(link, "/dev/null");

        var write = () => AtomicFile.Write(link, "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage($"*'/dev/null', the target of the link '{link}', is a character device*");
        new FileInfo(link).LinkTarget.Should().Be("/dev/null");
    }

    [Fact]
    public void A_folder_is_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("sub"));

        var write = () => AtomicFile.Write(folder.File("sub"), "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage("*is a folder, not a regular file*");
        folder.FileNames().Should().Equal("sub");
    }

    [Fact]
    public void A_named_pipe_is_refused_without_opening_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var fifo = folder.File("pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        // Opening a pipe for writing would block until a reader comes: the refusal must come first.
        var write = () => AtomicFile.Write(fifo, "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage("*is a named pipe, not a regular file*");
        folder.FileNames().Should().Equal("pipe");
    }

    [Fact]
    public void A_socket_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.File("sock");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));

        var write = () => AtomicFile.Write(path, "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage("*is a socket, not a regular file*");
    }

    [Fact]
    public void A_file_used_as_a_folder_is_refused_naming_the_users_path()
    {
        using var folder = new TempFolder();
        var file = folder.Write("plain.txt", "x");
        var path = Path.Combine(file, "out.txt");

        var write = () => AtomicFile.Write(path, "content", CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage($"cannot write the output file '{path}': the folder '{file}' is a file, not a folder");
    }

    [Fact]
    public void A_folder_that_refuses_new_files_is_reported_with_the_users_path_not_the_temporary_file()
    {
        // Root may write anywhere, so the refusal of the file system is simulated at the step that creates the temporary file.
        using var folder = new TempFolder();
        var path = folder.File("out.txt");
        string? temporary = null;

        var write = () => AtomicFile.Write(path, w => w.Write("content"), CancellationToken.None, t =>
        {
            temporary = t;
            throw new UnauthorizedAccessException($"Access to the path '{t}' is denied.");
        });

        var thrown = write.Should().Throw<IOException>().Which;
        thrown.Message.Should().Be($"cannot write the output file '{path}': permission denied in the folder '{folder.Path}' (the file is written there first, then renamed)");
        thrown.Message.Should().NotContain(Path.GetFileName(temporary!));
    }

    [Fact]
    public void A_file_name_as_long_as_the_file_system_allows_can_still_be_written()
    {
        using var folder = new TempFolder();
        var path = folder.File(new string('a', 250) + ".txt");

        AtomicFile.Write(path, "content", CancellationToken.None);

        File.ReadAllText(path).Should().Be("content");
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_target_untouched_and_no_temporary_file_and_names_the_users_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("out.txt");
        File.WriteAllText(path, "old\n");

        var write = () => AtomicFile.Write(path, w =>
        {
            w.Write(new string('x', 200_000));
            throw new IOException("No space left on device");
        }, CancellationToken.None);

        write.Should().Throw<IOException>().WithMessage($"cannot write the output file '{path}': No space left on device");
        File.ReadAllText(path).Should().Be("old\n");
        Directory.GetFiles(folder.Path).Should().Equal(path);
    }

    [Fact]
    public void Streamed_content_is_written_whole_as_utf8_without_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        var path = folder.File("out.txt");

        AtomicFile.Write(path, w =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                w.Write("é\n");
            }
        }, CancellationToken.None);

        var bytes = File.ReadAllBytes(path);
        bytes.Length.Should().Be(300_000);
        bytes.Take(3).Should().Equal(0xC3, 0xA9, (byte)'\n');
    }
}
