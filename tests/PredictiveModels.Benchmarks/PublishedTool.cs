using System.Diagnostics;

namespace PredictiveModels.Benchmarks;

/// <summary>What the benchmarks that run the tool as a process share: the repository's root and <c>dotnet publish</c>.</summary>
internal static class PublishedTool
{
    /// <summary>The repository root: the first folder up from here that holds PredictiveModels.sln.</summary>
    public static string Repository()
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

    /// <summary>Publishes <paramref name="project"/> framework-dependent for <paramref name="rid"/> into <paramref name="output"/>, ReadyToRun or not.</summary>
    public static void Publish(string project, string output, string rid, bool readyToRun)
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
}
