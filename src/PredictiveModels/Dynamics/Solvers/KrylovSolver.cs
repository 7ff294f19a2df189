using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The machinery of <see cref="KrylovTransient"/>: the current distribution, its pruning, the
/// region a Krylov basis can reach, the generator restricted to that region, and the Arnoldi
/// process on it.
/// <para>
/// Every pass over a region works on fixed chunks of <see cref="Chunk"/> entries, which large regions
/// spread over the cores. Entry-wise results (products, updates, combinations) do not depend on the
/// chunks at all. Every reduction (dot product, 1-norm, sum) is computed chunk by chunk, each chunk
/// alone in a fixed order, and the chunks' partial results are then added in chunk order on one
/// thread. The chunks are the same whatever the number of cores, so results are reproducible bit for
/// bit on any number of threads; a region of one chunk is reduced exactly as a plain loop would.
/// </para>
/// </summary>
internal sealed class KrylovSolver
{
    private const int NoIndex = -1;
    private const int ExponentBuckets = 1100;
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private readonly Generator _generator;
    private readonly int _basisSize;

    /// <summary>
    /// Entries per chunk of a pass over a region (a multiple of four, so the vector lanes of every chunk line up with
    /// those of the whole), and the unit of parallel work; a region of one chunk is handled on the calling thread.
    /// Reductions depend on it in their last bits, so it must not depend on the machine.
    /// </summary>
    internal const int Chunk = 1 << 13;

    private static readonly AsyncLocal<int> MaxThreads = new();

    // Moves with a non-zero rate, by the configuration they leave: the directions probability can flow.
    private readonly int[] _outStart;
    private readonly int[] _outTarget;

    private readonly double[] _y;
    private readonly int[] _local;
    private readonly int[] _region;
    private readonly int[] _support;
    private readonly double[] _buckets = new double[ExponentBuckets + 1];
    private int _regionCount;
    private int _supportCount;
    private bool _regionIsEverything;

    // The generator restricted to the region, as the column-vector operator Q^T: row r lists the moves into r.
    private int[] _rowStart = [];
    private int[] _column = [];
    private double[] _rate = [];
    private double[] _diagonal = [];

    private readonly double[][] _basis;
    private readonly double[] _basisNorm1;
    private readonly double[] _basisSum;
    private readonly double[] _hessenberg;

    // V c on the region, kept between steps: a new array per step was a large-object allocation each time.
    private double[] _combined = [];

    // Each chunk's partial result of the reductions of a pass, added in chunk order afterwards.
    private double[] _dotPartial = [];
    private double[] _squarePartial = [];
    private double[] _norm1Partial = [];
    private double[] _sumPartial = [];
    private double[] _compensationPartial = [];

    public KrylovSolver(Generator generator, int basisSize, int start)
        : this(generator, basisSize, start, null)
    {
    }

    /// <summary>Starts from <paramref name="initial"/> (a distribution over all configurations) when given, else from <paramref name="start"/>.</summary>
    public KrylovSolver(Generator generator, int basisSize, int start, double[]? initial)
    {
        _generator = generator;
        _basisSize = basisSize;
        var n = generator.Count;
        _y = new double[n];
        _local = new int[n];
        Array.Fill(_local, NoIndex);
        _region = new int[n];
        _support = new int[n];
        _basis = new double[basisSize + 1][];
        Array.Fill(_basis, []);
        _basisNorm1 = new double[basisSize + 1];
        _basisSum = new double[basisSize + 1];
        _hessenberg = new double[basisSize * basisSize];

        (_outStart, _outTarget) = FlowDirections(generator);
        if (initial is null)
        {
            _y[start] = 1;
            _support[0] = start;
            _supportCount = 1;
            return;
        }

        for (var i = 0; i < n; i++)
        {
            if (initial[i] != 0)
            {
                _y[i] = initial[i];
                _support[_supportCount++] = i;
            }
        }
    }

    /// <summary>
    /// The most threads a pass over a region may use in the current asynchronous flow; 0 (the default) for no limit.
    /// Results do not depend on it: tests set it to show that.
    /// </summary>
    internal static int MaxDegreeOfParallelism
    {
        get => MaxThreads.Value;
        set => MaxThreads.Value = value;
    }

    /// <summary>Dimension of the last basis built (at most the basis size; less after a breakdown).</summary>
    public int Dimension { get; private set; }

    /// <summary>Euclidean norm of the distribution the last basis started from.</summary>
    public double Beta { get; private set; }

