using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>The transient distributions of a chain at several training times.</summary>
/// <param name="Times">The training times, as requested.</param>
/// <param name="Distributions">For each time, the probability of every configuration.</param>
/// <param name="ErrorBounds">For each time, a bound on the 1-norm error of its distribution (the Poisson mass left out).</param>
/// <param name="UniformizationRate"><c>Lambda</c>, per unit of training time: at least every exit rate.</param>
/// <param name="Products">Number of matrix-vector products made.</param>
/// <param name="NonZeros">Off-diagonal non-zeros of the generator.</param>
public sealed record TransientResult(
    ImmutableArray<double> Times,
    ImmutableArray<ImmutableArray<double>> Distributions,
    ImmutableArray<double> ErrorBounds,
    double UniformizationRate,
    long Products,
    int NonZeros)
{
    /// <summary>
    /// Null when the method asked for gave the result; otherwise why <see cref="KrylovTransient"/> gave
    /// up its Krylov steps (they failed their mass check even when shortened, or could not meet the
    /// tolerance) and computed the distributions by uniformization instead.
    /// </summary>
    public string? Fallback { get; init; }
}
