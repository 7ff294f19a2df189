namespace PredictiveModels.Posterior;

/// <summary>
/// When the data eliminates a structure that pays a loss gap: the effective data size beyond
/// which its share of the posterior stays below the elimination threshold.
/// </summary>
/// <param name="StructureId">The structure.</param>
/// <param name="LossGap">Its loss gap, bits per token (greater than 0).</param>
/// <param name="EliminatedAtDataSize">The data size in tokens beyond which its share stays below the threshold (0 when it is below at every size); null when no data size eliminates it (no other candidate has a smaller loss gap).</param>
/// <param name="Log2Share"><c>log2</c> of its share of the posterior at the scenario's data size; at most 0.</param>
/// <param name="IsEliminated">True when its share is below the threshold at the scenario's data size.</param>
public sealed record Elimination(string StructureId, double LossGap, double? EliminatedAtDataSize, double Log2Share, bool IsEliminated)
{
    /// <summary>Its share of the posterior at the scenario's data size, between 0 and 1 (may underflow to 0; <see cref="Log2Share"/> does not).</summary>
    public double Share => double.Exp2(Log2Share);
}
