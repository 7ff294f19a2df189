using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The phases the energy tests run through: pre-training, and a fine-tuning phase with every term of its own switched
/// on (conditional bits, bonuses, an oversight penalty, a camera speed weight), alone, prompted, with KL towards the
/// pre-training energy, with interspersed pre-training, and with both.
/// </summary>
internal static class EnergyTestPhases
{
    /// <summary>The fine-tuning phase with every term of its own switched on, and no mixing.</summary>
    public static readonly Phase FineTuning = Phase.Create(
        "rl", 10, dataSize: 3, conditionalBits: 2.5, horizonBonus: 0.2, awarenessBonus: 0.3, oversightPenaltyBits: 5, cameraSpeedWeight: 2);

    /// <summary>The names of the phases, for theories.</summary>
    public static TheoryData<string> Names => new() { "pre-training", "rl", "rl+prompting", "rl+kl", "rl+mix", "rl+kl+mix" };

    /// <summary>The phase of one of <see cref="Names"/>.</summary>
    public static Phase Named(string name) => name switch
    {
        "pre-training" => Phase.Pretraining(10),
        "rl" => FineTuning,
        "rl+prompting" => FineTuning.With(prompting: true),
        "rl+kl" => FineTuning.With(klWeight: 0.5),
        "rl+mix" => FineTuning.With(pretrainingFraction: 0.25),
        "rl+kl+mix" => FineTuning.With(klWeight: 0.2, pretrainingFraction: 0.3),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
