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
        var cli = Path.Combine(PublishedTool.Repository(), "src", "PredictiveModels.Cli");
        PublishedTool.Publish(cli, Path.Combine(_folder, "tool"), rid, readyToRun: true);
        PublishedTool.Publish(cli, Path.Combine(_folder, "tool-jit"), rid, readyToRun: false);
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
        PublishedTool.Publish(hello, Path.Combine(_folder, "hello"), rid, readyToRun: true);
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
}
