using System.Collections.Immutable;
using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Whether a phase's equilibrium (low path dependence) is a state its training reaches: the training time from the
/// phase's start at which the path-dependence index (total variation between the transient's and the equilibrium's
/// class probabilities) first falls below <see cref="Threshold"/>, if the phase's energy were kept for up to
/// <see cref="HorizonFactor"/> times its duration.
/// <para>
/// <b>Method.</b> The index is read on a geometric grid, <see cref="StepsPerDecade"/> times per decade from
/// <c>10^-3</c> to <see cref="HorizonFactor"/> times the duration (and at 0): the times within the phase come from the
/// phase's own Krylov pass (requested times cost no products, see <see cref="KrylovTransient"/>), those beyond from one
/// more pass that continues from the end of the phase. Between the last grid time at which the index is still at least
/// the threshold and the first at which it is below, a last pass from the earlier distribution reads
/// <see cref="RefinementSteps"/> geometric times (evenly spaced when the bracket starts at 0), which brackets the first
/// crossing on that grid to <see cref="Resolution"/> relatively. The index need not fall monotonically, so a dip
/// below the threshold between grid times can be missed; the time reported is the first crossing on the grid.
/// </para>
/// <para>
/// <b>Accuracy and cost.</b> The passes beyond the phase use the 1-norm tolerance <see cref="Tolerance"/> (or the
/// chain's, if larger); they stop after the grid step in which their products exceed <see cref="MaxProducts"/>, and the
/// result then says the time was not determined, with the index where the search stopped. Each index read is within half the sum of the transients' 1-norm error bounds of its exact value
/// (<see cref="ReachabilityResult.ErrorBound"/>). Every distribution is checked to sum to 1 within
/// <see cref="SumTolerance"/> or, if larger, the error bound claimed for it (which at long times includes the transient's
/// rounding estimate); a transient that lost or gained more probability than its bound allows gives no time but a problem
/// saying so.
/// </para>
/// </summary>
public static class Reachability
{
    /// <summary>The index below which the transient counts as having reached equilibrium.</summary>
    public const double Threshold = 0.05;

    /// <summary>How far the search goes, in multiples of the phase's duration.</summary>
    public const double HorizonFactor = 1e6;

    /// <summary>Grid times per decade.</summary>
    public const int StepsPerDecade = 4;

    /// <summary>The decades below the phase's duration where the grid starts (10^-3 of it).</summary>
    public const int DecadesBelow = 3;

    /// <summary>Times read between the two grid times that bracket the crossing.</summary>
    public const int RefinementSteps = 64;

    /// <summary>
    /// The 1-norm tolerance of each pass beyond the phase (the chain's own tolerance when that is larger): the index needs
    /// nothing like the chain's default 1e-10 to be compared with <see cref="Threshold"/>, and a looser tolerance lets the
    /// Krylov steps grow at long times.
    /// </summary>
    public const double Tolerance = 1e-7;

    /// <summary>The most matrix-vector products the passes beyond the phase may make together; the search stops there and says so.</summary>
    public const long MaxProducts = 50_000;

    /// <summary>How far from 1 the probabilities of a distribution may sum.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The relative width of the bracket around a crossing, <c>10^(1 / (StepsPerDecade x RefinementSteps)) - 1</c> (about 0.9%).</summary>
    public static double Resolution { get; } = Math.Pow(10, 1.0 / (StepsPerDecade * RefinementSteps)) - 1;

    /// <summary>The grid times strictly inside the phase, <c>duration x 10^(j / StepsPerDecade)</c> for <c>j</c> from <c>-DecadesBelow x StepsPerDecade</c> to -1.</summary>
    /// <param name="duration">The phase's duration, positive.</param>
    public static double[] GridWithin(double duration) =>
        [.. Enumerable.Range(-DecadesBelow * StepsPerDecade, DecadesBelow * StepsPerDecade).Select(j => duration * Math.Pow(10, (double)j / StepsPerDecade))];

    /// <summary>The grid times after the phase's end, up to <see cref="HorizonFactor"/> times its duration, from the phase's start.</summary>
    /// <param name="duration">The phase's duration, positive.</param>
    public static double[] GridBeyond(double duration)
    {
        var last = (int)Math.Round(Math.Log10(HorizonFactor) * StepsPerDecade);
        return [.. Enumerable.Range(1, last).Select(j => duration * Math.Pow(10, (double)j / StepsPerDecade))];
    }

