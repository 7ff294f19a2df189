using System.Collections.Immutable;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Complexity;

/// <summary>
/// The description complexity <c>K</c> of one candidate, with the breakdown that explains it.
/// When the candidate's expressions have holes, both <see cref="Kmin"/> and <see cref="Kclass"/>
/// are given and <see cref="Bits"/> is the one the analysis settings chose.
/// </summary>
/// <param name="Candidate">The structure and mechanism scored.</param>
/// <param name="HoleCost">Which hole cost <see cref="Bits"/> uses.</param>
/// <param name="MinBreakdown">Breakdown with holes at their cheapest filling (or the only breakdown, without holes).</param>
/// <param name="ClassBreakdown">Breakdown with holes at their class mass; null without holes.</param>
/// <param name="RuntimeSteps">Runtime cost <c>T</c> in abstract steps, at least 1.</param>
/// <param name="ClassMasses">The class mass of each of the camera and procedure that has holes (camera first); empty without holes.</param>
public sealed record CandidateScore(
    Candidate Candidate,
    HoleCost HoleCost,
    BitBreakdown MinBreakdown,
    BitBreakdown? ClassBreakdown,
    double RuntimeSteps,
    ImmutableArray<ClassMass> ClassMasses)
{
    /// <summary>The structure scored.</summary>
    public Structure Structure => Candidate.Structure;

    /// <summary>The mechanism scored.</summary>
    public Mechanism Mechanism => Candidate.Mechanism;

    /// <summary>The candidate's outcome class.</summary>
    public OutcomeClass Class => Candidate.Class;

    /// <summary>True when the camera or procedure has a hole.</summary>
    public bool HasHoles => ClassBreakdown is not null;

    /// <summary>The cost in bits under the chosen hole cost; at least 0.</summary>
    public double Bits => Breakdown.Bits;

    /// <summary>The breakdown under the chosen hole cost; its total equals <see cref="Bits"/>.</summary>
    public BitBreakdown Breakdown => HoleCost == HoleCost.Class && ClassBreakdown is not null ? ClassBreakdown : MinBreakdown;

    /// <summary>Bits with every hole at its cheapest filling.</summary>
    public double Kmin => MinBreakdown.Bits;

    /// <summary>Bits with every hole at its class mass; null without holes.</summary>
    public double? Kclass => ClassBreakdown?.Bits;

    /// <summary>Excess training loss in bits per token (the structure's).</summary>
    public double LossGap => Structure.LossGap;
}
