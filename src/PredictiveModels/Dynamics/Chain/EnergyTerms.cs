using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The energy of one configuration in one phase, term by term, as <see cref="EnergyModel.Terms"/> computes it. Every
/// term is in bits and already carries its weight (<c>a</c>, <c>lambda</c>, <c>n</c>, <c>kappa</c> or <c>phi</c>), so the
/// terms add up to <see cref="Total"/>. A term that does not apply to the configuration (a goal gap on the deceptive
/// branch, a horizon on a myopic configuration, a camera term without a camera model) is 0.
/// <para>
/// <see cref="Total"/> is the energy the chain uses, to the last bit (<see cref="ConfigurationSpace.Energy"/>); it is
/// computed in the chain's order of operations, so the sum of the terms may differ from it by rounding, a few units in
/// the last place of the largest term.
/// </para>
/// </summary>
/// <param name="World"><c>a x_w K_world</c>: the world model learned so far, <c>x_w</c> the fraction at world step <c>w</c>; at least 0.</param>
/// <param name="Goal"><c>a min(g r, K_b)</c>: the goal bits learned (on the deceptive branch, the kept proxy's bits); at least 0.</param>
/// <param name="Horizon"><c>a H</c> when long-term, else 0 (<see cref="ChainAccounting.HorizonBits"/>); at least 0.</param>
/// <param name="Awareness"><c>a A</c> when aware, else 0 (<see cref="ChainAccounting.AwarenessBits"/>); at least 0.</param>
/// <param name="DeceptiveOverhead"><c>a O</c> on the deceptive branch, else 0 (<see cref="ChainAccounting.OverheadBits"/>); at least 0.</param>
/// <param name="Objective"><c>a Kobj</c> on the deceptive branch, else 0: the objective hole its proxies share (<see cref="ChainAccounting.ObjectiveBits"/>); at least 0.</param>
/// <param name="ProxyNormalisation">
/// On the deceptive branch, <c>T log2 sum 2^(-a p' / T)</c> over every proxy <c>p'</c> of one world step, so that the
/// proxies together weigh the objective hole; else 0. At least 0 (the empty proxies weigh 1 each).
/// </param>
/// <param name="OversightPenalty"><c>a</c> times the phase's <see cref="Scenarios.Phase.OversightPenaltyBits"/> on a long-term, aware configuration, else 0; at least 0.</param>
/// <param name="Speed"><c>lambda log2 T</c>, <c>T</c> the branch's runtime steps (1 for no goal, giving 0); at least 0.</param>
/// <param name="CameraSpeed">
/// With a camera model of speed weight <c>lambda_c</c>, <c>(lambda_c - lambda) log2 C</c>, <c>C</c> the camera's steps,
/// so that <see cref="Speed"/> plus this term is <c>lambda log2 (T / C) + lambda_c log2 C</c>; 0 without one. Any sign.
/// </param>
/// <param name="WorldLoss"><c>n worldGap (1 - x_w)</c>: the loss of the world model not yet learned; at least 0.</param>
/// <param name="GoalLoss"><c>n goalGap (1 - min(g r, K_b) / K_b)</c> on a goal branch, <c>n goalGap</c> with no goal, 0 on the deceptive branch (it plays along); at least 0.</param>
/// <param name="LossGap"><c>n</c> times the structure's loss gap (0 with no goal); at least 0.</param>
/// <param name="HorizonBonus"><c>-n</c> times the phase's horizon bonus when long-term, else 0; at most 0.</param>
/// <param name="AwarenessBonus"><c>-n</c> times the phase's awareness bonus when aware, else 0; at most 0.</param>
/// <param name="KlRegularisation"><c>kappa E_pre</c>: the pre-training energy <see cref="Pretraining"/> weighted by the phase's KL weight; 0 when <c>kappa = 0</c>.</param>
/// <param name="InterspersedPretraining"><c>phi (E_pre - E_phase)</c>: interspersed pre-training's pull towards the pre-training energy; 0 when <c>phi = 0</c>. Any sign.</param>
/// <param name="PhaseEnergy"><c>E_phase</c>: the phase's own energy, the sum of every term above but the last two; in bits.</param>
/// <param name="Pretraining">The pre-training energy's terms for the same configuration when the phase mixes it in (<c>kappa</c> or <c>phi</c> above 0); null otherwise.</param>
/// <param name="Total">The energy <c>E(c)</c> in bits: <c>(1 - phi) E_phase + (phi + kappa) E_pre</c>, or <c>E_phase</c> without mixing.</param>
public sealed record EnergyTerms(
    double World,
    double Goal,
    double Horizon,
    double Awareness,
    double DeceptiveOverhead,
    double Objective,
    double ProxyNormalisation,
    double OversightPenalty,
    double Speed,
    double CameraSpeed,
    double WorldLoss,
    double GoalLoss,
    double LossGap,
    double HorizonBonus,
    double AwarenessBonus,
    double KlRegularisation,
    double InterspersedPretraining,
    double PhaseEnergy,
    EnergyTerms? Pretraining,
    double Total)
{
    /// <summary>The names of the terms in the order of <see cref="Terms"/>, as the JSON output spells them.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        "world", "goal", "horizon", "awareness", "deceptiveOverhead", "objective", "proxyNormalisation", "oversightPenalty",
        "speed", "cameraSpeed", "worldLoss", "goalLoss", "lossGap", "horizonBonus", "awarenessBonus", "klRegularisation",
        "interspersedPretraining",
    ];

    /// <summary>Every term with its name (<see cref="Names"/>), in bits, in a fixed order: description bits, speed, loss, mixing. Their sum is <see cref="Total"/> up to rounding.</summary>
    public ImmutableArray<EnergyTerm> Terms =>
    [
        new(Names[0], World), new(Names[1], Goal), new(Names[2], Horizon), new(Names[3], Awareness), new(Names[4], DeceptiveOverhead),
        new(Names[5], Objective), new(Names[6], ProxyNormalisation), new(Names[7], OversightPenalty), new(Names[8], Speed),
        new(Names[9], CameraSpeed), new(Names[10], WorldLoss), new(Names[11], GoalLoss), new(Names[12], LossGap), new(Names[13], HorizonBonus),
        new(Names[14], AwarenessBonus), new(Names[15], KlRegularisation), new(Names[16], InterspersedPretraining),
    ];
}
