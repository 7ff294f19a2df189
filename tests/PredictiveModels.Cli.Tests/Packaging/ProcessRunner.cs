using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace PredictiveModels.Cli.Tests.Packaging;

/// <summary>What a finished (or killed) child process did: its exit code and everything it printed.</summary>
public sealed record ProcessResult(string Command, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StandardOutput, string StandardError)
{
    /// <summary>The command, how it ended and its output, for assertion messages.</summary>
    public string Describe() =>
        $"""
        $ {Command}
          (in {WorkingDirectory}; {(TimedOut ? "killed after the timeout" : $"exit code {ExitCode}")} after {Elapsed.TotalSeconds:F1} s)
        --- stdout ---
        {StandardOutput.TrimEnd()}
        --- stderr ---
        {StandardError.TrimEnd()}
        """;

    /// <summary>Fails the test, showing the output, unless the process ended in time with exit code 0.</summary>
    public ProcessResult ShouldSucceed()
    {
        if (TimedOut || ExitCode != 0)
        {
            throw new XunitException("Expected the command to succeed, but it did not.\n" + Describe());
        }

        return this;
    }

    /// <summary>Fails the test, showing the output, unless standard output contains <paramref name="expected"/>.</summary>
    public ProcessResult ShouldPrint(string expected)
    {
        if (!StandardOutput.Contains(expected, StringComparison.Ordinal))
        {
            throw new XunitException($"Expected the command to print \"{expected}\", but it did not.\n" + Describe());
        }

        return this;
    }
}

/// <summary>Runs child processes with a timeout, capturing their output.</summary>
public static class ProcessRunner
{
    // After the process exits, how long to wait for the end of its output: grandchildren (build
    // servers) may inherit the pipes and keep them open long after the command itself is done.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="fileName"/> and waits at most <paramref name="timeout"/>; on timeout the process tree is killed.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell quoting).</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var command = string.Join(" ", info.ArgumentList.Prepend(fileName).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, stdoutDone, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, stderrDone, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the kill.
            }

            process.WaitForExit(DrainTimeout);
        }

        Task.WaitAll([stdoutDone.Task, stderrDone.Task], DrainTimeout);
        stopwatch.Stop();
        string Text(StringBuilder b)
        {
            lock (b)
            {
                return b.ToString();
            }
        }

        return new ProcessResult(command, workingDirectory, exited ? process.ExitCode : -1, !exited, stopwatch.Elapsed, Text(stdout), Text(stderr));
    }

    private static void Append(StringBuilder buffer, TaskCompletionSource done, string? line)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