    /// <summary>1-norm of the last Arnoldi residual <c>w</c> in <c>Q^T V = V H + w e_k^T</c>.</summary>
    public double Residual1 { get; private set; }

    /// <summary>Number of configurations in the last region.</summary>
    public int RegionSize => _regionCount;

    /// <summary>Sum of the entries of the last Arnoldi residual <c>w</c>.</summary>
    public double ResidualSum { get; private set; }

    /// <summary>
    /// The projected matrix <c>H</c>, row-major, <see cref="Dimension"/> squared entries, with its first
    /// row corrected so that the projected dynamics lose probability only through the residual.
    /// <para>
    /// The columns of <c>Q^T</c> sum to 0, so with <c>s_a</c> the sum of the entries of <c>v_a</c>, the
    /// Arnoldi relation gives <c>s^T H = -(1^T w) e_k^T</c> exactly, and the total probability of
    /// <c>beta V exp(t H) e_1</c> changes only through <c>phi</c>. In floating point the relation
    /// holds up to rounding <c>rho^T = s^T H + (1^T w) e_k^T</c> summed over the whole region, and the
    /// probability drifts by <c>beta rho^T x</c> per unit time: about 10^-13 per step on the default
    /// chain, which over 10^7 time units outweighs the tolerance (and made the mass check fail for
    /// no fault of the error bound). Subtracting <c>e_1 rho^T / s_1</c> from <c>H</c> (<c>s_1 &gt;= 1</c>,
    /// as <c>v_1</c> is a non-negative vector of 2-norm 1) restores the relation to within the rounding
    /// of a few <c>k</c>-term sums and changes <c>H</c> by no more than its own rounding.
    /// </para>
    /// </summary>
    public double[] Projection()
    {
        var k = Dimension;
        var h = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                h[(i * k) + j] = _hessenberg[(i * _basisSize) + j];
            }
        }

        if (k > 0 && _basisSum[0] > 0)
        {
            for (var j = 0; j < k; j++)
            {
                var rho = j == k - 1 ? ResidualSum : 0.0;
                for (var a = 0; a < k; a++)
                {
                    rho += _basisSum[a] * h[(a * k) + j];
                }

                h[j] -= rho / _basisSum[0];
            }
        }

        return h;
    }

    /// <summary>A copy of the current distribution over every configuration.</summary>
    public double[] Snapshot() => (double[])_y.Clone();

    /// <summary>
    /// Drops the smallest probabilities, whole binary orders of magnitude at a time from the
    /// smallest up, as long as the mass dropped stays within <paramref name="allowance"/>. Returns the mass dropped.
    /// </summary>
    public double Prune(double allowance)
    {
        if (allowance <= 0)
        {
            return 0;
        }

        Array.Clear(_buckets);
        for (var s = 0; s < _supportCount; s++)
        {
            var p = _y[_support[s]];
            _buckets[Bucket(p)] += p;
        }

        var cut = 0;
        var mass = 0.0;
        while (cut < ExponentBuckets && mass + _buckets[cut] <= allowance)
        {
            mass += _buckets[cut];
            cut++;
        }

        if (cut == 0)
        {
            return 0;
        }

        var dropped = 0.0;
        var kept = 0;
        for (var s = 0; s < _supportCount; s++)
        {
            var i = _support[s];
            if (Bucket(_y[i]) < cut)
            {
                dropped += _y[i];
                _y[i] = 0;
            }
            else
            {
                _support[kept++] = i;
            }
        }

        _supportCount = kept;
        return dropped;
    }

    /// <summary>
    /// Collects the configurations within <see cref="_basisSize"/> flowing moves of the support (every
    /// vector of the next basis vanishes outside them) and restricts the generator to them.
    /// </summary>
    public void BuildRegion()
    {
        var n = _generator.Count;
        var wasEverything = _regionIsEverything;
        ClearRegion();
        for (var s = 0; s < _supportCount; s++)
        {
            _local[_support[s]] = _regionCount;
            _region[_regionCount++] = _support[s];
        }

        var frontierStart = 0;
        // Once over half the chain is reached, the region is all of it: the search can stop there.
        for (var layer = 0; layer < _basisSize && frontierStart < _regionCount && _regionCount <= n / 2; layer++)
        {
            var frontierEnd = _regionCount;
            for (var f = frontierStart; f < frontierEnd; f++)
            {
                var i = _region[f];
                for (var e = _outStart[i]; e < _outStart[i + 1]; e++)
                {
                    var r = _outTarget[e];
                    if (_local[r] == NoIndex)
                    {
                        _local[r] = _regionCount;
                        _region[_regionCount++] = r;
                    }
                }
            }

            frontierStart = frontierEnd;
        }

        // Configuration order keeps the restricted generator's memory access local; a region that is
        // most of the chain is simply all of it.
        _regionIsEverything = _regionCount > n / 2;
        if (_regionIsEverything)
        {
            _regionCount = n;
            for (var i = 0; i < n; i++)
            {
                _region[i] = i;
            }
        }
        else
        {
            Array.Sort(_region, 0, _regionCount);
        }

        for (var l = 0; l < _regionCount; l++)
        {
            _local[_region[l]] = l;
        }

        // The whole chain again restricts to the same operator, which is kept from the last time.
        if (!(_regionIsEverything && wasEverything))
        {
            Restrict();
        }

        foreach (ref var v in _basis.AsSpan())
        {
            if (v.Length < _regionCount)
            {
                v = new double[Math.Min(n, Math.Max(_regionCount, v.Length + (v.Length / 2)))];
            }
        }

        if (_combined.Length < _regionCount)
        {
            _combined = new double[_basis[0].Length];
        }

        var chunks = ChunkCount(_regionCount);
        if (_dotPartial.Length < chunks)
        {
            _dotPartial = new double[chunks];
            _squarePartial = new double[chunks];
            _norm1Partial = new double[chunks];
            _sumPartial = new double[chunks];
            _compensationPartial = new double[chunks];
        }
    }

    /// <summary>
    /// The Arnoldi process on the region from the current distribution: an orthonormal basis
    /// <c>V</c> (modified Gram-Schmidt), <c>H = V^T Q^T V</c> upper Hessenberg, and the residual
    /// <c>w</c> with <c>Q^T V = V H + w e_k^T</c>. Stops early when <c>w</c> vanishes to rounding (the
    /// space is invariant). Returns the number of products made.
    /// <para>
    /// Memory traffic, not arithmetic, sets the pace on large regions, so each pass does as much as it
    /// can while a chunk is in cache: the product also gives <c>w^T w</c> and <c>v_1^T w</c>, each
    /// Gram-Schmidt update <c>w -= h_i v_i</c> also gives the next product <c>v_(i+1)^T w</c> (or
    /// <c>w^T w</c> after the last), and the scaling of a new basis vector also gives its 1-norm and
    /// sum. The operations are those of modified Gram-Schmidt, entry by entry, in the same order.
    /// </para>
    /// </summary>
    public int Arnoldi(CancellationToken cancellation)
    {
        var count = _regionCount;
        var chunks = ChunkCount(count);
        Gather(count);
        Array.Clear(_hessenberg);
        Beta = Math.Sqrt(Total(_squarePartial, chunks));
        if (Beta == 0)
        {
            Dimension = 0;
            Residual1 = 0;
            ResidualSum = 0;
            return 0;
        }

        (_basisNorm1[0], _basisSum[0]) = ScaleAndMeasure(_basis[0], count, 1 / Beta);
        var products = 0;
        for (var j = 0; ; j++)
        {
            cancellation.ThrowIfCancellationRequested();
            var w = _basis[j + 1];
            Apply(_basis[j], w, count, _basis[0]);
            products++;
            var before = Math.Sqrt(Total(_squarePartial, chunks));
            for (var i = 0; i <= j; i++)
            {
                var h = Total(_dotPartial, chunks);
                _hessenberg[(i * _basisSize) + j] = h;
                Orthogonalise(-h, _basis[i], w, i < j ? _basis[i + 1] : w, count);
            }

            var after = Math.Sqrt(Total(_dotPartial, chunks));
            if (j + 1 == _basisSize || after <= 1e-13 * before || j + 1 == count)
            {
                Dimension = j + 1;

                // Scaling by 1 changes no entry; it measures the residual in the same pass as any basis vector.
                (Residual1, ResidualSum) = ScaleAndMeasure(w, count, 1);
                return products;
            }

            _hessenberg[((j + 1) * _basisSize) + j] = after;
            (_basisNorm1[j + 1], _basisSum[j + 1]) = ScaleAndMeasure(w, count, 1 / after);
        }
    }

    /// <summary>The total probability of the distribution the last basis started from: <c>beta</c> times the sum of <c>v_1</c>.</summary>
    public double StartMass => Dimension == 0 ? 0 : Beta * _basisSum[0];

    /// <summary>
    /// The sum of the entries of <c>V c</c> (before negative entries are set to 0), from the sums of the
    /// basis vectors, in <c>k</c> operations. The exact step conserves probability, so its distance from
    /// <see cref="StartMass"/> is at most the 1-norm error of the step: a check of the step's bound that
    /// does not rest on it.
    /// </summary>
    public double Mass(ReadOnlySpan<double> c)
    {
        var sum = 0.0;
        for (var a = 0; a < c.Length; a++)
        {
            sum += c[a] * _basisSum[a];
        }

        return sum;
    }

    /// <summary>
    /// <c>V c</c> with negative entries set to 0 (the exact probabilities are non-negative, so this
    /// never moves an entry further from them), as a distribution over every configuration.
    /// </summary>
    public double[] Combine(ReadOnlySpan<double> c)
    {
        var combined = CombineLocal(c);
        var result = new double[_generator.Count];
        for (var l = 0; l < _regionCount; l++)
        {
            result[_region[l]] = Math.Max(0, combined[l]);
        }

        return result;
    }

    /// <summary>Makes <c>V c</c> (negative entries set to 0) the current distribution.</summary>
    public void Advance(ReadOnlySpan<double> c)
    {
        var combined = CombineLocal(c);
        _supportCount = 0;
        for (var l = 0; l < _regionCount; l++)
        {
            var i = _region[l];
            var p = Math.Max(0, combined[l]);
            _y[i] = p;
            if (p > 0)
            {
                _support[_supportCount++] = i;
            }
        }
    }

    /// <summary>
    /// An estimate of the rounding, in the 1-norm, of <c>V c</c> with <c>c = beta exp(s H) e_1</c>:
    /// twice the unit roundoff times <c>(2^squarings + k)</c> times <c>||c||_2 sqrt(sum_a ||v_a||_1^2)</c>.
    /// Scaling and squaring makes a normwise error in <c>c</c> growing about like <c>2^squarings</c>
    /// (each squaring doubles the error already made along the slowest modes, the conservation of
    /// probability among them), the sum adds at most <c>k</c> roundings, and by Cauchy-Schwarz an error
    /// <c>dc</c> moves <c>V c</c> by at most <c>||dc||_2 sqrt(sum_a ||v_a||_1^2)</c>. A componentwise
    /// estimate (<c>sum |c_a| ||v_a||_1</c>) was too small: the change of total probability over a step,
    /// which the step's error must exceed, reached twice it on the default chain over long steps;
    /// it reaches at most half of this one on the chains the tests measure.
    /// </summary>
    public double RoundingEstimate(ReadOnlySpan<double> c, int squarings)
    {
        var c2 = 0.0;
        var v2 = 0.0;
        for (var a = 0; a < c.Length; a++)
        {
            c2 += c[a] * c[a];
            v2 += _basisNorm1[a] * _basisNorm1[a];
        }

        return 2 * Math.Sqrt(c2 * v2) * (Math.ScaleB(1.0, squarings) + c.Length) * UnitRoundoff;
    }

    /// <summary><c>V c</c> on the region; each entry is its own sum over the basis in order, so chunks change nothing.</summary>
    private double[] CombineLocal(ReadOnlySpan<double> c)
    {
        var count = _regionCount;
        var combined = _combined;
        var coefficients = c.ToArray();
        var basis = _basis;
        ForChunks(count, k =>
        {
            var (from, length) = ChunkOf(k, count);
            var target = combined.AsSpan(from, length);
            target.Clear();
            for (var a = 0; a < coefficients.Length; a++)
            {
                Axpy(coefficients[a], basis[a].AsSpan(from, length), target);
            }
        });

        return combined;
    }

    private void ClearRegion()
    {
        if (_regionIsEverything)
        {
            Array.Fill(_local, NoIndex);
        }
        else
        {
            for (var l = 0; l < _regionCount; l++)
            {
                _local[_region[l]] = NoIndex;
            }
        }

        _regionCount = 0;
        _regionIsEverything = false;
    }

    /// <summary>The generator restricted to the region; moves whose rate is 0 are left out.</summary>
    private void Restrict()
    {
        var rowStart = _generator.RowStart;
        var sources = _generator.Sources;
        var rates = _generator.Rates;
        var exit = _generator.Exit;
        var count = _regionCount;
        if (_rowStart.Length < count + 1)
        {
            _rowStart = new int[Math.Min(_generator.Count + 1, Math.Max(count + 1, _rowStart.Length + (_rowStart.Length / 2)))];
            _diagonal = new double[_rowStart.Length];
        }

        var entries = 0;
        _rowStart[0] = 0;
        for (var l = 0; l < count; l++)
        {
            var r = _region[l];
            var needed = entries + (rowStart[r + 1] - rowStart[r]);
            if (_column.Length < needed)
            {
                var size = Math.Min(sources.Length, Math.Max(needed, _column.Length + (_column.Length / 2) + 16));
                Array.Resize(ref _column, size);
                Array.Resize(ref _rate, size);
            }

            for (var e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                var c = _local[sources[e]];
                if (c != NoIndex && rates[e] != 0)
                {
                    _column[entries] = c;
                    _rate[entries] = rates[e];
                    entries++;
                }
            }

            _rowStart[l + 1] = entries;
            _diagonal[l] = -exit[r];
        }
    }

    /// <summary>
    /// w = Q^T v on the region, and each chunk's partial <c>w^T w</c> and <c>first^T w</c> while the chunk of <c>w</c> is
    /// in cache. Each row is summed alone in a fixed order, so the chunks change no entry of <c>w</c>.
    /// </summary>
    private void Apply(double[] v, double[] w, int length, double[] first)
    {
        var squares = _squarePartial;
        var dots = _dotPartial;
        ForChunks(length, k =>
        {
            var (from, size) = ChunkOf(k, length);
            ApplyRows(v, w, from, from + size);
            var chunk = w.AsSpan(from, size);
            squares[k] = Dot(chunk, chunk);
            dots[k] = Dot(first.AsSpan(from, size), chunk);
        });
    }

    /// <summary>The first basis vector, the distribution on the region, and each chunk's partial sum of its squares.</summary>
    private void Gather(int count)
    {
        var v0 = _basis[0];
        var y = _y;
        var region = _region;
        var squares = _squarePartial;
        ForChunks(count, k =>
        {
            var (from, length) = ChunkOf(k, count);
            var chunk = v0.AsSpan(from, length);
            for (var l = 0; l < length; l++)
            {
                chunk[l] = y[region[from + l]];
            }

            squares[k] = Dot(chunk, chunk);
        });
    }

    /// <summary>
    /// One step of modified Gram-Schmidt, <c>w += a x</c>, fused with the dot product the next step needs,
    /// <c>next^T w</c> (<paramref name="next"/> may be <paramref name="w"/> itself), whose chunks' partials go to the dot partials.
    /// </summary>
    private void Orthogonalise(double a, double[] x, double[] w, double[] next, int count)
    {
        var dots = _dotPartial;
        ForChunks(count, k =>
        {
            var (from, length) = ChunkOf(k, count);
            dots[k] = AxpyDot(a, x.AsSpan(from, length), w.AsSpan(from, length), next.AsSpan(from, length));
        });
    }

    /// <summary>
    /// Multiplies the first <paramref name="count"/> entries by <paramref name="a"/> and returns their 1-norm and their
    /// compensated sum after it, in one pass. The chunks' sums are added by the same compensated rule as the entries
    /// within a chunk, carrying each chunk's compensation, so the sum stays accurate to a few units of roundoff of the
    /// sum of magnitudes whatever the length.
    /// </summary>
    private (double Norm1, double Sum) ScaleAndMeasure(double[] x, int count, double a)
    {
        var norms = _norm1Partial;
        var sums = _sumPartial;
        var compensations = _compensationPartial;
        ForChunks(count, k =>
        {
            var (from, length) = ChunkOf(k, count);
            (norms[k], sums[k], compensations[k]) = ScaleChunk(x.AsSpan(from, length), a);
        });

        var chunks = ChunkCount(count);
        var sum = sums[0];
        var compensation = compensations[0];
        for (var k = 1; k < chunks; k++)
        {
            var t = sum + sums[k];
            compensation += Math.Abs(sum) >= Math.Abs(sums[k]) ? (sum - t) + sums[k] : (sums[k] - t) + sum;
            compensation += compensations[k];
            sum = t;
        }

        return (Total(norms, chunks), sum + compensation);
    }

    private static int ChunkCount(int count) => Math.Max(1, (count + Chunk - 1) / Chunk);

    private static (int From, int Length) ChunkOf(int k, int count)
    {
        var from = k * Chunk;
        return (from, Math.Min(count, from + Chunk) - from);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every chunk of a pass over <paramref name="count"/> entries: on the calling thread
    /// for one chunk or when only one thread may run (a parallel loop there costs its scheduling and gains nothing: about
    /// 10% of the transient on one core), else on the cores. Each chunk writes only its own results, so both give the same.
    /// </summary>
    private static void ForChunks(int count, Action<int> body)
    {
        var chunks = ChunkCount(count);
        var threads = MaxThreads.Value;
        if (chunks == 1 || threads == 1 || Environment.ProcessorCount == 1)
        {
            for (var k = 0; k < chunks; k++)
            {
                body(k);
            }

            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : -1 }, body);
    }

    /// <summary>The chunks' partial results added in chunk order: the first alone is itself, as for a region of one chunk.</summary>
    private static double Total(double[] partials, int chunks)
    {
        var total = partials[0];
        for (var k = 1; k < chunks; k++)
        {
            total += partials[k];
        }

        return total;
    }

    private void ApplyRows(double[] v, double[] w, int from, int to)
    {
        var rowStart = _rowStart;
        var column = _column;
        var rate = _rate;
        var diagonal = _diagonal;
        for (var l = from; l < to; l++)
        {
            var sum = diagonal[l] * v[l];
            var end = rowStart[l + 1];
            for (var e = rowStart[l]; e < end; e++)
            {
                sum += rate[e] * v[column[e]];
            }

            w[l] = sum;
        }
    }

    private static (int[] Start, int[] Target) FlowDirections(Generator generator)
    {
        var n = generator.Count;
        var rowStart = generator.RowStart;
        var sources = generator.Sources;
        var rates = generator.Rates;
        var start = new int[n + 1];
        for (var e = 0; e < sources.Length; e++)
        {
            if (rates[e] != 0)
            {
                start[sources[e] + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        var target = new int[start[n]];
        var fill = start.AsSpan(0, n).ToArray();
        for (var r = 0; r < n; r++)
        {
            for (var e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                if (rates[e] != 0)
                {
                    target[fill[sources[e]]++] = r;
                }
            }
        }

        return (start, target);
    }

    private static int Bucket(double p) => Math.Clamp(Math.ILogB(p) + 1075, 0, ExponentBuckets);

    // Vector kernels with a fixed width of four, so that sums are added in the same order on every machine.
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
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

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var wide = MemoryMarshal.Cast<double, Vector256<double>>(x);
        var wideY = MemoryMarshal.Cast<double, Vector256<double>>(y);
        var va = Vector256.Create(a);
        for (var i = 0; i < wide.Length; i++)
        {
            wideY[i] += va * wide[i];
        }

        for (var i = wide.Length * 4; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>
    /// <see cref="Axpy"/> (<c>y += a x</c>) and then <see cref="Dot"/> of <paramref name="z"/> with the new <c>y</c>, in one
    /// loop: each entry of <c>y</c> and the dot product come out as the two calls would make them.
    /// </summary>
    private static double AxpyDot(double a, ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> z)
    {
        var wide = MemoryMarshal.Cast<double, Vector256<double>>(x);
        var wideY = MemoryMarshal.Cast<double, Vector256<double>>(y);
        var wideZ = MemoryMarshal.Cast<double, Vector256<double>>(z);
        var va = Vector256.Create(a);
        var acc = Vector256<double>.Zero;
        for (var i = 0; i < wide.Length; i++)
        {
            var updated = wideY[i] + (va * wide[i]);
            wideY[i] = updated;
            acc += wideZ[i] * updated;
        }

        var sum = Vector256.Sum(acc);
        for (var i = wide.Length * 4; i < x.Length; i++)
        {
            y[i] += a * x[i];
            sum += z[i] * y[i];
        }

        return sum;
    }

    /// <summary>Multiplies the entries by <paramref name="a"/>; returns their 1-norm and their compensated sum as <see cref="Sum"/> forms it, before the final addition of the compensation.</summary>
    private static (double Norm1, double Sum, double Compensation) ScaleChunk(Span<double> x, double a)
    {
        var norm1 = 0.0;
        var sum = 0.0;
        var compensation = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i] * a;
            x[i] = v;
            norm1 += Math.Abs(v);
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        return (norm1, sum, compensation);
    }

    /// <summary>The sum of the entries, compensated (Neumaier): its rounding is a few units of <c>sum |x|</c> times the unit roundoff, whatever the length.</summary>
    internal static double Sum(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        var compensation = 0.0;
        foreach (var v in x)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }
}
