using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The Krylov machinery on a region of several chunks: its reductions are added chunk by chunk in chunk order, so the
/// transient is the same bit for bit on one thread as on all of them, and the fused Gram-Schmidt passes give the
/// basis plain modified Gram-Schmidt gives, to rounding.
/// </summary>
public sealed class KrylovParallelTests
{
    // Several chunks and a ragged last one, whose length is not a multiple of four.
    private static readonly int Count = (3 * KrylovSolver.Chunk) + 1234 + 3;

    [Fact]
    public void The_transient_is_the_same_bit_for_bit_on_one_thread_as_on_every_core()
    {
        var generator = Ring(12 * KrylovSolver.Chunk, seed: 1);
        var initial = RandomDistribution(generator.Count, seed: 2, orders: 30);
        double[] times = [0.5, 4, 30];

        var one = Limited(1, () => KrylovTransient.Compute(generator, 0, times, 1e-10, KrylovTransient.BasisSize, prune: true, null, default, initial));
        var all = Limited(0, () => KrylovTransient.Compute(generator, 0, times, 1e-10, KrylovTransient.BasisSize, prune: true, null, default, initial));

        one.Fallback.Should().BeNull();
        all.Products.Should().Be(one.Products);
        for (var t = 0; t < times.Length; t++)
        {
            Bits(all.Distributions[t].AsSpan()).Should().Equal(Bits(one.Distributions[t].AsSpan()), "time {0}", times[t]);
            BitConverter.DoubleToInt64Bits(all.ErrorBounds[t]).Should().Be(BitConverter.DoubleToInt64Bits(one.ErrorBounds[t]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void The_norm_of_the_start_is_the_sum_of_the_chunks_dot_products_in_chunk_order(int threads)
    {
        var generator = Ring(Count, seed: 3);
        var initial = RandomDistribution(Count, seed: 4, orders: 30);
        var solver = new KrylovSolver(generator, 4, 0, initial);
        solver.BuildRegion();

        Limited(threads, () => solver.Arnoldi(default));

        // Every configuration carries probability, so the region is the chain in its own order.
        solver.RegionSize.Should().Be(Count);
        var squares = 0.0;
        for (var from = 0; from < Count; from += KrylovSolver.Chunk)
        {
            var chunk = initial.AsSpan(from, Math.Min(KrylovSolver.Chunk, Count - from));
            var partial = LaneDot(chunk, chunk);
            squares = from == 0 ? partial : squares + partial;
        }

        solver.Beta.Should().Be(Math.Sqrt(squares));
        LaneDot(initial, initial).Should().NotBe(squares, "the probabilities span enough binary orders that the order of the additions shows");
    }

    [Fact]
    public void The_fused_passes_give_the_projection_and_residual_of_plain_modified_Gram_Schmidt()
    {
        const int k = 8;
        var generator = Ring(Count, seed: 5);
        var initial = RandomDistribution(Count, seed: 6);
        var solver = new KrylovSolver(generator, k, 0, initial);
        solver.BuildRegion();
        solver.Arnoldi(default);
        var reference = PlainArnoldi(generator, initial, k);

        solver.Dimension.Should().Be(k);
        solver.Beta.Should().BeApproximately(reference.Beta, 1e-14 * reference.Beta);
        var projection = solver.Projection();
        var scale = reference.H.Max(Math.Abs);
        for (var e = 0; e < k * k; e++)
        {
            projection[e].Should().BeApproximately(reference.H[e], 1e-12 * scale, "entry ({0}, {1}) of H", e / k, e % k);
        }

        solver.Residual1.Should().BeApproximately(reference.Residual.Sum(Math.Abs), 1e-10 * solver.Residual1);
        solver.ResidualSum.Should().BeApproximately(reference.Residual.Sum(), 1e-10 * solver.Residual1);
    }

    private static T Limited<T>(int threads, Func<T> run)
    {
        KrylovSolver.MaxDegreeOfParallelism = threads;
        try
        {
            return run();
        }
        finally
        {
            KrylovSolver.MaxDegreeOfParallelism = 0;
        }
    }

    private static long[] Bits(ReadOnlySpan<double> x)
    {
        var bits = new long[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(x[i]);
        }

        return bits;
    }

    /// <summary>A dot product with four lanes, summed lane by lane and then the rest, as the solver forms each chunk's.</summary>
    private static double LaneDot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var wide = MemoryMarshal.Cast<double, Vector256<double>>(x);
        var wideY = MemoryMarshal.Cast<double, Vector256<double>>(y);
        var acc = Vector256<double>.Zero;
        for (var i = 0; i < wide.Length; i++)
        {
            acc += wide[i] * wideY[i];
        }

        var sum = Vector256.Sum(acc);
        for (var i = wide.Length * 4; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Random probabilities, every one positive, spread over about <paramref name="orders"/> binary orders of magnitude.</summary>
    private static double[] RandomDistribution(int n, int seed, int orders = 1)
    {
        var random = new Random(seed);
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = Math.ScaleB(0.5 + random.NextDouble(), -random.Next(orders));
        }

        var total = p.Sum();
        for (var i = 0; i < n; i++)
        {
            p[i] /= total;
        }

        return p;
    }

    /// <summary>A ring of <paramref name="n"/> configurations, each moving to its neighbours and 17 ahead at random rates, one of them 0.</summary>
    private static Generator Ring(int n, int seed)
    {
        var random = new Random(seed);
        var into = new List<(int Source, double Rate)>[n];
        for (var j = 0; j < n; j++)
        {
            into[j] = [];
        }

        var exit = new double[n];
        for (var i = 0; i < n; i++)
        {
            foreach (var j in new[] { (i + 1) % n, (i + n - 1) % n, (i + 17) % n })
            {
                var rate = j == (i + 17) % n && i % 5 == 0 ? 0 : 0.5 + (1.5 * random.NextDouble());
                into[j].Add((i, rate));
                exit[i] += rate;
            }
        }

        var rowStart = new int[n + 1];
        var sources = new List<int>();
        var rates = new List<double>();
        for (var j = 0; j < n; j++)
        {
            foreach (var (source, rate) in into[j].OrderBy(m => m.Source))
            {
                sources.Add(source);
                rates.Add(rate);
            }

            rowStart[j + 1] = sources.Count;
        }

        return new Generator(rowStart, [.. sources], [.. rates], exit);
    }

    /// <summary>Textbook Arnoldi with modified Gram-Schmidt, one plain loop per operation, on the whole chain.</summary>
    private static (double Beta, double[] H, double[] Residual) PlainArnoldi(Generator generator, double[] start, int k)
    {
        var n = generator.Count;
        var v = new double[k + 1][];
        var h = new double[k * k];
        var beta = Math.Sqrt(start.Sum(p => p * p));
        v[0] = [.. start.Select(p => p / beta)];
        for (var j = 0; j < k; j++)
        {
            var w = new double[n];
            for (var r = 0; r < n; r++)
            {
                var sum = -generator.Exit[r] * v[j][r];
                for (var e = generator.RowStart[r]; e < generator.RowStart[r + 1]; e++)
                {
                    sum += generator.Rates[e] * v[j][generator.Sources[e]];
                }

                w[r] = sum;
            }

            for (var i = 0; i <= j; i++)
            {
                var dot = 0.0;
                for (var r = 0; r < n; r++)
                {
                    dot += v[i][r] * w[r];
                }

                h[(i * k) + j] = dot;
                for (var r = 0; r < n; r++)
                {
                    w[r] -= dot * v[i][r];
                }
            }

            if (j + 1 < k)
            {
                var norm = Math.Sqrt(w.Sum(x => x * x));
                h[((j + 1) * k) + j] = norm;
                v[j + 1] = [.. w.Select(x => x / norm)];
            }
            else
            {
                v[k] = w;
            }
        }

        return (beta, h, v[k]);
    }
}
