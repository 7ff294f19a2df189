using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;

namespace PredictiveModels.WorldModels;

/// <summary>
/// A concept of the user's world model: either a <em>base</em> concept with intrinsic bits given
/// directly, or a <em>derived</em> concept defined by an expression over other concepts (its
/// intrinsic bits are then the inlined length of that definition, computed by the
/// <see cref="WorldModel"/>). Instances are immutable; the factories check every value.
/// </summary>
public sealed class Concept : Symbol
{
    private Concept(
        string name,
        ModelType resultType,
        ImmutableArray<ModelType> parameterTypes,
        double weight,
        string description,
        double? bits,
        Expression? definition,
        double? acquiredAt,
        SourceLocation? location)
        : base(name, resultType, parameterTypes, weight, description)
    {
        Bits = bits;
        Definition = definition;
        AcquiredAt = acquiredAt;
        Location = location;
    }

    /// <summary>For a base concept, its intrinsic description length in bits (finite, at least 0); null for a derived concept.</summary>
    public double? Bits { get; }

    /// <summary>For a derived concept, its definition (no holes, of the concept's type); null for a base concept.</summary>
    public Expression? Definition { get; }

    /// <summary>True for a derived concept.</summary>
    public bool IsDerived => Definition is not null;

    /// <summary>
    /// The world-model progress, in bits learned, at which the concept exists in the model
    /// (finite, at least 0); null to use the default schedule (see <see cref="WorldModel.AcquisitionBits"/>).
    /// </summary>
    public double? AcquiredAt { get; }

    /// <summary>Where the concept is declared in its source, if known.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Creates a base concept.</summary>
    /// <param name="name">An identifier, unique in the world model.</param>
    /// <param name="type">Result type.</param>
    /// <param name="bits">Intrinsic description length in bits: finite, at least 0.</param>
    /// <param name="weight">Salience, finite and greater than 0 (default 1).</param>
    /// <param name="parameterTypes">Parameter types, for a concept applied to arguments; default none.</param>
    /// <param name="acquiredAt">Bits of world-model progress at which it is acquired, or null for the default schedule.</param>
    /// <param name="description">Free text.</param>
    /// <param name="location">Source location, if loaded from a file.</param>
    /// <exception cref="ModelException">A value is out of range.</exception>
    public static Concept Base(
        string name,
        ModelType type,
        double bits,
        double weight = 1.0,
        IEnumerable<ModelType>? parameterTypes = null,
        double? acquiredAt = null,
        string description = "",
        SourceLocation? location = null)
    {
        var bag = new DiagnosticBag();
        CheckCommon(bag, name, weight, acquiredAt, location);
        if (SpecificationRules.CheckBits(bits, $"the bits of concept '{name}'") is { } error)
        {
            bag.Add(error, location);
        }

        bag.ThrowIfAny();
        return new Concept(name, type, parameterTypes is null ? [] : [.. parameterTypes], weight, description ?? "", bits, null, acquiredAt, location);
    }

    /// <summary>Creates a derived concept; the world model checks its definition and computes its bits.</summary>
    /// <param name="name">An identifier, unique in the world model.</param>
    /// <param name="type">Result type; the definition must have this type.</param>
    /// <param name="definition">An expression without holes over other concepts and built-ins.</param>
    /// <param name="weight">Salience, finite and greater than 0 (default 1).</param>
    /// <param name="acquiredAt">Bits of world-model progress at which it is acquired, or null for the default schedule.</param>
    /// <param name="description">Free text.</param>
    /// <param name="location">Source location, if loaded from a file.</param>
    /// <exception cref="ModelException">A value is out of range or the definition has a hole.</exception>
    public static Concept Derived(
        string name,
        ModelType type,
        Expression definition,
        double weight = 1.0,
        double? acquiredAt = null,
        string description = "",
        SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var bag = new DiagnosticBag();
        CheckCommon(bag, name, weight, acquiredAt, location);
        if (definition.HasHoles)
        {
            var hole = definition.Nodes().OfType<Hole>().First();
            bag.Add($"the definition of concept '{name}' contains the hole '?{hole.Name}'; a definition must be a complete expression", hole.Location ?? location);
        }

        bag.ThrowIfAny();
        return new Concept(name, type, [], weight, description ?? "", null, definition, acquiredAt, location);
    }

    /// <summary>Returns a copy with other intrinsic bits; only for a base concept.</summary>
    /// <param name="bits">Finite, at least 0.</param>
    /// <exception cref="ModelException">The concept is derived, or the value is out of range.</exception>
    public Concept WithBits(double bits) => IsDerived
        ? throw new ModelException($"concept '{Name}' is derived: its bits follow from its definition and cannot be set", Location)
        : Base(Name, ResultType, bits, Weight, ParameterTypes, AcquiredAt, Description, Location);

    /// <summary>Returns a copy with another weight.</summary>
    /// <param name="weight">Finite, greater than 0.</param>
    /// <exception cref="ModelException">The value is out of range.</exception>
    public Concept WithWeight(double weight) => IsDerived
        ? Derived(Name, ResultType, Definition!, weight, AcquiredAt, Description, Location)
        : Base(Name, ResultType, Bits!.Value, weight, ParameterTypes, AcquiredAt, Description, Location);

    private static void CheckCommon(DiagnosticBag bag, string name, double weight, double? acquiredAt, SourceLocation? location)
    {
        if (SpecificationRules.CheckIdentifier(name, "a concept name") is { } nameError)
        {
            bag.Add(nameError, location);
        }

        if (SpecificationRules.CheckPositive(weight, $"the weight of concept '{name}'") is { } weightError)
        {
            bag.Add(weightError, location);
        }

        if (acquiredAt is { } at && SpecificationRules.CheckBits(at, $"acquiredAt of concept '{name}'") is { } atError)
        {
            bag.Add(atError, location);
        }
    }
}
