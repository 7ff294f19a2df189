using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// One phase of training (pre-training, RL fine-tuning, ...): how long it lasts and how its energy
/// differs from pre-training. Each phase starts from the distribution the previous one ended in.
/// Immutable; <see cref="Create"/> checks every value against its range in <see cref="ParameterRegistry"/>.
/// </summary>
public sealed class Phase
{
    private Phase(string name, double duration, double? dataSize, double conditionalBits, bool prompting, double? horizonBonus, double? awarenessBonus, double klWeight, double pretrainingFraction, double oversightPenaltyBits, double oversightDetectionRate, double? cameraSpeedWeight, bool durationFromDynamics)
    {
        Name = name;
        DurationFromDynamics = durationFromDynamics;
        Duration = duration;
        DataSize = dataSize;
        ConditionalBits = conditionalBits;
        Prompting = prompting;
        HorizonBonus = horizonBonus;
        AwarenessBonus = awarenessBonus;
        KlWeight = klWeight;
        PretrainingFraction = pretrainingFraction;
        OversightPenaltyBits = oversightPenaltyBits;
        OversightDetectionRate = oversightDetectionRate;
        CameraSpeedWeight = cameraSpeedWeight;
    }

    /// <summary>The largest oversight detection rate accepted, per unit of training time (10^6: far above every base rate, so detection is then immediate).</summary>
    public const double MaxDetectionRate = 1e6;

    /// <summary>The phase's name, e.g. <c>pre-training</c>.</summary>
    public string Name { get; }

    /// <summary>Training time of the phase, in units of inverse base rate; finite, at least 0.</summary>
    public double Duration { get; }

    /// <summary>
    /// True when the phase gives no duration of its own and takes the chain's default,
    /// <see cref="DynamicsSettings.Duration"/> (<c>dynamics.duration</c>), so that changing that default changes it.
    /// </summary>
    public bool DurationFromDynamics { get; }

    /// <summary>Effective data size <c>n</c> of the phase in tokens, 0 to 10^30, or null for the scenario's <c>analysis.dataSize</c>.</summary>
    public double? DataSize { get; }

    /// <summary>
    /// Bits every aligned (non-deceptive) goal must add to encode the conditional the phase trains
    /// for (RL fine-tuning); the deceptive branch infers it at run time. 0 to 10^15; default 0.
    /// </summary>
    public double ConditionalBits { get; }

    /// <summary>True when the conditional is supplied in the prompt instead of being trained in: it then costs no goal bits.</summary>
    public bool Prompting { get; }

    /// <summary>Loss reduction of a long-term horizon in this phase, bits per token, 0 to 10^6; null for the chain's default.</summary>
    public double? HorizonBonus { get; }

    /// <summary>Loss reduction of situational awareness in this phase, bits per token, 0 to 10^6; null for the chain's default.</summary>
    public double? AwarenessBonus { get; }

    /// <summary>KL regularisation weight <c>kappa</c>: the pre-training energy is added with this weight. 0 to 10^6; default 0.</summary>
    public double KlWeight { get; }

    /// <summary>Fraction <c>phi</c> of interspersed pre-training: the energy is <c>(1 - phi) E + phi E_pretraining</c>. 0 to 1; default 0.</summary>
    public double PretrainingFraction { get; }

    /// <summary>Oversight: bits of penalty on configurations that show the precursors of deception (long-term and aware). 0 to 10^15; default 0.</summary>
    public double OversightPenaltyBits { get; }

    /// <summary>
    /// Oversight with a reset effect: the rate, per unit of training time, at which a configuration that
    /// shows the precursors of deception (long-term and aware, deceptive ones included) is detected and
    /// reset to the same world-model progress with no goal, myopic and unaware: the detected goal and
    /// precursors are discarded, the world model is kept. At least 0; default 0 (no detection). A positive
    /// rate makes the chain irreversible, so its equilibrium is no longer the Gibbs distribution (see
    /// <see cref="Dynamics.Equilibrium"/>).
    /// </summary>
    public double OversightDetectionRate { get; }

    /// <summary>
    /// Speed weight <c>lambda_c</c> of a separate camera model trained with its own speed bias, in bits per
    /// doubling of the camera's steps: the energy's speed term becomes <c>lambda log2 (T / C) + lambda_c log2 C</c>,
    /// with <c>C</c> the structure's <see cref="Structures.Structure.CameraSteps"/>. Finite, 0 to
    /// <see cref="Scenarios.AnalysisSettings.MaxExponent"/>; null (the default) for the scenario's <c>lambda</c>, which leaves the term <c>lambda log2 T</c>.
    /// </summary>
    public double? CameraSpeedWeight { get; }

    /// <summary>A pre-training phase of the given duration.</summary>
    /// <param name="duration">Training time, finite, at least 0.</param>
    public static Phase Pretraining(double duration) => Create("pre-training", duration);

