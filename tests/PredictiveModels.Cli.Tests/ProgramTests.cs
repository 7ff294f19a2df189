using System.Diagnostics;

namespace PredictiveModels.Cli.Tests;

/// <summary>The real program in a child process, for what only a process can show: signals.</summary>
[Trait("Category", "Slow")]
public sealed class ProgramTests
{
    [Fact]
    public async Task Ctrl_C_during_a_long_computation_exits_130_with_a_message_and_leaves_no_output_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is sent with kill(1), which Windows lacks; the CI machines run Linux.
        }

        using var folder = new TempFolder();
        var target = folder.File("sweep.json");
        // Started through env with SIGINT's default disposition: a test run launched from a background job of a
        // non-interactive shell inherits SIGINT as ignored, and an ignored signal would never reach the handler.
        // env execs dotnet, so the process id is the CLI's.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "predictive-models.dll"), "sweep", "--dynamics", "--param", "phases.rl-fine-tuning.duration", "--from", "1", "--to", "100", "--steps", "200", "--output", target])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();

        // Long enough for the runtime to start and the first training runs to be under way; the
        // 200 training runs take minutes, so the signal arrives mid-computation.
        await Task.Delay(TimeSpan.FromSeconds(4));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(ExitCodes.Cancelled);
        (await error).Should().Contain("cancelled; no output file was written").And.NotContain("   at ");
        folder.FileNames().Should().BeEmpty();
    }
}
