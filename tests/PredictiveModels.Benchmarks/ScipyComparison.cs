using System.Diagnostics;
using System.Globalization;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// <c>--scipy-compare MATRIX.mtx --time T [--tolerance TOL] [--repeat N] [--output FILE]</c>: the timing half
/// of <c>scipy/compare-scipy</c>. Reads a generator written by <c>predictive-models export-generator</c>
/// (Matrix Market, rows moved from, columns moved to, diagonal minus the exit rate) into the library's
/// compressed form, then times <see cref="KrylovTransient"/>'s Krylov steps on that prebuilt generator
/// from the file's start configuration to time <c>T</c>, exactly as SciPy's <c>expm_multiply</c> is timed
/// on the same matrix already in memory: reading the file is not timed. Prints one JSON line (median and
/// every run's wall-clock and processor seconds, products, error bound, fallback) and writes the distribution at <c>T</c> as
/// little-endian doubles to <c>FILE</c> so the script can compare it with SciPy's in the 1-norm.
/// </summary>
internal static class ScipyComparison
{
    public const string Flag = "--scipy-compare";

    public static int Run(string[] args)
    {
        string? matrix = null;
        string? output = null;
        double? time = null;
        var tolerance = 1e-10;
        var repeat = 3;
        for (var a = 0; a < args.Length; a++)
        {
            string Next() => a + 1 < args.Length ? args[++a] : throw new ArgumentException($"{args[a]} needs a value");
            switch (args[a])
            {
                case "--time": time = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tolerance": tolerance = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--output": output = Next(); break;
                default:
                    if (matrix is not null || args[a].StartsWith("--", StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine($"usage: {Flag} MATRIX.mtx --time T [--tolerance TOL] [--repeat N] [--output FILE]; unexpected '{args[a]}'");
                        return 2;
                    }

                    matrix = args[a];
                    break;
            }
        }

        if (matrix is null || time is not { } t || !(t > 0) || repeat < 1)
        {
            Console.Error.WriteLine($"usage: {Flag} MATRIX.mtx --time T [--tolerance TOL] [--repeat N] [--output FILE] (T > 0, N >= 1)");
            return 2;
        }

        var (generator, start) = Read(matrix);
        var seconds = new double[repeat];
        var cpu = new double[repeat];
        TransientResult? result = null;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = KrylovTransient.Compute(generator, start, [t], tolerance, KrylovTransient.BasisSize, prune: true, null, default);
            seconds[r] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        }

        var median = seconds.Order().ElementAt(repeat / 2);
        var cpuMedian = cpu.Order().ElementAt(repeat / 2);
        if (output is not null)
        {
            using var file = new BinaryWriter(File.Create(output));
            foreach (var p in result!.Distributions[0])
            {
                file.Write(p);
            }
        }

        var fallback = result!.Fallback is null ? "null" : "\"" + result.Fallback.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"configurations\": {generator.Count}, \"offDiagonal\": {generator.NonZeros}, \"start\": {start}, \"time\": {t:R}, \"tolerance\": {tolerance:R}, \"medianSeconds\": {median:R}, \"seconds\": [{Join(seconds)}], \"medianCpuSeconds\": {cpuMedian:R}, \"cpuSeconds\": [{Join(cpu)}], \"products\": {result.Products}, \"errorBound\": {result.ErrorBounds[0]:R}, \"fallback\": {fallback}}}"));
        return 0;
    }

    private static string Join(double[] values) => string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The generator of a Matrix Market file written by <see cref="MatrixMarketExport"/>, and its start configuration (0-based).</summary>
    private static (Generator Generator, int Start) Read(string path)
    {
        using var reader = new StreamReader(path);
        int? start = null;
        string? line;
        while ((line = reader.ReadLine()) is not null && line.StartsWith('%'))
        {
            const string marker = "start configuration: ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                start = int.Parse(line[(at + marker.Length)..].Trim(), CultureInfo.InvariantCulture) - 1;
            }
        }

        var size = (line ?? throw new InvalidDataException($"{path}: no size line")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = int.Parse(size[0], CultureInfo.InvariantCulture);
        var entries = long.Parse(size[2], CultureInfo.InvariantCulture);
        if (size[1] != size[0] || start is not { } s || s < 0 || s >= n)
        {
            throw new InvalidDataException($"{path}: not a square generator with a start configuration");
        }

        var rows = new int[entries - n];
        var columns = new int[entries - n];
        var values = new double[entries - n];
        var exit = new double[n];
        var off = 0;
        for (long e = 0; e < entries; e++)
        {
            line = reader.ReadLine() ?? throw new InvalidDataException($"{path}: {entries} entries announced, {e} found");
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var i = int.Parse(fields[0], CultureInfo.InvariantCulture) - 1;
            var j = int.Parse(fields[1], CultureInfo.InvariantCulture) - 1;
            var q = double.Parse(fields[2], CultureInfo.InvariantCulture);
            if (i == j)
            {
                exit[i] = -q;
            }
            else
            {
                rows[off] = i;
                columns[off] = j;
                values[off++] = q;
            }
        }

        // The library keeps, for each configuration j, the sources i and rates q_ij of the moves into it.
        var rowStart = new int[n + 1];
        for (var e = 0; e < off; e++)
        {
            rowStart[columns[e] + 1]++;
        }

        for (var j = 0; j < n; j++)
        {
            rowStart[j + 1] += rowStart[j];
        }

        var fill = rowStart[..n];
        var sources = new int[off];
        var rates = new double[off];
        for (var e = 0; e < off; e++)
        {
            var at = fill[columns[e]]++;
            sources[at] = rows[e];
            rates[at] = values[e];
        }

        return (new Generator(rowStart, sources, rates, exit), s);
    }
}
