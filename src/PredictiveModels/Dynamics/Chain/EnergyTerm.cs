namespace PredictiveModels.Dynamics;

/// <summary>One term of a configuration's energy (<see cref="EnergyTerms.Terms"/>).</summary>
/// <param name="Name">The term's name as the JSON output spells it, one of <see cref="EnergyTerms.Names"/>.</param>
/// <param name="Bits">Its value in bits, weight included; its sign is the term's (bonuses are at most 0).</param>
public readonly record struct EnergyTerm(string Name, double Bits);
