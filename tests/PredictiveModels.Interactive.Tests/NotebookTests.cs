using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PredictiveModels.Interactive.Tests;

/// <summary>
/// The sample notebooks as CI runs them: samples/notebooks/run-all.sh packs the checkout into a local feed and runs
/// every notebook headless with dotnet-repl, once for all of them. Slow (a Release pack and a notebook kernel per
/// notebook): filter with <c>--filter Category!=Slow</c> to skip.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class NotebookTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(15);

    private readonly string _output = Directory.CreateTempSubdirectory("predictive-models-notebooks-").FullName;

    [Fact]
    public void Every_sample_notebook_runs_headless_without_errors_and_displays_a_table_and_a_chart_from_every_code_cell()
    {
        var root = RepositoryRoot();
        var notebooks = Directory.GetFiles(Path.Combine(root, "samples", "notebooks"), "*.ipynb").Select(Path.GetFileName).ToList();
        notebooks.Should().NotBeEmpty();

        var (exitCode, runLog) = Run("bash", [Path.Combine(root, "samples", "notebooks", "run-all.sh"), _output], root);
        log.WriteLine(runLog); // with each notebook's run time

        exitCode.Should().Be(0, "every cell of every notebook should run; run-all.sh said:\n{0}", runLog);
        foreach (var name in notebooks)
        {
            var executed = Path.Combine(_output, name!);
            File.Exists(executed).Should().BeTrue($"run-all.sh writes the executed copy of {name}");
            var cells = CodeCellOutputs(executed);
            cells.Should().HaveCount(CodeCellOutputs(Path.Combine(root, "samples", "notebooks", name!)).Count, $"the executed copy of {name} has every code cell");
            var outputs = cells.SelectMany(c => c).ToList();
            outputs.Where(o => o.GetProperty("output_type").GetString() is "error").Select(o => o.ToString())
                .Should().BeEmpty($"no cell of {name} fails");
            cells.Select((c, i) => (Cell: i + 1, c.Count)).Where(c => c.Count == 0).Select(c => c.Cell)
                .Should().BeEmpty($"every code cell of {name} ends with something to show (these code cells, counted from 1, showed nothing)");
            var html = outputs.Where(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("text/html", out _))
                .Select(o => HtmlOf(o.GetProperty("data").GetProperty("text/html")))
                .ToList();
            html.Should().Contain(h => h.Contains("<table class=\"pm-table", StringComparison.Ordinal), $"{name} displays a result with the package's HTML formatter");
            html.Should().Contain(h => InlineChart().IsMatch(h), $"{name} displays a result with its chart as inline SVG");
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>The outputs of each code cell of a notebook, in order.</summary>
    private static List<List<JsonElement>> CodeCellOutputs(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(notebook));
        return document.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => c.GetProperty("outputs").EnumerateArray().Select(o => o.Clone()).ToList())
            .ToList();
    }

    /// <summary>A chart of the formatters: an <c>svg</c> element with its title, first in a <c>pm-chart</c> div.</summary>
    [GeneratedRegex("<div class=\"pm-chart\"[^>]*><svg [^>]*><title>[^<]+</title>")]
    private static partial Regex InlineChart();

    /// <summary>A MIME bundle's value: a string, or (as Jupyter allows) an array of lines.</summary>
    private static string HtmlOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(l => l.GetString())) : value.GetString() ?? "";

    private static (int ExitCode, string Log) Run(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would steer the script's own dotnet pack.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {RunTimeout}\n{stderr.Result}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "PredictiveModels.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("PredictiveModels.sln not found above " + AppContext.BaseDirectory);
    }
}
