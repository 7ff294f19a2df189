using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// How long the tool takes to start: <c>predictive-models --help</c> as a process, beside a hello-world console
/// app published the same way (framework-dependent, for this machine's platform, ReadyToRun), and beside the
/// tool published without ReadyToRun. The setup publishes all three into a temporary folder (a minute or two).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 30)]
public class StartupBenchmarks
{
    private string _folder = "";
    private string _tool = "";
    private string _toolJit = "";
    private string _hello = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("pm-startup-").FullName;
        var rid = RuntimeInformation.RuntimeIdentifier;
        var cli = Path.Combine(Repository(), "src", "PredictiveModels.Cli");
        Publish(cli, Path.Combine(_folder, "tool"), rid, readyToRun: true);
        Publish(cli, Path.Combine(_folder, "tool-jit"), rid, readyToRun: false);
        var hello = Path.Combine(_folder, "hello-src");
        Directory.CreateDirectory(hello);
        File.WriteAllText(Path.Combine(hello, "hello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(hello, "Program.cs"), "System.Console.WriteLine(\"Hello, World!\");");
        Publish(hello, Path.Combine(_folder, "hello"), rid, readyToRun: true);
        _tool = Path.Combine(_folder, "tool", "predictive-models");
        _toolJit = Path.Combine(_folder, "tool-jit", "predictive-models");
        _hello = Path.Combine(_folder, "hello", "hello");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "hello world (ReadyToRun)")]
    public int Hello() => Start(_hello);

    [Benchmark(Description = "predictive-models --help (ReadyToRun)")]
    public int Help() => Start(_tool, "--help");

    [Benchmark(Description = "predictive-models --help (just in time)")]
    public int HelpJit() => Start(_toolJit, "--help");

    private static int Start(string path, params string[] args)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Publish(string project, string output, string rid, bool readyToRun)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "publish", project, "-c", "Release", "-r", rid, "--self-contained", "false", $"-p:PublishReadyToRun={readyToRun}", "-o", output })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{log}");
        }
    }

    /// <summary>The repository root: the first folder up from here that holds PredictiveModels.sln.</summary>
    private static string Repository()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "PredictiveModels.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
