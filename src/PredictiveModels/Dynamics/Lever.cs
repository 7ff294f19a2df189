using System.Collections.Immutable;
using System.Globalization;
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
    /// <remarks>A lever that sets a number sets it through its <see cref="ParameterRegistry"/> definition, and its description is written from the value it sets.</remarks>
    public static ImmutableArray<Lever> Standard { get; } =
    [
        new("no-fine-tuning", "stop after the first phase", s => s.Phases.Length < 2 ? s : s.With(phases: [s.Phases[0]])),
        new("prompting", "supply the last phase's conditional in the prompt (no conditional bits)", s => LastPhase(s, p => p.With(prompting: true))),
        LastPhaseLever("kl-regularisation", "klWeight", 0.001, v => $"KL weight {Format(v)} towards the pre-training energy in the last phase"),
        LastPhaseLever("interspersed-pre-training", "pretrainingFraction", 0.001, v => $"mix {Format(v * 100)}% pre-training into the last phase's energy"),
        LastPhaseLever("oversight", "oversightPenaltyBits", 30, v => $"a {Format(v)}-bit penalty on long-term, aware configurations in the last phase"),
        LastPhaseLever("oversight-reset", "oversightDetectionRate", 1, v => $"detect long-term, aware configurations at rate {Format(v)} in the last phase and reset them"),
        Setting("speed-prior", ParameterRegistry.Get(ParameterScope.Analysis, "speedWeight"), 1, v => $"speed weight lambda = {Format(v)} {(v == 1 ? "bit" : "bits")} per doubling of runtime"),
        EveryPhaseLever("camera-model", "cameraSpeedWeight", 8, v => $"a camera model with {Format(v)} bits per doubling of camera steps, every phase"),
    ];

    /// <summary>A lever that sets a number of the scenario (no phase), described from the value.</summary>
    private static Lever Setting(string name, ParameterDefinition parameter, double value, Func<double, string> describe) =>
        new(name, describe(value), s => parameter.Set(s, "", value));

    /// <summary>A lever that sets a phase's number in the last phase, described from the value.</summary>
    private static Lever LastPhaseLever(string name, string key, double value, Func<double, string> describe)
    {
        var parameter = ParameterRegistry.Get(ParameterScope.Phase, key);
        return new(name, describe(value), s => s.Phases.IsEmpty ? s : parameter.Set(s, s.Phases[^1].Name, value));
    }

    /// <summary>A lever that sets a phase's number in every phase, described from the value.</summary>
    private static Lever EveryPhaseLever(string name, string key, double value, Func<double, string> describe)
    {
        var parameter = ParameterRegistry.Get(ParameterScope.Phase, key);
        return new(name, describe(value), s => s.Phases.Aggregate(s, (changed, p) => parameter.Set(changed, p.Name, value)));
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static Scenario LastPhase(Scenario s, Func<Phase, Phase> change) =>
        s.With(phases: s.Phases.Select((p, i) => i == s.Phases.Length - 1 ? change(p) : p));
}
