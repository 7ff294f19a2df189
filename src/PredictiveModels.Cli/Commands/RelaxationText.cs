using System.Globalization;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Cli.Commands;

/// <summary>How <c>train</c> and <c>run</c> show a phase's relaxation time and when its equilibrium is reached, in every format.</summary>
internal static class RelaxationText
{
    /// <summary>The CSV columns appended after all others (one value per phase, repeated on each of its rows).</summary>
    public static readonly string[] CsvColumns = ["relaxationTime", "relaxationTimeLog10", "relaxationTimeIsLowerBound", "equilibriumReachedAt"];

    /// <summary>Why <c>relaxationTime</c> is null; null when it is a number.</summary>
    public static string? Reason(RelaxationResult? r) =>
        r is null ? "not computed"
        : r.Problem is { } problem ? problem
        : r.Time is { } t && !double.IsFinite(t) ? "beyond the largest double: see relaxationTimeLog10"
        : null;

    /// <summary>A positive number given by its log10: plainly, or as <c>m.mE+x</c> where it would overflow a double.</summary>
    public static string Magnitude(double log10)
    {
        if (log10 < 300)
        {
            return Text.Number(Math.Pow(10, log10));
        }

        var exponent = Math.Floor(log10);
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Pow(10, log10 - exponent):0.0}E+{exponent:0}");
    }

    /// <summary>One line on the relaxation time, with how far to believe it.</summary>
    public static string RelaxationLine(PhaseResult p)
    {
        var r = p.Relaxation;
        if (r is null || r.Problem is not null)
        {
            return "Relaxation time: not computed" + (r?.Problem is { } why ? ": " + why : string.Empty);
        }

        if (!r.IsLowerBound)
        {
            return $"Relaxation time (1 / spectral gap): {Text.Number(r.Time!.Value)} [{Text.Number(r.Lower!.Value)}, {Text.Number(r.Upper!.Value)}] ({r.Iterations} Lanczos steps)";
        }

        var source = r.LanczosLower is { } l && Math.Log10(l) >= r.Log10Lower!.Value
            ? $"from the largest Ritz value after {r.Iterations} Lanczos steps"
            : $"a bottleneck bound ({r.BottleneckSet}); {r.Iterations} Lanczos steps resolve no gap above rounding";
        return $"Relaxation time (1 / spectral gap): at least {Magnitude(r.Log10Lower!.Value)} (a lower bound: {source})";
    }

    /// <summary>One line on when the phase's equilibrium is reached, saying plainly when it is not.</summary>
    public static string ReachLine(PhaseResult p)
    {
        var e = p.Reachability;
        if (e is null)
        {
            return "Equilibrium reached: not computed";
        }

        if (e.ReachedAt is { } at)
        {
            var where = at <= p.Duration ? "within the phase" : $"{Text.Number(at / p.Duration)} x the phase's duration, beyond its end";
            return string.Create(CultureInfo.InvariantCulture, $"Equilibrium (path-dependence index below {Reachability.Threshold}) reached at t = {Text.Number(at)} from the phase's start ({where})");
        }

        return e.Problem!.StartsWith("not reached", StringComparison.Ordinal)
            ? $"Equilibrium {e.Problem}: low path dependence is a state this training never reaches"
            : e.Problem.StartsWith("not determined", StringComparison.Ordinal) ? $"Equilibrium reached: {e.Problem}" : $"Equilibrium reached: not known: {e.Problem}";
    }

    /// <summary>Appends <see cref="CsvColumns"/> to every row, each from the phase named in its first column.</summary>
    public static (string[] Header, List<IReadOnlyList<object?>> Rows) AppendCsv(string[] header, List<IReadOnlyList<object?>> rows, TrainingResult result)
    {
        var byName = result.Phases.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var width = header.Length;
        var appended = rows.Select(row =>
        {
            var p = byName[(string)row[0]!];
            var r = p.Relaxation;
            object?[] values =
            [
                r?.Time is { } t && double.IsFinite(t) ? t : null,
                r?.Log10Lower,
                r is null || r.Problem is not null ? null : r.IsLowerBound,
                p.Reachability?.ReachedAt,
            ];
            return (IReadOnlyList<object?>)[.. row, .. new object?[width - row.Count], .. values];
        }).ToList();
        return ([.. header, .. CsvColumns], appended);
    }

    /// <summary>
    /// The note under the low-path-dependence figure of <c>run</c>: when (or whether) the last phase's transient reaches
    /// the equilibrium that figure describes; null when not computed.
    /// </summary>
    public static string? HeadlineNote(TrainingResult training)
    {
        var p = training.Final;
        if (p.Reachability is not { } e)
        {
            return null;
        }

        if (e.ReachedAt is { } at)
        {
            return at <= p.Duration
                ? $"  (training reaches this equilibrium within its last phase, at t = {Text.Number(at)})"
                : $"  (reached only after {Text.Number(at)} time units of '{p.Name}', {Text.Number(at / p.Duration)} x its duration: the training as stated ends before)";
        }

        return e.Problem!.StartsWith("not reached", StringComparison.Ordinal)
            ? $"  (equilibrium not reached within 10^6 x the phase's duration: low path dependence is a state this training never reaches; index still {e.IndexThere:0.0000} at t = {Text.Number(e.SearchedUntil)})"
            : $"  (whether training reaches this equilibrium is not known: {e.Problem})";
    }
}
