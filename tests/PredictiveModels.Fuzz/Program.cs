using SharpFuzz;

namespace PredictiveModels.Fuzz;

/// <summary>
/// The fuzzing entry point. <c>PredictiveModels.Fuzz TARGET</c> serves afl-fuzz (through SharpFuzz's
/// out-of-process fork server, so that a stack overflow or an abort is seen as a crash, not lost with the
/// server); <c>PredictiveModels.Fuzz TARGET FILE...</c> replays inputs without afl-fuzz and says which ones
/// are findings (exit code 1 when any is). tests/fuzz/run-fuzz drives it.
/// </summary>
internal static class Program
{
    /// <summary>The variable that names the scenario target's scratch folder (default: a new folder under the temporary folder).</summary>
    private const string ScratchVariable = "PREDICTIVE_MODELS_FUZZ_SCRATCH";

    private static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.TryParse(args[0], out var target))
        {
            Console.Error.WriteLine("usage: PredictiveModels.Fuzz TARGET [FILE...]");
            Console.Error.WriteLine("  TARGET is yaml, json, expression or scenario. Without files, serves afl-fuzz (or runs stdin once);");
            Console.Error.WriteLine("  with files, runs each and reports those the library answers outside its contract.");
            return 2;
        }

        var scratch = Environment.GetEnvironmentVariable(ScratchVariable) is { Length: > 0 } named
            ? named
            : Path.Combine(Path.GetTempPath(), $"predictive-models-fuzz-{Environment.ProcessId}");
        FuzzTargets.PrepareScratchFolder(scratch);

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                FuzzTargets.Run(target, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), scratch);
            });
            return 0;
        }

        var findings = 0;
        foreach (var file in args.Skip(1))
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file), scratch);
                Console.WriteLine($"ok       {file}");
            }
            catch (Exception e) when (e is not IOException)
            {
                findings++;
                Console.WriteLine($"FINDING  {file}: {e.GetType().Name}: {e.Message}");
            }
        }

        Console.WriteLine($"{args.Length - 1} inputs, {findings} findings");
        return findings == 0 ? 0 : 1;
    }
}
