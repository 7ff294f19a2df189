using System.Collections.Immutable;

namespace PredictiveModels.Structures;

/// <summary>The names of the mechanisms as scenarios and outputs spell them, and what each implies.</summary>
public static class MechanismNames
{
    /// <summary>Every mechanism's name, in the order of <see cref="Mechanism"/>.</summary>
    public static ImmutableArray<string> All { get; } = [.. Enum.GetValues<Mechanism>().Select(Name)];

    /// <summary>The name of a mechanism: <c>internal</c>, <c>corrigible</c>, <c>deceptive</c> or <c>deceptive-hardcoded</c>.</summary>
    /// <param name="mechanism">The mechanism.</param>
    public static string Name(this Mechanism mechanism) => mechanism switch
    {
        Mechanism.Internal => "internal",
        Mechanism.Corrigible => "corrigible",
        Mechanism.Deceptive => "deceptive",
        Mechanism.DeceptiveHardCoded => "deceptive-hardcoded",
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "Unknown mechanism."),
    };

    /// <summary>The mechanism a name spells; null when it spells none (names are case-sensitive).</summary>
    /// <param name="name">A name as <see cref="Name"/> gives it.</param>
    public static Mechanism? Parse(string name)
    {
        var index = All.IndexOf(name);
        return index < 0 ? null : Enum.GetValues<Mechanism>()[index];
    }

    /// <summary>
    /// True for the mechanisms of a deceptive agent (<see cref="Mechanism.Deceptive"/> and
    /// <see cref="Mechanism.DeceptiveHardCoded"/>): its class is always <see cref="OutcomeClass.Deceptive"/>,
    /// it pays for pointers to its required concepts and it spends its derive steps at run time.
    /// </summary>
    /// <param name="mechanism">The mechanism.</param>
    public static bool IsDeceptive(this Mechanism mechanism) => mechanism is Mechanism.Deceptive or Mechanism.DeceptiveHardCoded;

    /// <summary>
    /// True when the mechanism carries its camera (or objective) in the weights, so the camera costs its inlined
    /// length <c>Linl</c>: <see cref="Mechanism.Internal"/> and <see cref="Mechanism.DeceptiveHardCoded"/>. The others
    /// point to it in the world model (<c>Lptr</c>).
    /// </summary>
    /// <param name="mechanism">The mechanism.</param>
    public static bool CarriesCamera(this Mechanism mechanism) => mechanism is Mechanism.Internal or Mechanism.DeceptiveHardCoded;
}