    /// <summary>
    /// The search, given the phase's own transient at <paramref name="times"/> (which must include 0 and the duration, and
    /// may include <see cref="GridWithin"/>); <paramref name="maxProducts"/> is the work limit (<see cref="MaxProducts"/> unless a test lowers it).
    /// </summary>
    internal static ReachabilityResult Search(
        ConfigurationSpace space,
        Generator generator,
        OutcomeDistribution equilibrium,
        double duration,
        IReadOnlyList<double> times,
        IReadOnlyList<ImmutableArray<double>> distributions,
        double withinBound,
        CancellationToken cancellation,
        long maxProducts = MaxProducts)
    {
        var tolerance = Math.Max(space.Settings.Tolerance, Tolerance);
        var products = 0L;
        var bound = withinBound;
        try
        {
            var within = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).Select(i => (times[i], distributions[i])).ToArray();
            var (found, problem, reads) = Scan(space, equilibrium, within, bound, cancellation);
            if (problem is not null)
            {
                return Failed(problem, products);
            }

            (double Time, ImmutableArray<double> P) previous;
            (double Time, double Index) crossing;
            double lastIndex;
            if (found is { } f)
            {
                if (f.At == 0)
                {
                    return new ReachabilityResult(0, null, 0, reads[0].Index, bound / 2, products, null);
                }

                (previous, crossing) = (within[f.At - 1], reads[f.At]);
            }
            else
            {
                // One grid step at a time from the end of the phase, so that a crossing soon after it costs no pass to the
                // horizon and the work limit is checked often (each pass spans a factor 10^(1/4) in time).
                var end = within[^1];
                var beyond = GridBeyond(duration);
                var from = end;
                (int At, double Index)? g = null;
                (double Time, ImmutableArray<double> P)[] later = [];
                for (var first = 0; first < beyond.Length && g is null; first++)
                {
                    var chunk = beyond[first..(first + 1)];
                    var continued = KrylovTransient.Compute(generator, space.Start, [.. chunk.Select(t => t - from.Item1)], tolerance, KrylovTransient.BasisSize, prune: true, null, cancellation, [.. from.Item2]);
                    products += continued.Products;
                    bound += continued.ErrorBounds.Max();
                    later = [.. chunk.Select((t, i) => (t, continued.Distributions[i]))];
                    (g, problem, reads) = Scan(space, equilibrium, later, bound, cancellation);
                    if (problem is not null)
                    {
                        return Failed(problem, products);
                    }

                    if (g is null)
                    {
                        from = later[^1];
                        if (products > maxProducts && first + 1 < beyond.Length)
                        {
                            return new ReachabilityResult(
                                null,
                                null,
                                from.Item1,
                                reads[^1].Index,
                                bound / 2,
                                products,
                                string.Create(CultureInfo.InvariantCulture, $"not determined: the search stopped at t = {from.Item1:G4} ({from.Item1 / duration:G3} x the phase's duration) after {products:N0} matrix-vector products, its work limit; the path-dependence index is still {reads[^1].Index:0.0000} there"));
                        }
                    }
                }

                if (g is null)
                {
                    lastIndex = reads[^1].Index;
                    return new ReachabilityResult(
                        null,
                        null,
                        beyond[^1],
                        lastIndex,
                        bound / 2,
                        products,
                        string.Create(CultureInfo.InvariantCulture, $"not reached within 10^{Math.Log10(HorizonFactor):0} x the phase's duration: the path-dependence index is still {lastIndex:0.0000} at t = {beyond[^1]:G4}"));
                }

                var crossed = g.Value.At;
                previous = crossed == 0 ? from : later[crossed - 1];
                crossing = reads[crossed];
            }

            // Refine between the last grid time above the threshold and the first below it.
            var (a, b) = (previous.Time, crossing.Time);
            var fine = Enumerable.Range(1, RefinementSteps)
                .Select(m => a > 0 ? a * Math.Pow(b / a, (double)m / RefinementSteps) : b * m / RefinementSteps)
                .ToArray();
            fine[^1] = b;
            var refined = KrylovTransient.Compute(generator, space.Start, [.. fine.Select(t => t - a)], tolerance, KrylovTransient.BasisSize, prune: true, null, cancellation, [.. previous.P]);
            products += refined.Products;
            bound += refined.ErrorBounds.Max();
            (found, problem, reads) = Scan(space, equilibrium, [.. fine.Select((t, i) => (t, refined.Distributions[i]))], bound, cancellation);
            if (problem is not null)
            {
                return Failed(problem, products);
            }

            // Found again except when the index sits on the threshold within rounding; the coarse bracket stands then.
            var (after, at, index) = found is { } h
                ? (h.At == 0 ? a : fine[h.At - 1], fine[h.At], reads[h.At].Index)
                : (a, b, crossing.Index);
            return new ReachabilityResult(at, after, at, index, bound / 2, products, null);
        }
        catch (ModelException e)
        {
            return Failed("the transient beyond the phase could not be computed: " + string.Join("; ", e.Diagnostics.Select(d => d.Message)), products);
        }
    }

    private static ReachabilityResult Failed(string problem, long products) =>
        new(null, null, double.NaN, double.NaN, double.NaN, products, problem);

    /// <summary>Reads the index at each time in order, stopping at the first below the threshold; a distribution that does not sum to 1 is a problem.</summary>
    private static ((int At, double Index)? Found, string? Problem, List<(double Time, double Index)> Reads) Scan(
        ConfigurationSpace space,
        OutcomeDistribution equilibrium,
        IReadOnlyList<(double Time, ImmutableArray<double> P)> points,
        double bound,
        CancellationToken cancellation)
    {
        var reads = new List<(double Time, double Index)>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (time, p) = points[i];
            var (classes, undecided) = ClassSums.Of(space, p.AsSpan());
            var total = classes.Sum() + undecided;
            var allowed = Math.Max(SumTolerance, bound);
            if (!(Math.Abs(total - 1) <= allowed))
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"the transient lost probability: its distribution at t = {time:G4} sums to {total:G10}, not 1 within {allowed:G3} (the larger of {SumTolerance:0e0} and its error bound), so its index cannot be trusted"), reads);
            }

            var index = OutcomeDistribution.TotalVariation(classes, undecided, equilibrium.Probabilities.AsSpan(), equilibrium.Undecided);
            reads.Add((time, index));
            if (index < Threshold)
            {
                return ((i, index), null, reads);
            }
        }

        return (null, null, reads);
    }
}
