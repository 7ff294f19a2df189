namespace PredictiveModels.Uncertainty;

/// <summary>The family of a <see cref="BeliefDistribution"/>, which fixes what its <see cref="BeliefDistribution.Parameters"/> mean.</summary>
public enum BeliefKind
{
    /// <summary>All the mass on one value x. Parameters: <c>[x]</c>.</summary>
    PointMass,

    /// <summary>A normal distribution. Parameters: <c>[mean, sd]</c>, sd greater than 0, both in the unit of the belief.</summary>
    Normal,

    /// <summary>
    /// A lognormal distribution: ln x is normal. Parameters: <c>[mu, sigma]</c>, the mean and standard deviation of ln x
    /// (sigma greater than 0). The values are greater than 0.
    /// </summary>
    LogNormal,

    /// <summary>Uniform from a to b. Parameters: <c>[a, b]</c>, a less than b.</summary>
    Uniform,

    /// <summary>Uniform in ln x from a to b. Parameters: <c>[a, b]</c>, 0 less than a less than b.</summary>
    LogUniform,

    /// <summary>A beta distribution on [0, 1]. Parameters: <c>[a, b]</c>, the two shape parameters, each greater than 0.</summary>
    Beta,

    /// <summary>A triangular distribution. Parameters: <c>[a, mode, b]</c>, a &lt;= mode &lt;= b and a &lt; b.</summary>
    Triangular,

    /// <summary>
    /// <see cref="BeliefDistribution.Base"/> restricted to lo &lt; x &lt;= hi and renormalised. Parameters: <c>[lo, hi]</c>, lo less
    /// than hi, with some of the base's mass between them.
    /// </summary>
    Truncated,
}
