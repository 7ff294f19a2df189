using System.Text.Json.Serialization;
using PredictiveModels.Cli.Commands;
using PredictiveModels.Complexity;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// A candidate (a structure with a mechanism) as the documents of <c>score</c>, <c>explain</c> and <c>posterior</c> show
/// it (MODEL.md 8): the fields they share, then either its breakdown (<c>score</c>; <c>explain</c> adds the Kmin and
/// Kclass breakdowns of a candidate with a hole) or its posterior weight and probability (<c>posterior</c>). A field
/// that does not apply is absent.
/// </summary>
/// <param name="Structure">The structure's id.</param>
/// <param name="Name">The structure's readable name.</param>
/// <param name="Mechanism">The mechanism, in lower case.</param>
/// <param name="Class">The outcome class.</param>
/// <param name="Bits">Description complexity K, bits.</param>
/// <param name="Kmin">K with every hole filled at its cheapest, bits; absent without holes.</param>
/// <param name="Kclass">K with every hole costed by its class mass in the normalised measure, bits; absent without holes.</param>
/// <param name="KclassCounting">K with every hole costed by its class mass in the counting measure, bits (negative when the count exceeds 1); absent without holes.</param>
/// <param name="ClassMasses">The class mass of each hole; absent without holes.</param>
/// <param name="RuntimeSteps">T, steps.</param>
/// <param name="LossGap">Bits per token.</param>
internal sealed record CandidateDocument(
    string Structure,
    string Name,
    string Mechanism,
    string Class,
    double Bits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Kmin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Kclass,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? KclassCounting,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassMassDocument>? ClassMasses,
    double RuntimeSteps,
    double LossGap)
{
    /// <summary>Where the bits go (<c>score</c> and <c>explain</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BreakdownDocument? Breakdown { get; init; }

    /// <summary>Where the bits of Kmin go, every hole filled at its cheapest (<c>explain</c> only, with a hole).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BreakdownDocument? KminBreakdown { get; init; }

    /// <summary>Where the bits of Kclass go, every hole costed by its class mass (<c>explain</c> only, with a hole).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BreakdownDocument? KclassBreakdown { get; init; }

    /// <summary>Where the bits of Kclass under the counting measure go (<c>explain</c> only, with a hole).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BreakdownDocument? KclassCountingBreakdown { get; init; }

    /// <summary><c>log2</c> of the candidate's prior-times-likelihood weight (<c>posterior</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Log2Weight { get; init; }

    /// <summary><c>log2</c> of its posterior probability (<c>posterior</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Log2Probability { get; init; }

    /// <summary>Its posterior probability, 0 to 1 (<c>posterior</c> only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Probability { get; init; }

    /// <summary>The shared fields of a scored candidate.</summary>
    public static CandidateDocument Of(CandidateScore c) =>
        new(
            c.Structure.Id,
            c.Structure.Name,
            ScoreCommand.Name(c.Mechanism),
            c.Class.ToString(),
            c.Bits,
            c.HasHoles ? c.Kmin : null,
            c.HasHoles ? c.Kclass!.Value : null,
            c.HasHoles ? c.KclassCounting!.Value : null,
            c.HasHoles ? [.. c.ClassMasses.Select(ClassMassDocument.Of)] : null,
            c.RuntimeSteps,
            c.LossGap);
}

/// <summary>The class mass of one hole.</summary>
/// <param name="Expression">The hole's class expression.</param>
/// <param name="SizeBound">The size bound the mass was summed to, nodes.</param>
/// <param name="Log2Mass"><c>log2</c> of the mass.</param>
/// <param name="Log2MassUpperBound"><c>log2</c> of an upper bound on the mass; null when not finite.</param>
/// <param name="LeftOutUpperBound">An upper bound on the mass beyond the size bound; null when not finite.</param>
internal sealed record ClassMassDocument(string Expression, int SizeBound, double Log2Mass, double? Log2MassUpperBound, double? LeftOutUpperBound)
{
    /// <summary>The document of a class mass.</summary>
    public static ClassMassDocument Of(ClassMass m) =>
        new(m.Expression.ToString(), m.SizeBound, m.Log2Mass, Json.FiniteOrNull(m.Log2MassUpperBound), Json.FiniteOrNull(m.LeftOutUpperBound));
}

/// <summary>One node of a breakdown of bits.</summary>
/// <param name="Label">What the bits pay for.</param>
/// <param name="Bits">How many, bits.</param>
/// <param name="Children">The parts; absent for a leaf.</param>
internal sealed record BreakdownDocument(
    string Label,
    double Bits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BreakdownDocument>? Children)
{
    /// <summary>The document of a breakdown and its parts.</summary>
    public static BreakdownDocument Of(BitBreakdown b) =>
        new(b.Label, b.Bits, b.Children.IsEmpty ? null : [.. b.Children.Select(Of)]);
}
