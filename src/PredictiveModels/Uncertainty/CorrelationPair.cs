namespace PredictiveModels.Uncertainty;

/// <summary>
/// One stated entry of a <see cref="RankCorrelationMatrix"/>: the target Spearman rank correlation between two inputs,
/// named by their 0-based indices among the matrix's inputs.
/// </summary>
/// <param name="First">The index of one input, from 0 to the matrix's dimensions minus 1.</param>
/// <param name="Second">The index of the other input, from 0 to the dimensions minus 1, different from <paramref name="First"/>.</param>
/// <param name="Rank">The target Spearman rank correlation, a finite number from -1 to 1 inclusive.</param>
public readonly record struct CorrelationPair(int First, int Second, double Rank);
