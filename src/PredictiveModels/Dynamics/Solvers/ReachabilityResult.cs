namespace PredictiveModels.Dynamics;

/// <summary>
/// When a phase's transient, run on past the phase's end under the same energy, gets within
/// <see cref="Reachability.Threshold"/> of the phase's equilibrium in the path-dependence index (see <see cref="Reachability"/>).
/// Times are training time from the phase's start, in training-time units.
/// </summary>
/// <param name="ReachedAt">
/// The first time found at which the index is below <see cref="Reachability.Threshold"/>, at least 0 and possibly far
/// beyond the phase's duration; null when not reached within <see cref="Reachability.HorizonFactor"/> times the duration
/// or not computable (<see cref="Problem"/> says which).
/// </param>
/// <param name="ReachedAfter">
/// The time before <see cref="ReachedAt"/> on the search grid, at which the index was still at least the threshold: the
/// crossing lies in <c>(ReachedAfter, ReachedAt]</c>, within <see cref="Reachability.Resolution"/> of <see cref="ReachedAt"/>
/// relatively. Null when <see cref="ReachedAt"/> is 0 or null.
/// </param>
/// <param name="SearchedUntil">The last time examined, in training-time units: <see cref="ReachedAt"/> when reached, otherwise the end of the search.</param>
/// <param name="IndexThere">The path-dependence index at <see cref="SearchedUntil"/>, 0 to 1; NaN when the search failed.</param>
/// <param name="ErrorBound">A bound on the error of every index read, from the transients' 1-norm error bounds (half their sum), at least 0; NaN when the search failed.</param>
/// <param name="Products">Matrix-vector products made beyond the phase's own transient, at least 0.</param>
/// <param name="Problem">Why <see cref="ReachedAt"/> is null: not reached (with the index at the end of the search), or the computation failed; null when reached.</param>
public sealed record ReachabilityResult(
    double? ReachedAt,
    double? ReachedAfter,
    double SearchedUntil,
    double IndexThere,
    double ErrorBound,
    long Products,
    string? Problem);