    /// <summary>Returns a copy with some values changed, checked like <see cref="Create"/>.</summary>
    /// <param name="duration">New duration (training time, at least 0), or null to keep it.</param>
    /// <param name="dataSize">New data size in tokens, or null to keep it (a phase without its own keeps the scenario's).</param>
    /// <param name="prompting">New prompting flag, or null to keep it.</param>
    /// <param name="horizonBonus">New horizon bonus (bits per token), or null to keep it.</param>
    /// <param name="awarenessBonus">New awareness bonus (bits per token), or null to keep it.</param>
    /// <param name="conditionalBits">New conditional bits, or null to keep them.</param>
    /// <param name="klWeight">New KL weight, or null to keep it.</param>
    /// <param name="pretrainingFraction">New pre-training fraction, or null to keep it.</param>
    /// <param name="oversightPenaltyBits">New oversight penalty, or null to keep it.</param>
    /// <param name="oversightDetectionRate">New detection rate of the precursors (per unit of training time), or null to keep it.</param>
    /// <param name="cameraSpeedWeight">New camera speed weight (bits per doubling of the camera's steps), or null to keep it.</param>
    /// <param name="durationFromDynamics">Whether the duration is the chain's default (see <see cref="DurationFromDynamics"/>), or null to keep it.</param>
    /// <exception cref="ModelException">A value is out of range.</exception>
    public Phase With(double? duration = null, double? dataSize = null, bool? prompting = null, double? horizonBonus = null, double? awarenessBonus = null, double? conditionalBits = null, double? klWeight = null, double? pretrainingFraction = null, double? oversightPenaltyBits = null, double? oversightDetectionRate = null, double? cameraSpeedWeight = null, bool? durationFromDynamics = null) =>
        Create(
            Name,
            duration ?? Duration,
            dataSize ?? DataSize,
            conditionalBits ?? ConditionalBits,
            prompting ?? Prompting,
            horizonBonus ?? HorizonBonus,
            awarenessBonus ?? AwarenessBonus,
            klWeight ?? KlWeight,
            pretrainingFraction ?? PretrainingFraction,
            oversightPenaltyBits ?? OversightPenaltyBits,
            oversightDetectionRate ?? OversightDetectionRate,
            cameraSpeedWeight ?? CameraSpeedWeight,
            durationFromDynamics ?? DurationFromDynamics);

    /// <summary>Creates a phase, checking every value; the parameters are the properties of the same names.</summary>
    /// <param name="name">The phase's name; not empty.</param>
    /// <param name="duration">Training time, finite, at least 0.</param>
    /// <param name="dataSize">Tokens, 0 to <see cref="Scenarios.AnalysisSettings.MaxDataSize"/>, or null for the scenario's.</param>
    /// <param name="conditionalBits">Bits, 0 to 10^15.</param>
    /// <param name="prompting">True when the conditional comes in the prompt.</param>
    /// <param name="horizonBonus">Bits per token, 0 to 10^6, or null for the chain's default.</param>
    /// <param name="awarenessBonus">Bits per token, 0 to 10^6, or null for the chain's default.</param>
    /// <param name="klWeight">0 to 10^6.</param>
    /// <param name="pretrainingFraction">0 to 1.</param>
    /// <param name="oversightPenaltyBits">Bits, 0 to 10^15.</param>
    /// <param name="oversightDetectionRate">Per unit of training time, 0 to 10^6.</param>
    /// <param name="cameraSpeedWeight">Bits per doubling, 0 to <see cref="Scenarios.AnalysisSettings.MaxExponent"/>, or null for the scenario's <c>lambda</c>.</param>
    /// <param name="durationFromDynamics">True when <paramref name="duration"/> is the chain's default, <c>dynamics.duration</c>, rather than the phase's own.</param>
    /// <exception cref="ModelException">A value is out of range; the diagnostic names it.</exception>
    public static Phase Create(
        string name,
        double duration,
        double? dataSize = null,
        double conditionalBits = 0,
        bool prompting = false,
        double? horizonBonus = null,
        double? awarenessBonus = null,
        double klWeight = 0,
        double pretrainingFraction = 0,
        double oversightPenaltyBits = 0,
        double oversightDetectionRate = 0,
        double? cameraSpeedWeight = null,
        bool durationFromDynamics = false)
    {
        var bag = new DiagnosticBag();
        var path = $"dynamics.phases[{name}]";
        if (string.IsNullOrWhiteSpace(name))
        {
            bag.Add("a phase needs a name", null, "dynamics.phases");
        }

        Check(bag, path, "duration", duration);
        Check(bag, path, "dataSize", dataSize);
        Check(bag, path, "conditionalBits", conditionalBits);
        Check(bag, path, "horizonBonus", horizonBonus);
        Check(bag, path, "awarenessBonus", awarenessBonus);
        Check(bag, path, "klWeight", klWeight);
        Check(bag, path, "pretrainingFraction", pretrainingFraction);
        Check(bag, path, "oversightPenaltyBits", oversightPenaltyBits);
        Check(bag, path, "oversightDetectionRate", oversightDetectionRate);
        Check(bag, path, "cameraSpeedWeight", cameraSpeedWeight);
        bag.ThrowIfAny();
        return new Phase(name, duration, dataSize, conditionalBits, prompting, horizonBonus, awarenessBonus, klWeight, pretrainingFraction, oversightPenaltyBits, oversightDetectionRate, cameraSpeedWeight, durationFromDynamics);
    }

    /// <summary>Checks a value against its range in <see cref="ParameterRegistry"/>; a null value (the default from elsewhere) needs no check.</summary>
    private static void Check(DiagnosticBag bag, string path, string key, double? value)
    {
        if (value is { } v && ParameterRegistry.Get(ParameterScope.Phase, key).Check(v) is { } error)
        {
            bag.Add(error, null, $"{path}.{key}");
        }
    }
}
