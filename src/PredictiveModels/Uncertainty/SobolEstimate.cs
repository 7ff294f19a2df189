using System.Collections.Immutable;

namespace PredictiveModels.Uncertainty;

/// <summary>
/// What <see cref="SobolIndices.Estimate"/> found: the Sobol indices of each input, from one Saltelli design. Immutable.
/// </summary>
/// <param name="BaseSamples">N, the number of base samples (rows of the matrices A and B); at least 2. The model was evaluated N (d + 2) times.</param>
/// <param name="Variance">
/// V, the population variance (divisor 2N, as SALib's <c>np.var</c>) of the 2N outputs at A and B, in the output's unit
/// squared; at least 0. It is 0 exactly when those 2N outputs are all equal, and then every index is NaN.
/// </param>
/// <param name="BootstrapResamples">How many bootstrap resamples gave the 95% intervals; 0 when none were drawn (the intervals are then NaN).</param>
/// <param name="Indices">One entry per input, in the order of the design's columns (input k at index k).</param>
public sealed record SobolEstimate(int BaseSamples, double Variance, int BootstrapResamples, ImmutableArray<SobolIndex> Indices);
