namespace PredictiveModels.Dynamics;

/// <summary>
/// How long a phase's chain takes to forget where it started: its relaxation time <c>1 / gap</c>, where the gap is
/// the distance from 0 to the next eigenvalue of the generator, with how far the figure can be trusted
/// (see <see cref="Relaxation"/>). Times are in training-time units (inverse base rate).
/// </summary>
/// <param name="Time">
/// The figure to report, in training-time units, positive: the Lanczos estimate when it converged
/// (<see cref="IsLowerBound"/> false), otherwise the best lower bound, <see cref="Lower"/>. Null when not computed
/// (<see cref="Problem"/> says why). <c>+infinity</c> when the lower bound exceeds the largest double (see
/// <see cref="Log10Lower"/>).
/// </param>
/// <param name="IsLowerBound">Whether <see cref="Time"/> is only a lower bound: the gap is below what the Lanczos iteration resolved.</param>
/// <param name="Lower">
/// A lower bound on the relaxation time, in training-time units: the larger of the Lanczos bound and the bottleneck bound.
/// Rigorous in exact arithmetic; rounding is accounted for by an estimate (<see cref="Rounding"/>), not a bound. Null with <see cref="Time"/>.
/// </param>
/// <param name="Log10Lower">log10 of <see cref="Lower"/>: finite even where <see cref="Lower"/> overflows a double. Null with <see cref="Time"/>.</param>
/// <param name="Upper">
/// An upper bound on the relaxation time when the Lanczos iteration converged, from its Ritz residual, valid when the
/// eigenvalue it converged to is the one next to 0 (see the <see cref="Relaxation"/> remarks); null otherwise.
/// </param>
/// <param name="LanczosLower">The lower bound from the largest Ritz value alone, <c>1 / (rounding - theta)</c>, in training-time units; null when <c>theta</c> is within <see cref="Relaxation.UnresolvedFactor"/> rounding estimates of 0 (no gap resolved) or with <see cref="Time"/>.</param>
/// <param name="BottleneckLog10Lower">log10 of the bottleneck bound <c>pi(A) pi(not A) / flow(A, not A)</c> (training-time units) for the best set <c>A</c> tried; null with <see cref="Time"/> or when no set splits the chain.</param>
/// <param name="BottleneckSet">The set <c>A</c> that gave <see cref="BottleneckLog10Lower"/> (for example "branch 3" or "class Deceptive"); null with <see cref="Time"/>.</param>
/// <param name="RitzValue">The largest Ritz value <c>theta</c> of the deflated symmetrised generator, per unit of training time, at most 0 up to rounding; NaN when not computed.</param>
/// <param name="Residual">The Ritz residual <c>||S y - theta y||_2</c> of <see cref="RitzValue"/>, per unit of training time, at least 0; NaN when not computed.</param>
/// <param name="Rounding">The estimate of the rounding error of <see cref="RitzValue"/>: iterations x unit roundoff x a bound on <c>||S||_2</c>; NaN when not computed.</param>
/// <param name="Iterations">Lanczos iterations made (matrix-vector products), at least 0.</param>
/// <param name="Problem">Why <see cref="Time"/> is null; null otherwise.</param>
public sealed record RelaxationResult(
    double? Time,
    bool IsLowerBound,
    double? Lower,
    double? Log10Lower,
    double? Upper,
    double? LanczosLower,
    double? BottleneckLog10Lower,
    string? BottleneckSet,
    double RitzValue,
    double Residual,
    double Rounding,
    int Iterations,
    string? Problem)
{
    /// <summary>A result that was not computed, with the reason.</summary>
    /// <param name="problem">Why, in a sentence fragment.</param>
    public static RelaxationResult NotComputed(string problem) =>
        new(null, false, null, null, null, null, null, null, double.NaN, double.NaN, double.NaN, 0, problem);
}
