using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// The target Spearman rank correlations among d inputs: a symmetric d×d matrix with 1 on the diagonal, the stated
/// pairs' ranks off it, and 0 for every pair not stated. Immutable and validated: every entry lies in [-1, 1] and the
/// matrix is positive semi-definite (a set of inputs with these correlations can exist). Made by
/// <see cref="Create"/> or <see cref="TryCreate"/>; <see cref="FindConflicts"/> names the pairs that make a matrix
/// impossible.
/// </summary>
public sealed class RankCorrelationMatrix
{
    /// <summary>
    /// How far below 0 an eigenvalue may fall and still count as 0 (rounding in a matrix that is exactly singular, such
    /// as a rank of 1 between two inputs): 1e-10 times the number of inputs.
    /// </summary>
    public const double EigenvalueTolerancePerDimension = 1e-10;

    /// <summary>At most this many principal submatrices are examined when looking for the smallest impossible one.</summary>
    private const int MaxSubsetsExamined = 20_000;

    private readonly double[] _entries;
    private readonly double[] _factor;

    private RankCorrelationMatrix(int dimensions, double[] entries, double[] factor, ImmutableArray<CorrelationPair> pairs)
    {
        Dimensions = dimensions;
        _entries = entries;
        _factor = factor;
        Pairs = pairs;
    }

    /// <summary>The number of inputs d, at least 1.</summary>
    public int Dimensions { get; }

    /// <summary>The stated pairs, in the order given, each with <see cref="CorrelationPair.First"/> less than <see cref="CorrelationPair.Second"/>.</summary>
    public ImmutableArray<CorrelationPair> Pairs { get; }

    /// <summary>Whether no pair has a rank other than 0: the inputs are to be independent.</summary>
    public bool IsIdentity => Pairs.All(p => p.Rank == 0);

