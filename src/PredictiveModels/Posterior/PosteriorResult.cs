using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>
/// The simplicity posterior at one setting of its parameters: every candidate's probability, the
/// probability of each outcome class, how many bits underwater the best honest candidate is, and
/// which structures the data eliminates. All probabilities are computed in log space.
/// </summary>
/// <param name="SimplicityExponent"><c>a</c>.</param>
/// <param name="SpeedWeight"><c>lambda</c>.</param>
/// <param name="DataSize"><c>n</c>, tokens.</param>
/// <param name="EliminationThreshold">Share below which a structure counts as eliminated.</param>
/// <param name="Log2Normalizer"><c>log2</c> of the sum of all weights.</param>
/// <param name="Candidates">Every candidate, in catalog order.</param>
/// <param name="Classes">The probability of every outcome class (the sum over its candidates), computed in log space and keeping its <c>log2</c> probabilities; no undecided mass.</param>
/// <param name="BitsUnderwater"><c>log2(P(best deceptive) / P(best non-deceptive))</c> in bits: positive when deception is favoured; null without a deceptive or without a non-deceptive candidate.</param>
/// <param name="Eliminations">For each structure with a loss gap, when the data eliminates it.</param>
public sealed record PosteriorResult(
    double SimplicityExponent,
    double SpeedWeight,
    double DataSize,
    double EliminationThreshold,
    double Log2Normalizer,
    ImmutableArray<CandidatePosterior> Candidates,
    OutcomeDistribution Classes,
    double? BitsUnderwater,
    ImmutableArray<Elimination> Eliminations)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null);

    /// <summary><c>P(Deceptive)</c>, between 0 and 1.</summary>
    public double DeceptiveProbability => Classes.DeceptiveProbability;

    /// <summary>The probability of an outcome class, between 0 and 1.</summary>
    /// <param name="outcomeClass">The class.</param>
    public double Probability(OutcomeClass outcomeClass) => Classes[outcomeClass];
}
