using BenchmarkDotNet.Running;
using PredictiveModels.Benchmarks;

// `--scipy-compare` is the timing harness of scipy/compare-scipy; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == ScipyComparison.Flag)
{
    return ScipyComparison.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
