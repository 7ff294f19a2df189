namespace PredictiveModels.Cli;

/// <summary>
/// Writes a file so that it either appears whole or not at all: the content goes to a temporary
/// file in the same folder, which is then renamed over the target. On failure or cancellation
/// the temporary file is removed and the target is untouched.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string content, CancellationToken cancellation)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new IOException($"the folder '{folder}' of the output file does not exist");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"the output path '{path}' is a folder");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            cancellation.ThrowIfCancellationRequested();
            File.WriteAllText(temporary, content);
            cancellation.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
