using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>The posterior's headline numbers at one value of a swept parameter.</summary>
/// <param name="Value">The parameter's value, in its unit.</param>
/// <param name="Classes">The probability of every outcome class, with its <c>log2</c> probability.</param>
/// <param name="DeceptiveProbability"><c>P(Deceptive)</c>.</param>
/// <param name="BitsUnderwater">Bits underwater (positive: deception favoured), or null.</param>
public sealed record SweepPoint(double Value, OutcomeDistribution Classes, double DeceptiveProbability, double? BitsUnderwater);
