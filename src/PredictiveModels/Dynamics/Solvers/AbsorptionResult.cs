using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Where training ends up when complete goals and the deceptive branch are absorbing: the
/// probability of being absorbed into each outcome class, the mean time until absorption, and how
/// accurate both are (see <see cref="Absorption"/>).
/// </summary>
/// <param name="Probabilities">
/// The probability of absorption into each class (a complete goal of that class, or deception), each 0 to 1 and a lower
/// bound on the exact value, the shortfall summing to at most <see cref="Residual"/>; <see cref="OutcomeDistribution.Undecided"/>
/// holds <c>max(0, 1 - total)</c>, the mass the computation does not account for.
/// </param>
/// <param name="MeanTime">
/// Mean training time until absorption, in units of inverse base rate (at least 0): the expected time spent in transient
/// configurations. A lower bound on the exact value, short by the unaccounted mass times the mean absorption time from
/// where it sits.
/// </param>
/// <param name="Unaccounted">
/// <c>|1 - sum of the class probabilities|</c>, 0 to 1: the residual's sum plus any amount by which the starting
/// distribution itself fell short of 1 (for a phase that starts from the previous phase's end, up to that transient's
/// error bound).
/// </param>
/// <param name="Residual">
/// The 1-norm of the residual <c>p0_T - m (-Q_TT)</c> of the occupation-time system, computed from the final times: at
/// most the chain's <see cref="Scenarios.DynamicsSettings.Tolerance"/>. It bounds the total error of the class probabilities.
/// </param>
/// <param name="Sweeps">Block Gauss–Seidel sweeps made, flag-block and then (on a near-neutral goal) goal-line sweeps together, at least 0, bounded through <see cref="Absorption.MaxWork"/> (0 when all mass starts absorbed).</param>
public sealed record AbsorptionResult(OutcomeDistribution Probabilities, double MeanTime, double Unaccounted, double Residual, int Sweeps);