    /// <summary>The target rank correlation between inputs <paramref name="row"/> and <paramref name="column"/>, from -1 to 1; 1 when they are the same input.</summary>
    /// <param name="row">An input's index, from 0 to <see cref="Dimensions"/> - 1.</param>
    /// <param name="column">An input's index, from 0 to <see cref="Dimensions"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index outside that range.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Dimensions);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Dimensions);
            return _entries[(row * Dimensions) + column];
        }
    }

    /// <summary>The identity: d independent inputs.</summary>
    /// <param name="dimensions">The number of inputs, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is less than 1.</exception>
    public static RankCorrelationMatrix Identity(int dimensions) => Create(dimensions, []);

    /// <summary>Builds and checks the matrix of d inputs with the stated pairs.</summary>
    /// <param name="dimensions">The number of inputs d, at least 1.</param>
    /// <param name="pairs">The stated pairs; each names two different inputs, ranks lie in [-1, 1], and no unordered pair is stated twice.</param>
    /// <exception cref="ArgumentException">A pair is malformed, or the matrix is not positive semi-definite (the message names the conflicting pairs).</exception>
    public static RankCorrelationMatrix Create(int dimensions, IEnumerable<CorrelationPair> pairs)
    {
        if (TryCreate(dimensions, pairs, out var matrix, out var conflicts))
        {
            return matrix!;
        }

        var named = string.Join(", ", conflicts.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.First}, {p.Second}) = {p.Rank:G6}")));
        throw new ArgumentException($"the rank correlations are not positive semi-definite: no inputs can have {named} together", nameof(pairs));
    }

    /// <summary>Builds the matrix of d inputs with the stated pairs, or says which pairs make it impossible.</summary>
    /// <param name="dimensions">The number of inputs d, at least 1.</param>
    /// <param name="pairs">The stated pairs; each names two different inputs, ranks lie in [-1, 1], and no unordered pair is stated twice.</param>
    /// <param name="matrix">The matrix when it is positive semi-definite; null otherwise.</param>
    /// <param name="conflicts">Empty when it is; otherwise the stated pairs of the smallest principal submatrix that is not (see <see cref="FindConflicts"/>).</param>
    /// <returns>Whether the matrix is positive semi-definite.</returns>
    /// <exception cref="ArgumentException">A pair is malformed: an index out of range, the same input twice, a rank that is not finite or outside [-1, 1], or an unordered pair stated twice.</exception>
    public static bool TryCreate(int dimensions, IEnumerable<CorrelationPair> pairs, out RankCorrelationMatrix? matrix, out ImmutableArray<CorrelationPair> conflicts)
    {
        var (entries, list) = Build(dimensions, pairs);
        if (PsdFactor(entries, dimensions) is { } factor)
        {
            matrix = new RankCorrelationMatrix(dimensions, entries, factor, list);
            conflicts = [];
            return true;
        }

        matrix = null;
        conflicts = Conflicts(entries, dimensions, list);
        return false;
    }

    /// <summary>
    /// The stated pairs that cannot hold together: those inside the smallest principal submatrix (the rows and columns of
    /// some inputs) that is not positive semi-definite, looking at sets of inputs joined by stated pairs, by increasing
    /// size. When there are too many sets to examine, the pairs of the whole group of linked inputs that fails. Empty when
    /// the matrix is positive semi-definite.
    /// </summary>
    /// <param name="dimensions">The number of inputs d, at least 1.</param>
    /// <param name="pairs">The stated pairs, as for <see cref="Create"/>.</param>
    /// <exception cref="ArgumentException">A pair is malformed, as for <see cref="TryCreate"/>.</exception>
    public static ImmutableArray<CorrelationPair> FindConflicts(int dimensions, IEnumerable<CorrelationPair> pairs)
    {
        TryCreate(dimensions, pairs, out _, out var conflicts);
        return conflicts;
    }

    /// <summary>
    /// A d×d matrix F, row-major, with F Fᵀ equal to this matrix: the lower Cholesky factor when the matrix is positive
    /// definite, otherwise V √Λ from its eigen-decomposition with eigenvalues within rounding of 0 taken as 0 (so a
    /// singular matrix, such as a rank of exactly 1, has one too). A new array on each call.
    /// </summary>
    public double[] Factor() => (double[])_factor.Clone();

    private static (double[] Entries, ImmutableArray<CorrelationPair> Pairs) Build(int dimensions, IEnumerable<CorrelationPair> pairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentNullException.ThrowIfNull(pairs);
        var entries = new double[dimensions * dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            entries[(i * dimensions) + i] = 1;
        }

        var stated = new HashSet<(int, int)>();
        var list = ImmutableArray.CreateBuilder<CorrelationPair>();
        foreach (var pair in pairs)
        {
            if (pair.First < 0 || pair.First >= dimensions || pair.Second < 0 || pair.Second >= dimensions)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the pair ({pair.First}, {pair.Second}) names an input outside 0 to {dimensions - 1}"), nameof(pairs));
            }

            if (pair.First == pair.Second)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the pair ({pair.First}, {pair.Second}) names the same input twice; an input's correlation with itself is 1"), nameof(pairs));
            }

            if (!double.IsFinite(pair.Rank) || pair.Rank is < -1 or > 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the rank of the pair ({pair.First}, {pair.Second}) is {pair.Rank}; a rank correlation lies from -1 to 1"), nameof(pairs));
            }

            var (a, b) = pair.First < pair.Second ? (pair.First, pair.Second) : (pair.Second, pair.First);
            if (!stated.Add((a, b)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the pair ({a}, {b}) is stated twice"), nameof(pairs));
            }

            entries[(a * dimensions) + b] = pair.Rank;
            entries[(b * dimensions) + a] = pair.Rank;
            list.Add(new CorrelationPair(a, b, pair.Rank));
        }

        return (entries, list.ToImmutable());
    }

    /// <summary>F with F Fᵀ = the matrix when it is positive semi-definite (within rounding); null otherwise.</summary>
    internal static double[]? PsdFactor(double[] entries, int dimensions)
    {
        var m = Matrix<double>.Build.Dense(dimensions, dimensions, (i, j) => entries[(i * dimensions) + j]);
        var result = new double[dimensions * dimensions];
        var cholesky = TryCholesky(m);
        if (cholesky is not null)
        {
            for (var i = 0; i < dimensions; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    result[(i * dimensions) + j] = cholesky[i, j];
                }
            }

            return result;
        }

        var evd = m.Evd(Symmetricity.Symmetric);
        var tolerance = EigenvalueTolerancePerDimension * dimensions;
        var values = evd.EigenValues;
        for (var k = 0; k < dimensions; k++)
        {
            if (values[k].Real < -tolerance)
            {
                return null;
            }
        }

        var vectors = evd.EigenVectors;
        for (var k = 0; k < dimensions; k++)
        {
            var root = Math.Sqrt(Math.Max(0, values[k].Real));
            for (var i = 0; i < dimensions; i++)
            {
                result[(i * dimensions) + k] = vectors[i, k] * root;
            }
        }

        return result;
    }

    private static Matrix<double>? TryCholesky(Matrix<double> m)
    {
        try
        {
            var factor = m.Cholesky().Factor;
            return factor.Enumerate().All(double.IsFinite) ? factor : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsPsd(double[] entries, int dimensions, IReadOnlyList<int> subset)
    {
        var k = subset.Count;
        var sub = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                sub[(i * k) + j] = entries[(subset[i] * dimensions) + subset[j]];
            }
        }

        return PsdFactor(sub, k) is not null;
    }

    private static ImmutableArray<CorrelationPair> Conflicts(double[] entries, int dimensions, ImmutableArray<CorrelationPair> pairs)
    {
        // Inputs joined by no stated pair make a block-diagonal matrix, which fails only if a block fails: look only at
        // connected sets, within the connected groups (components) that fail, smallest first.
        var linked = pairs.Where(p => p.Rank != 0).ToArray();
        var neighbours = Enumerable.Range(0, dimensions).Select(_ => new HashSet<int>()).ToArray();
        foreach (var p in linked)
        {
            neighbours[p.First].Add(p.Second);
            neighbours[p.Second].Add(p.First);
        }

        var failing = Components(neighbours).Where(c => c.Count >= 3 && !IsPsd(entries, dimensions, c)).ToList();
        var examined = 0;
        for (var size = 3; failing.Count > 0 && size <= failing.Max(c => c.Count); size++)
        {
            foreach (var component in failing.Where(c => c.Count >= size))
            {
                foreach (var subset in Subsets(component, size))
                {
                    if (++examined > MaxSubsetsExamined)
                    {
                        return PairsWithin(pairs, failing.OrderBy(c => c.Count).First());
                    }

                    if (IsConnected(subset, neighbours) && !IsPsd(entries, dimensions, subset))
                    {
                        return PairsWithin(pairs, subset);
                    }
                }
            }
        }

        // Only rounding can bring us here (the whole matrix fails by a hair while no group does): name every pair.
        return pairs;
    }

    private static ImmutableArray<CorrelationPair> PairsWithin(ImmutableArray<CorrelationPair> pairs, IReadOnlyList<int> subset) =>
        [.. pairs.Where(p => p.Rank != 0 && subset.Contains(p.First) && subset.Contains(p.Second))];

    private static List<List<int>> Components(HashSet<int>[] neighbours)
    {
        var seen = new bool[neighbours.Length];
        var result = new List<List<int>>();
        for (var start = 0; start < neighbours.Length; start++)
        {
            if (seen[start])
            {
                continue;
            }

            var component = new List<int>();
            var stack = new Stack<int>([start]);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                component.Add(node);
                foreach (var next in neighbours[node].Where(n => !seen[n]))
                {
                    seen[next] = true;
                    stack.Push(next);
                }
            }

            component.Sort();
            result.Add(component);
        }

        return result;
    }

    private static IEnumerable<int[]> Subsets(List<int> items, int size)
    {
        var indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. indices.Select(i => items[i])];
            var k = size - 1;
            while (k >= 0 && indices[k] == items.Count - size + k)
            {
                k--;
            }

            if (k < 0)
            {
                yield break;
            }

            indices[k]++;
            for (var j = k + 1; j < size; j++)
            {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }

    private static bool IsConnected(int[] subset, HashSet<int>[] neighbours)
    {
        var reached = new HashSet<int> { subset[0] };
        var stack = new Stack<int>([subset[0]]);
        while (stack.Count > 0)
        {
            foreach (var next in neighbours[stack.Pop()])
            {
                if (subset.Contains(next) && reached.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return reached.Count == subset.Length;
    }
}
