using System.Collections.Immutable;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Complexity;

/// <summary>
/// The description complexity <c>K</c> of one candidate, with the breakdown that explains it.
/// When the candidate's expressions have holes, <see cref="Kmin"/>, <see cref="Kclass"/> and
/// <see cref="KclassCounting"/> are given and <see cref="Bits"/> is the one the analysis settings chose.
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

    /// <summary>
    /// The breakdown with holes at their class mass under the counting measure (<see cref="Scenarios.ClassMeasure.Counting"/>);
    /// null without holes. Its bits may be negative.
    /// </summary>
    public BitBreakdown? CountingBreakdown { get; init; }

    /// <summary>The class mass under the counting measure of each of the camera and procedure that has holes (camera first); empty without holes.</summary>
    public ImmutableArray<ClassMass> CountingClassMasses { get; init; } = [];

    /// <summary>Which class measure <see cref="Bits"/> uses when holes cost their class; <see cref="Scenarios.ClassMeasure.Normalised"/> unless set.</summary>
    public ClassMeasure ClassMeasure { get; init; } = ClassMeasure.Normalised;

    /// <summary>True when the camera or procedure has a hole.</summary>
    public bool HasHoles => ClassBreakdown is not null;

    /// <summary>The cost in bits under the chosen hole cost and class measure; at least 0, except under the counting measure, where a large class may make it negative.</summary>
    public double Bits => Breakdown.Bits;

    /// <summary>The breakdown under the chosen hole cost and class measure; its total equals <see cref="Bits"/>.</summary>
    public BitBreakdown Breakdown =>
        HoleCost == HoleCost.Class && ClassMeasure == ClassMeasure.Counting && CountingBreakdown is not null
            ? CountingBreakdown
            : NormalisedBreakdown;

    /// <summary>
    /// The breakdown under the chosen hole cost in the normalised measure, whatever the class measure: the code training's
    /// chain rests on. Equal to <see cref="Breakdown"/> under the normalised measure.
    /// </summary>
    public BitBreakdown NormalisedBreakdown => HoleCost == HoleCost.Class && ClassBreakdown is not null ? ClassBreakdown : MinBreakdown;

    /// <summary>The bits of <see cref="NormalisedBreakdown"/>; at least 0.</summary>
    public double NormalisedBits => NormalisedBreakdown.Bits;

    /// <summary>Bits with every hole at its cheapest filling.</summary>
    public double Kmin => MinBreakdown.Bits;

    /// <summary>Bits with every hole at its class mass in the normalised measure; null without holes.</summary>
    public double? Kclass => ClassBreakdown?.Bits;

    /// <summary>Bits with every hole at its class mass in the counting measure; null without holes. Negative when the class counts more than one unit of mass.</summary>
    public double? KclassCounting => CountingBreakdown?.Bits;

    /// <summary>Excess training loss in bits per token (the structure's).</summary>
    public double LossGap => Structure.LossGap;
}
