namespace PredictiveModels.Analysis;

/// <summary>How a belief propagation apportions the spread of P(Deceptive) among the beliefs.</summary>
public enum SensitivityMethod
{
    /// <summary>
    /// Spearman rank correlations of each belief with P(Deceptive), from the base samples alone: cheap (one
    /// evaluation per sample) and valid for correlated beliefs, but blind to effects that are not monotone or that act
    /// only through interactions.
    /// </summary>
    RankCorrelation,

    /// <summary>
    /// Rank correlations and Sobol first- and total-order indices from a Saltelli design: d + 2 evaluations per base
    /// sample for d beliefs. The indices decompose the variance of P(Deceptive) and assume independent beliefs.
    /// </summary>
    Sobol,
}
