using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Complexity;

/// <summary>The scores of every candidate of a scenario, in catalog order (structures, then their mechanisms in declared order).</summary>
/// <param name="Candidates">One score per (structure, mechanism).</param>
/// <param name="HoleCost">The hole cost used for <see cref="CandidateScore.Bits"/>.</param>
/// <param name="SizeBound">The size bound of class masses, in nodes per filling.</param>
/// <param name="WorldModelBits">Total intrinsic bits of the shared world model (not part of any candidate's K).</param>
public sealed record ScoreReport(ImmutableArray<CandidateScore> Candidates, HoleCost HoleCost, int SizeBound, double WorldModelBits)
{
    /// <summary>
    /// What the result rests on: the library version that computed it and, when it was computed from a scenario read
    /// from a document, that document's fingerprint. A result built by hand names only the version.
    /// </summary>
    public Provenance Provenance { get; init; } = Provenance.Of(null);

    /// <summary>The class measure <see cref="CandidateScore.Bits"/> uses when holes cost their class; <see cref="Scenarios.ClassMeasure.Normalised"/> unless set.</summary>
    public ClassMeasure ClassMeasure { get; init; } = ClassMeasure.Normalised;

    /// <summary>The score of a candidate by structure id and mechanism; null when there is none.</summary>
    /// <param name="structureId">The structure id.</param>
    /// <param name="mechanism">The mechanism.</param>
    public CandidateScore? Find(string structureId, Mechanism mechanism) =>
        Candidates.FirstOrDefault(c => c.Structure.Id == structureId && c.Mechanism == mechanism);
}
