using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Issue 14's acceptance figure: the whole <c>predictive-models train SCENARIO --skip-relaxation --format json</c> process on
/// the default's pre-training chain (<c>samples/scenarios/pretraining-only.yaml</c>) at goal resolutions from 10 bits
/// (157,656 configurations) to 0.1 bit (15,630,888), absorption and the coarser grid's discretisation estimate included.
/// The setup publishes the tool for this machine (ReadyToRun, as <c>dotnet publish -r</c> makes it) and writes one scenario
/// per resolution that extends the sample. Each run's peak working set is sampled every 20 ms while it runs and printed
/// at the end, by resolution (BenchmarkDotNet's memory columns count this process's allocations, not the child's).
/// Run with <c>dotnet run -c Release -- --filter '*TrainAtScale*'</c> (about five minutes on 2 cores).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TrainAtScaleBenchmarks
{
    private string _folder = "";
    private string _tool = "";
    private readonly Dictionary<double, long> _peaks = [];

    /// <summary>Bits per goal step (<c>dynamics.goalResolution</c>).</summary>
    [Params(10, 1, 0.3, 0.1)]
    public double GoalResolution { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("pm-scale-").FullName;
        var repository = PublishedTool.Repository();
        PublishedTool.Publish(Path.Combine(repository, "src", "PredictiveModels.Cli"), Path.Combine(_folder, "tool"), RuntimeInformation.RuntimeIdentifier, readyToRun: true);
        _tool = Path.Combine(_folder, "tool", "predictive-models");
        var sample = Path.Combine(repository, "samples", "scenarios", "pretraining-only.yaml");
        File.WriteAllText(Scenario(), string.Create(CultureInfo.InvariantCulture, $"""
            schemaVersion: 1
            extends: {sample}
            name: pretraining-only at goal resolution {GoalResolution}
            dynamics:
              goalResolution: {GoalResolution}
            """));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// peak working set of train at goal resolution {GoalResolution}: {(_peaks.TryGetValue(GoalResolution, out var peak) ? peak / 1e6 : 0):F0} MB (sampled every 20 ms)"));
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "train --skip-relaxation (whole process)")]
    public int Train()
    {
        var info = new ProcessStartInfo(_tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "train", Scenario(), "--skip-relaxation", "--format", "json" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.WaitForExit(20))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                // The process ended between the wait and the read.
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"train failed ({process.ExitCode}): {errors.Result}");
        }

        _peaks[GoalResolution] = Math.Max(_peaks.GetValueOrDefault(GoalResolution), peak);
        return output.Result.Length;
    }

    private string Scenario() => Path.Combine(_folder, "pt.yaml");
}
