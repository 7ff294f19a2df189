namespace PredictiveModels.Cli.Tests;

[CollectionDefinition(nameof(InternalErrorTests), DisableParallelization = true)]
public sealed class InternalErrorCollection;

/// <summary>
/// A defect of the program (an exception no input should cause) is one line on standard error, exit code 1, and the
/// full trace only when <c>PREDICTIVE_MODELS_TRACE=1</c> asks for it. The exception is injected through the
/// command line's one seam to the outside, <see cref="CliContext"/>: a progress writer that breaks. These tests set
/// an environment variable of the process, so they run alone.
/// </summary>
[Collection(nameof(InternalErrorTests))]
public sealed class InternalErrorTests
{
    private static readonly string[] Sweep = ["sweep", "-p", "n", "--from", "0", "--to", "10", "--steps", "3", "--format", "csv"];

    [Fact]
    public async Task An_unexpected_exception_is_reported_in_one_line_with_its_type_and_message_and_no_stack_trace()
    {
        var run = await RunWithBrokenProgress(trace: null);

        run.ExitCode.Should().Be(ExitCodes.ModelError);
        run.Output.Should().BeEmpty("a failed run writes nothing to standard output");
        var lines = run.Error.TrimEnd('\n').Split('\n');
        lines.Should().ContainSingle("an internal error is one line:\n{0}", run.Error);
        lines[0].Should().Be($"internal error (please report it with the scenario that caused it): {nameof(InvalidOperationException)}: {BrokenWriter.Message} (set PREDICTIVE_MODELS_TRACE=1 for the details)");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task With_PREDICTIVE_MODELS_TRACE_1_the_internal_error_carries_the_full_stack_trace()
    {
        var run = await RunWithBrokenProgress(trace: "1");

        run.ExitCode.Should().Be(ExitCodes.ModelError);
        run.Output.Should().BeEmpty();
        run.Error.Should().StartWith($"internal error (please report it with the scenario that caused it): System.InvalidOperationException: {BrokenWriter.Message}");
        run.Error.Split('\n').Should().Contain(line => line.TrimStart().StartsWith($"at {typeof(InternalErrorTests).FullName}.{nameof(BrokenWriter)}.Write", StringComparison.Ordinal), "the trace reaches the frame that threw:\n{0}", run.Error);
        run.Error.Should().NotContain("set PREDICTIVE_MODELS_TRACE=1");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("true")]
    [InlineData("")]
    public async Task Only_the_value_1_turns_the_trace_on(string value)
    {
        var run = await RunWithBrokenProgress(trace: value);

        run.Error.Should().Contain("(set PREDICTIVE_MODELS_TRACE=1 for the details)");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task An_unexpected_exception_leaves_no_output_file()
    {
        using var folder = new TempFolder();
        var target = folder.File("sweep.csv");

        var run = await RunWithBrokenProgress(trace: null, [.. Sweep, "--output", target]);

        run.ExitCode.Should().Be(ExitCodes.ModelError);
        File.Exists(target).Should().BeFalse();
        folder.FileNames().Should().BeEmpty("no temporary file is left behind either");
    }

    private static async Task<CliRun> RunWithBrokenProgress(string? trace, string[]? args = null)
    {
        const string name = "PREDICTIVE_MODELS_TRACE";
        var before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, trace);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await CliApp.RunAsync(args ?? Sweep, output, error, CancellationToken.None, new CliContext(ShowProgress: true, new BrokenWriter()));
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }
    }

    /// <summary>A progress writer that fails on the first character drawn: a defect no input can cause.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public const string Message = "the progress writer broke";

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException(Message);

        public override void Write(string? value) => throw new InvalidOperationException(Message);

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException(Message);
    }
}
