namespace PredictiveModels.Uncertainty;

/// <summary>
/// The Sobol sensitivity indices of one input: the fraction of the output's variance that the input explains alone
/// (first order) and with all its interactions (total order), each with a bootstrap 95% percentile interval. Indices are
/// dimensionless fractions of the variance; the true values lie in [0, 1] with first order at most total order, but an
/// estimate may fall slightly outside [0, 1] (by Monte Carlo noise, of order one over the square root of the sample
/// size). Every value is NaN when the output did not vary; the interval ends are NaN when no bootstrap was asked for.
/// Immutable.
/// </summary>
/// <param name="FirstOrder">The first-order index S_k: Var(E[Y | X_k]) / Var(Y), estimated as in Saltelli et al. (2010).</param>
/// <param name="FirstOrderLower95">The 2.5% quantile of the bootstrap estimates of <paramref name="FirstOrder"/>.</param>
/// <param name="FirstOrderUpper95">The 97.5% quantile of the bootstrap estimates of <paramref name="FirstOrder"/>.</param>
/// <param name="TotalOrder">The total-order index ST_k: E[Var(Y | X_~k)] / Var(Y), estimated as in Jansen (1999); at least 0.</param>
/// <param name="TotalOrderLower95">The 2.5% quantile of the bootstrap estimates of <paramref name="TotalOrder"/>.</param>
/// <param name="TotalOrderUpper95">The 97.5% quantile of the bootstrap estimates of <paramref name="TotalOrder"/>.</param>
public sealed record SobolIndex(
    double FirstOrder,
    double FirstOrderLower95,
    double FirstOrderUpper95,
    double TotalOrder,
    double TotalOrderLower95,
    double TotalOrderUpper95);
