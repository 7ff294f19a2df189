using System.Globalization;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Cli.Commands;

/// <summary>How <c>train</c> and <c>run</c> show the discretisation-error estimates of their headline numbers, in every format.</summary>
internal static class DiscretisationText
{
    /// <summary>The CSV columns <c>train</c> appends: filled on the last phase's end-of-phase and equilibrium rows only.</summary>
    public static readonly string[] CsvColumns = ["coarserGoalResolution", "coarserWorldSteps", "discretisationCoarser", "discretisationEstimate"];

    /// <summary>The coarser grid, for the text outputs: "goalResolution 8, worldSteps 5".</summary>
    public static string CoarserGrid(TrainingDiscretisation d) =>
        string.Create(CultureInfo.InvariantCulture, $"goalResolution {Text.Number(d.CoarserGoalResolution)}, worldSteps {d.CoarserWorldSteps}");

    /// <summary>"±0.0123", the estimate as a probability.</summary>
    public static string PlusMinus(DiscretisationEstimate e) => "±" + PosteriorCommand.Probability(e.Estimate);

    /// <summary>"discretisation ±0.0123: change from goalResolution 8, worldSteps 5".</summary>
    public static string Note(DiscretisationEstimate e, TrainingDiscretisation d) => $"discretisation {PlusMinus(e)}: change from {CoarserGrid(d)}";

    /// <summary>A signed difference of probabilities: four decimals ("+0.0123", "-0.0040") down to 1e-4, below that in E notation ("+3.00E-5"); exactly 0 is "0".</summary>
    public static string Signed(double x) =>
        x == 0 ? "0"
        : Math.Abs(x) >= 1e-4 ? x.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)
        : x.ToString("+0.00E+0;-0.00E+0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends <see cref="CsvColumns"/> to <c>train</c>'s rows: on the last phase's <c>transient</c> row the
    /// end-of-training estimate, on its <c>equilibrium</c> row the equilibrium's; empty elsewhere and when skipped.
    /// </summary>
    public static (string[] Header, List<IReadOnlyList<object?>> Rows) AppendCsv(string[] header, List<IReadOnlyList<object?>> rows, TrainingResult result, TrainingDiscretisation? d)
    {
        var last = result.Final.Name;
        var appended = rows.Select(row =>
        {
            var e = d is null || !string.Equals((string?)row[0], last, StringComparison.Ordinal) ? null
                : (string?)row[1] switch
                {
                    "transient" => d.HighPathDependence,
                    "equilibrium" => d.LowPathDependence,
                    _ => null,
                };
            object?[] values = e is null || d is null ? new object?[CsvColumns.Length] : [d.CoarserGoalResolution, d.CoarserWorldSteps, e.Coarser, e.Estimate];
            return (IReadOnlyList<object?>)[.. row, .. new object?[header.Length - row.Count], .. values];
        }).ToList();
        return ([.. header, .. CsvColumns], appended);
    }
}
