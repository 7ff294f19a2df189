using System.Runtime.InteropServices;

namespace PredictiveModels.Cli;

/// <summary>
/// Writes a file so that it either appears whole or not at all: the content goes to a temporary
/// file in the same folder, which is then renamed over the target. On failure or cancellation
/// the temporary file is removed and the target is untouched.
/// <para>
/// Only a regular file, or a new name in an existing folder, is ever replaced. A symbolic link is
/// followed to its final target, which is replaced (the link stays a link). Anything else at the
/// path (a folder, a device such as <c>/dev/null</c>, a named pipe, a socket) is refused before
/// anything is written, because renaming over it would destroy it. A replaced file keeps its
/// permissions. Messages name the path the user gave, never the temporary file.
/// </para>
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string content, CancellationToken cancellation) =>
        Write(path, writer => writer.Write(content), cancellation);

    /// <summary>
    /// As <see cref="Write(string, string, CancellationToken)"/>, with the content written by <paramref name="write"/>
    /// straight into the temporary file (UTF-8 without a byte order mark), so that a large output never has to be
    /// held in memory. If <paramref name="write"/> throws, the exception propagates and the target is untouched.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write, CancellationToken cancellation) =>
        Write(path, write, cancellation, CreateTemporary);

    /// <summary>As <see cref="Write(string, Action{TextWriter}, CancellationToken)"/>, with the step that creates the temporary file given (tests make it fail).</summary>
    internal static void Write(string path, Action<TextWriter> write, CancellationToken cancellation, Func<string, Stream> createTemporary)
    {
        var target = Resolve(path);
        var folder = Path.GetDirectoryName(target)!;
        UnixFileMode? mode = File.Exists(target) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(target) : null;

        // A short name: the temporary file must fit the file system's limit on a name even when the target's is close to it.
        var temporary = Path.Combine(folder, $".pm-{Guid.NewGuid():N}.tmp");
        try
        {
            cancellation.ThrowIfCancellationRequested();
            Stream stream;
            try
            {
                stream = createTemporary(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is UnauthorizedAccessException ? "permission denied" : "the folder does not accept a new file";
                throw new IOException($"cannot write the output file '{path}': {reason} in the folder '{folder}' (the file is written there first, then renamed)");
            }

            try
            {
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
                {
                    write(writer);
                }

                if (mode is { } kept && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, kept);
                }
            }
            catch (IOException e)
            {
                // A full disk, say: the message names the user's path, never the temporary file.
                throw new IOException($"cannot write the output file '{path}': {e.Message.Replace(temporary, path, StringComparison.Ordinal)}");
            }

            cancellation.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Refuses, with the message <see cref="Write(string, string, CancellationToken)"/> would give, a path that could not
    /// be written (a folder, a device, a missing folder): a command with long work calls it before the work, so a
    /// mistyped path fails at once. <see cref="Write(string, string, CancellationToken)"/> checks again when it writes.
    /// </summary>
    public static void CheckTarget(string path) => Resolve(path);

    private static FileStream CreateTemporary(string temporary) =>
        new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);

    /// <summary>
    /// The file to replace: the path itself, or the final target of a symbolic link; refused unless it is a
    /// regular file or a new name in an existing folder.
    /// </summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        CheckFolder(path, full, full);
        var target = full;
        if (new FileInfo(full).LinkTarget is not null)
        {
            try
            {
                target = File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
            }
            catch (IOException e)
            {
                // A cycle of links, or too many of them.
                throw new IOException($"the output path '{path}' is a symbolic link that cannot be followed: {e.Message}");
            }

            CheckFolder(path, full, target);
        }

        var kind = KindOf(target);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            var what = target == full ? $"'{path}'" : $"'{target}', the target of the link '{path}',";
            throw new IOException($"the output path {what} is {Describe(kind)}, not a regular file; only a regular file (or a new name in an existing folder) is replaced by --output");
        }

        return target;
    }

    private static void CheckFolder(string path, string full, string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
            var through = target == full ? "" : $" (where the link '{path}' points)";
            throw new IOException($"cannot write the output file '{path}': the folder '{folder}'{through} {what}");
        }
    }

    private enum FileKind
    {
        Missing,
        Regular,
        Directory,
        CharacterDevice,
        BlockDevice,
        Fifo,
        Socket,
        Other,
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a named pipe",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    /// <summary>What is at <paramref name="path"/>, following links.</summary>
    private static FileKind KindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.Other : FileKind.Regular;
        }

        // .NET reports devices, pipes and sockets as ordinary files (FileAttributes.Normal); the runtime's own
        // native library tells them apart, with a layout that is the same on every Unix and architecture.
        if (NativeStat.Stat(path, out var status) != 0)
        {
            throw new IOException($"cannot examine the output path '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return (status.Mode & NativeStat.TypeMask) switch
        {
            NativeStat.Regular => FileKind.Regular,
            NativeStat.Directory => FileKind.Directory,
            NativeStat.CharacterDevice => FileKind.CharacterDevice,
            NativeStat.BlockDevice => FileKind.BlockDevice,
            NativeStat.Fifo => FileKind.Fifo,
            NativeStat.Socket => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    private static class NativeStat
    {
        public const int TypeMask = 0xF000;
        public const int Fifo = 0x1000;
        public const int CharacterDevice = 0x2000;
        public const int Directory = 0x4000;
        public const int BlockDevice = 0x6000;
        public const int Regular = 0x8000;
        public const int Socket = 0xC000;

        /// <summary>
        /// The start of the runtime's <c>FileStatus</c> (src/native/libs/System.Native/pal_io.h): flags, then the
        /// mode with the file type in its S_IFMT bits. The rest is room for the fields after it.
        /// </summary>
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
    }
}
