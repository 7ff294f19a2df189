using System.Collections.Immutable;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// A lever the seed names, as a change to a scenario: what a researcher could do differently, and
/// so how each regime's <c>P(Deceptive)</c> moves. The standard levers act on the last phase of
/// training (the fine-tuning phase when there is one).
/// </summary>
/// <param name="Name">Short name, e.g. <c>kl-regularisation</c>.</param>
/// <param name="Description">What the lever changes, with its size.</param>
/// <param name="Apply">Returns the scenario with the lever pulled.</param>
public sealed record Lever(string Name, string Description, Func<Scenario, Scenario> Apply)
{
    /// <summary>The standard levers: no fine-tuning, prompting instead of fine-tuning, KL regularisation, interspersed pre-training, oversight as a penalty and as a reset, a speed prior, and a separate camera model with its own speed prior.</summary>
    public static ImmutableArray<Lever> Standard { get; } =
    [
        new("no-fine-tuning", "stop after the first phase", s => s.Phases.Length < 2 ? s : s.With(phases: [s.Phases[0]])),
        new("prompting", "supply the last phase's conditional in the prompt (no conditional bits)", s => LastPhase(s, p => p.With(prompting: true))),
        new("kl-regularisation", "KL weight 0.001 towards the pre-training energy in the last phase", s => LastPhase(s, p => p.With(klWeight: 0.001))),
        new("interspersed-pre-training", "mix 0.1% pre-training into the last phase's energy", s => LastPhase(s, p => p.With(pretrainingFraction: 0.001))),
        new("oversight", "a 30-bit penalty on long-term, aware configurations in the last phase", s => LastPhase(s, p => p.With(oversightPenaltyBits: 30))),
        new("oversight-reset", "detect long-term, aware configurations at rate 1 in the last phase and reset them", s => LastPhase(s, p => p.With(oversightDetectionRate: 1))),
        new("speed-prior", "speed weight lambda = 1 bit per doubling of runtime", s => s.With(analysis: s.Analysis.With(speedWeight: 1))),
        new("camera-model", "a camera model with 8 bits per doubling of camera steps, every phase", s => s.With(phases: s.Phases.Select(p => p.With(cameraSpeedWeight: 8)))),
    ];

    private static Scenario LastPhase(Scenario s, Func<Phase, Phase> change) =>
        s.With(phases: s.Phases.Select((p, i) => i == s.Phases.Length - 1 ? change(p) : p));

}
