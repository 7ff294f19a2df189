using BenchmarkDotNet.Attributes;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Sobol indices with 1,000 bootstrap resamples from N = 4096 base samples of d = 10 inputs: the estimator's cost
/// beside the N (d + 2) = 49,152 model evaluations the design needs. The outputs come from a cheap test function
/// (a weighted sum with one interaction), since only the estimator is timed.
/// </summary>
[MemoryDiagnoser]
public class SobolBenchmarks
{
    private const int N = 4096;
    private const int D = 10;
    private const int Resamples = 1000;
    private const ulong Seed = 11;

    private double[] _fA = null!;
    private double[] _fB = null!;
    private double[] _fAB = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fA = new double[N];
        _fB = new double[N];
        _fAB = new double[N * D];
        var a = new double[D];
        var b = new double[D];
        var point = new double[D];
        for (var i = 0; i < N; i++)
        {
            for (var k = 0; k < D; k++)
            {
                a[k] = CounterStream.Uniform(Seed, i, k);
                b[k] = CounterStream.Uniform(Seed, i, D + k);
            }

            for (var row = 0; row < SaltelliDesign.EvaluationsPerBaseSample(D); row++)
            {
                SaltelliDesign.WriteRow(a, b, row, point);
                var y = Model(point);
                if (row == 0)
                {
                    _fA[i] = y;
                }
                else if (row == 1)
                {
                    _fB[i] = y;
                }
                else
                {
                    _fAB[(i * D) + row - 2] = y;
                }
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Sobol indices, N = 4096, d = 10, 1000 resamples, one thread")]
    public SobolEstimate OneThread() => SobolIndices.Estimate(_fA, _fB, _fAB, D, Resamples, Seed, maxDegreeOfParallelism: 1);

    [Benchmark(Description = "Sobol indices, N = 4096, d = 10, 1000 resamples, every processor")]
    public SobolEstimate EveryProcessor() => SobolIndices.Estimate(_fA, _fB, _fAB, D, Resamples, Seed);

    [Benchmark(Description = "Sobol indices, N = 4096, d = 10, no bootstrap")]
    public SobolEstimate NoBootstrap() => SobolIndices.Estimate(_fA, _fB, _fAB, D, 0, Seed);

    private static double Model(double[] x)
    {
        var sum = x[0] * x[1];
        for (var k = 0; k < x.Length; k++)
        {
            sum += (k + 1) * x[k];
        }

        return sum;
    }
}
