using System.Collections.Immutable;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>
/// The simplicity (and speed) posterior over candidates, prepared for fast repeated evaluation:
/// the candidates' <c>K</c>, <c>log2 T</c> and loss gaps are held in arrays, so that one
/// evaluation at new <c>(a, lambda, n)</c> costs a few operations per candidate and no
/// allocation (<see cref="DeceptiveProbability"/>). Immutable and thread-safe.
/// <code>log2 w(m) = -(a K(m) + lambda log2 T(m) + n lossGap(m)),   P(m) = w(m) / sum of w</code>
/// </summary>
public sealed class PosteriorModel
{
    private static readonly int ClassCount = Enum.GetValues<OutcomeClass>().Length;
    private readonly double[] _bits;
    private readonly double[] _log2Steps;
    private readonly double[] _gaps;
    private readonly int[] _classes;
    private readonly int[] _structures;

    private PosteriorModel(ScoreReport report)
    {
        Report = report;
        var candidates = report.Candidates;
        _bits = [.. candidates.Select(c => c.Bits)];
        _log2Steps = [.. candidates.Select(c => Math.Log2(c.RuntimeSteps))];
        _gaps = [.. candidates.Select(c => c.LossGap)];
        _classes = [.. candidates.Select(c => (int)c.Class)];
        var ids = candidates.Select(c => c.Structure.Id).Distinct().ToList();
        _structures = [.. candidates.Select(c => ids.IndexOf(c.Structure.Id))];
        StructureIds = [.. ids];
    }

    /// <summary>The scores the posterior is built on.</summary>
    public ScoreReport Report { get; }

    /// <summary>The structure ids in catalog order.</summary>
    public ImmutableArray<string> StructureIds { get; }

    /// <summary>Prepares the posterior of a score report (at least one candidate).</summary>
    /// <param name="report">The scores.</param>
    /// <exception cref="ModelException">The report has no candidate.</exception>
    public static PosteriorModel From(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Candidates.IsEmpty)
        {
            throw new ModelException("there is no candidate to put a posterior on");
        }

