namespace PredictiveModels.Cli.Tests;

/// <summary>What one in-process run of the command line produced.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <see cref="CliApp.RunAsync"/> with captured standard output and standard error.</summary>
    public static Task<CliRun> Of(params string[] args) => Of(args, CancellationToken.None);

    /// <summary>Runs <see cref="CliApp.RunAsync"/> with captured writers and the given cancellation token.</summary>
    public static async Task<CliRun> Of(string[] args, CancellationToken cancellation)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, cancellation);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Asserts that the run failed the way a bad input should: the exit code, a message on stderr, nothing on stdout, no stack trace.</summary>
    public CliRun ShouldFailCleanly(int exitCode)
    {
        ExitCode.Should().Be(exitCode, "the run should fail with exit code {0}; stderr was:\n{1}", exitCode, Error);
        Output.Should().BeEmpty("a failed run writes nothing to standard output");
        Error.Should().NotBeNullOrWhiteSpace("a failed run says why on standard error");
        ShouldShowNoStackTrace();
        return this;
    }

    /// <summary>Asserts that standard error holds no stack trace and names no exception type.</summary>
    public void ShouldShowNoStackTrace()
    {
        Error.Split('\n').Should().NotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), "a user never sees a stack trace");
        Error.Should().NotContain("Exception", "a user never sees an exception type name");
        Error.Should().NotContain("Unhandled");
    }

    /// <summary>Asserts success with output on stdout and nothing on stderr.</summary>
    public CliRun ShouldSucceed()
    {
        ExitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", Error);
        Error.Should().BeEmpty();
        return this;
    }
}
