using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios.Documents;

namespace PredictiveModels.Scenarios;

/// <summary>
/// Reads scenarios from YAML or JSON text. Both formats share one schema (published as
/// <c>docs/scenario.schema.json</c>); unknown keys are errors, never silently ignored.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The largest scenario file accepted, in bytes (16 MiB).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Loads a scenario file; the format follows the extension (<c>.json</c> is JSON, anything else YAML).</summary>
    /// <param name="path">Path of the file.</param>
    /// <exception cref="ModelException">The file is missing, unreadable, too large or invalid; diagnostics give line and column.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new ModelException($"'{path}' is a directory, not a scenario file");
        }

        if (!info.Exists)
        {
            throw new ModelException($"the scenario file '{path}' does not exist");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new ModelException($"the scenario file '{path}' is {info.Length} bytes; at most {MaxFileBytes} bytes are accepted");
        }

        string? text;
        try
        {
            text = ReadCapped(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelException($"cannot read the scenario file '{path}': {e.Message}");
        }

        return text is null
            ? throw new ModelException($"the scenario file '{path}' holds more than {MaxFileBytes} bytes (its length was not known before reading: a device, a pipe or a growing file); at most {MaxFileBytes} bytes are accepted")
            : Parse(text, path, FormatOf(path));
    }

    /// <summary>
    /// Reads a text file (UTF-8 unless a byte-order mark says otherwise), stopping as soon as more than
    /// <see cref="MaxFileBytes"/> bytes have been read: a file's stated length may be 0 or wrong (<c>/dev/zero</c>,
    /// a pipe, a file still growing), so the limit is enforced on what is read, not on what is stated.
    /// </summary>
    /// <returns>The text; null when the file holds more than <see cref="MaxFileBytes"/> bytes.</returns>
    internal static string? ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Parses scenario text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">Name used in messages (usually the file path).</param>
    /// <param name="format">YAML or JSON.</param>
    /// <exception cref="ModelException">The text is invalid; diagnostics give line and column.</exception>
    public static Scenario Parse(string text, string source = "<scenario>", ScenarioFormat format = ScenarioFormat.Yaml)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = format == ScenarioFormat.Json ? JsonFrontEnd.Read(text, source) : YamlFrontEnd.Read(text, source);
        return ScenarioReader.Read(ScenarioInheritance.Resolve(root, source), source);
    }

    /// <summary>The format a file name implies: JSON for <c>.json</c>, YAML otherwise.</summary>
    /// <param name="path">A file name or path.</param>
    public static ScenarioFormat FormatOf(string path) =>
        string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) ? ScenarioFormat.Json : ScenarioFormat.Yaml;
}
