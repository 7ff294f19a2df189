using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// <c>export-generator</c> on the default scenario's pre-training chain, side by side: the whole file built as one
/// string first (what the command did before), and streamed entry by entry to the writer (what it does now). The
/// allocation column is the point: the string costs about twice the file's size, the stream a few kilobytes per row
/// at most. Peak memory of the whole process at 1.6 x 10^7 configurations is measured with <c>/usr/bin/time -v</c>
/// (see the note of issue 14).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ExportBenchmarks
{
    private ConfigurationSpace _space = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Scenario.Default;
        _space = ConfigurationSpace.Build(scenario, scenario.Dynamics, scenario.Phases[0]);
    }

    [Benchmark(Baseline = true, Description = "whole file as one string (before)")]
    public int AsOneString()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatrixMarketExport.Write(writer, _space, "default");
        return writer.ToString().Length;
    }

    [Benchmark(Description = "streamed to the writer")]
    public long Streamed()
    {
        using var writer = new CountingWriter();
        MatrixMarketExport.Write(writer, _space, "default");
        return writer.Characters;
    }

    /// <summary>Counts what it is given and keeps none of it, as a file on disk would from the process's point of view.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Characters { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Characters++;

        public override void Write(ReadOnlySpan<char> buffer) => Characters += buffer.Length;

        public override void Write(string? value) => Characters += value?.Length ?? 0;
    }
}
