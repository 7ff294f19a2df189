namespace PredictiveModels.Structures;

/// <summary>A candidate model for the analyses: a structure implemented through one mechanism.</summary>
/// <param name="Structure">The structure.</param>
/// <param name="Mechanism">One of the structure's mechanisms.</param>
public sealed record Candidate(Structure Structure, Mechanism Mechanism)
{
    /// <summary>The outcome class: the structure's, except that a deceptive implementation (either deceptive mechanism) is always <see cref="OutcomeClass.Deceptive"/>.</summary>
    public OutcomeClass Class => Mechanism.IsDeceptive() ? OutcomeClass.Deceptive : Structure.Class;

    /// <summary>A stable key, <c>structure-id/mechanism</c>, e.g. <c>general-inductor/corrigible</c>.</summary>
    public string Key => $"{Structure.Id}/{Mechanism.Name()}";

    /// <inheritdoc />
    public override string ToString() => Key;
}