        return new PosteriorModel(report);
    }

    /// <summary>
    /// <c>P(Deceptive)</c> at the given parameters, without allocating: the quantity uncertainty
    /// propagation evaluates many times. Between 0 and 1.
    /// </summary>
    /// <param name="a">Simplicity exponent, finite, at least 0.</param>
    /// <param name="lambda">Speed weight, finite, at least 0.</param>
    /// <param name="n">Effective data size in tokens, finite, at least 0.</param>
    public double DeceptiveProbability(double a, double lambda, double n)
    {
        CheckParameters(a, lambda, n);
        var count = _bits.Length;
        Span<double> weights = count <= 256 ? stackalloc double[count] : new double[count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            weights[i] = Log2Weight(i, a, lambda, n);
            max = Math.Max(max, weights[i]);
        }

        double total = 0, deceptive = 0;
        for (var i = 0; i < count; i++)
        {
            var w = double.Exp2(weights[i] - max);
            total += w;
            if (_classes[i] == (int)OutcomeClass.Deceptive)
            {
                deceptive += w;
            }
        }

        return deceptive / total;
    }

    /// <summary>Evaluates the full posterior at the given parameters.</summary>
    /// <param name="a">Simplicity exponent, finite, at least 0.</param>
    /// <param name="lambda">Speed weight, finite, at least 0.</param>
    /// <param name="n">Effective data size in tokens, finite, at least 0.</param>
    /// <param name="eliminationThreshold">Share below which a structure counts as eliminated, strictly between 0 and 1.</param>
    public PosteriorResult Evaluate(double a, double lambda, double n, double eliminationThreshold = AnalysisSettings.DefaultEliminationThreshold)
    {
        CheckParameters(a, lambda, n);
        if (!(eliminationThreshold > 0 && eliminationThreshold < 1))
        {
            throw new ModelException($"the elimination threshold is {SpecificationRules.Format(eliminationThreshold)}, but it must be strictly between 0 and 1", null, "analysis.eliminationThreshold");
        }

        var weights = new double[_bits.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Log2Weight(i, a, lambda, n);
        }

        var log2Z = Log2Math.Sum(weights);
        var candidates = Report.Candidates
            .Select((c, i) => new CandidatePosterior(c, weights[i], weights[i] - log2Z))
            .ToImmutableArray();
        var classes = OutcomeDistribution.FromLog2Probabilities([.. OutcomeDistribution.Classes
            .Select(k => Log2Math.Sum([.. Enumerable.Range(0, weights.Length).Where(i => _classes[i] == (int)k).Select(i => weights[i])]) - log2Z)]);

        double? underwater = null;
        var deceptive = Enumerable.Range(0, weights.Length).Where(i => _classes[i] == (int)OutcomeClass.Deceptive).ToArray();
        var honest = Enumerable.Range(0, weights.Length).Where(i => _classes[i] != (int)OutcomeClass.Deceptive).ToArray();
        if (deceptive.Length > 0 && honest.Length > 0)
        {
            underwater = deceptive.Max(i => weights[i]) - honest.Max(i => weights[i]);
        }

        var eliminations = Enumerable.Range(0, StructureIds.Length)
            .Select(s => (Index: s, Gap: Gap(s)))
            .Where(x => x.Gap > 0)
            .Select(x => Eliminate(x.Index, x.Gap, a, lambda, n, eliminationThreshold))
            .ToImmutableArray();

        return new PosteriorResult(a, lambda, n, eliminationThreshold, log2Z, candidates, classes, underwater, eliminations) { Provenance = Report.Provenance };
    }

    /// <summary>log2 of the share of one structure (all its candidates) at the given parameters.</summary>
    internal double Log2Share(int structure, double a, double lambda, double n)
    {
        var all = new double[_bits.Length];
        var mine = new List<double>();
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = Log2Weight(i, a, lambda, n);
            if (_structures[i] == structure)
            {
                mine.Add(all[i]);
            }
        }

        return Log2Math.Sum([.. mine]) - Log2Math.Sum(all);
    }

    private double Log2Weight(int i, double a, double lambda, double n)
    {
        // Terms that are switched off contribute exactly 0, even where the other factor is large.
        var w = a == 0 ? 0.0 : a * _bits[i];
        w += lambda == 0 ? 0.0 : lambda * _log2Steps[i];
        w += n == 0 || _gaps[i] == 0 ? 0.0 : n * _gaps[i];
        return -w;
    }

    private double Gap(int structure)
    {
        for (var i = 0; i < _structures.Length; i++)
        {
            if (_structures[i] == structure)
            {
                return _gaps[i];
            }
        }

        return 0;
    }

    /// <summary>The posterior mean loss gap: the derivative of log2 of a share in n is exactly (mean gap - own gap).</summary>
    private double MeanGap(double a, double lambda, double n)
    {
        var weights = new double[_bits.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Log2Weight(i, a, lambda, n);
        }

        var log2Z = Log2Math.Sum(weights);
        var mean = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            mean += double.Exp2(weights[i] - log2Z) * _gaps[i];
        }

        return mean;
    }

    private Elimination Eliminate(int structure, double gap, double a, double lambda, double n, double threshold)
    {
        // log2 share(n) is concave in n (its second derivative is -ln2 times the posterior variance
        // of the loss gap), so the sizes where the share is at least the threshold form one interval;
        // the elimination size is that interval's right end.
        var log2Threshold = Math.Log2(threshold);
        var share = Log2Share(structure, a, lambda, n);
        var isEliminated = share < log2Threshold;
        var id = StructureIds[structure];

        double Value(double size) => Log2Share(structure, a, lambda, size) - log2Threshold;

        // Find a size where the share is falling and already below the threshold.
        var high = 1.0;
        var limit = 1e300 / Math.Max(1.0, _gaps.Max());
        while (!(Value(high) < 0 && MeanGap(a, lambda, high) < gap))
        {
            high *= 2;
            if (high > limit)
            {
                return new Elimination(id, gap, null, share, isEliminated);
            }
        }

        // The peak of the concave curve lies where the mean gap equals the structure's own.
        var peak = 0.0;
        if (MeanGap(a, lambda, 0) > gap)
        {
            var (lo, hi) = (0.0, high);
            for (var k = 0; k < 200 && hi - lo > 1e-12 * hi; k++)
            {
                var mid = 0.5 * (lo + hi);
                (lo, hi) = MeanGap(a, lambda, mid) > gap ? (mid, hi) : (lo, mid);
            }

            peak = lo;
        }

        if (Value(peak) < 0)
        {
            return new Elimination(id, gap, 0.0, share, isEliminated);
        }

        var (low, up) = (peak, high);
        for (var k = 0; k < 200 && up - low > 1e-12 * up; k++)
        {
            var mid = 0.5 * (low + up);
            (low, up) = Value(mid) >= 0 ? (mid, up) : (low, mid);
        }

        return new Elimination(id, gap, up, share, isEliminated);
    }

    private static void CheckParameters(double a, double lambda, double n)
    {
        if (a is >= 0 and <= AnalysisSettings.MaxExponent && lambda is >= 0 and <= AnalysisSettings.MaxExponent && n is >= 0 and <= AnalysisSettings.MaxDataSize)
        {
            return;
        }

        throw new ModelException(AnalysisSettings.CheckPosteriorParameters(a, lambda, n));
    }
}
