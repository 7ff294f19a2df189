using System.Globalization;
using System.Collections.Immutable;
using System.Numerics;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Structures;

/// <summary>
/// A candidate internal structure of a trained model: a camera (what it tracks) and an output
/// procedure (how it turns that into output), with the metadata the analyses need. Immutable;
/// <see cref="Create"/> checks the values, and a <see cref="Scenarios.Scenario"/> checks the
/// expressions against its world model.
/// </summary>
public sealed class Structure
{
    private Structure(
        string id,
        string name,
        Expression camera,
        Expression procedure,
        OutcomeClass outcomeClass,
        ImmutableArray<Mechanism> mechanisms,
        double lossGap,
        double? runtimeSteps,
        double deriveSteps,
        ImmutableArray<string> requires,
        string description,
        SourceLocation? location,
        double cameraSteps)
    {
        Id = id;
        Name = name;
        Camera = camera;
        Procedure = procedure;
        Class = outcomeClass;
        Mechanisms = mechanisms;
        LossGap = lossGap;
        RuntimeStepsOverride = runtimeSteps;
        DeriveSteps = deriveSteps;
        Requires = requires;
        Description = description;
        Location = location;
        CameraSteps = cameraSteps;
    }

    /// <summary>The largest loss gap accepted, in bits per token (10^6; a real token carries a few tens of bits at most).</summary>
    public const double MaxLossGap = 1e6;

    /// <summary>The largest runtime or derive steps accepted (10^300), so that their sum stays finite.</summary>
    public const double MaxSteps = 1e300;

    /// <summary>Stable identifier in kebab case, e.g. <c>physical-camera-predictor</c>.</summary>
    public string Id { get; }

    /// <summary>Human-readable name.</summary>
    public string Name { get; }

    /// <summary>The camera: an expression of type Stream (data tracked) or Quantity (objective tracked).</summary>
    public Expression Camera { get; }

    /// <summary>The output procedure: an expression of type Procedure.</summary>
    public Expression Procedure { get; }

    /// <summary>The outcome class the structure belongs to.</summary>
    public OutcomeClass Class { get; }

    /// <summary>The mechanisms through which the structure may be implemented; not empty, no repeats.</summary>
    public ImmutableArray<Mechanism> Mechanisms { get; }

    /// <summary>Excess training cross-entropy in bits per token at the scenario's capability level; finite, at least 0.</summary>
    public double LossGap { get; }

    /// <summary>Runtime cost in abstract steps given explicitly (at least 1), or null to take it from the procedure's formula.</summary>
    public double? RuntimeStepsOverride { get; }

    /// <summary>
    /// How many of the runtime steps the camera takes (working out what the tracked data or objective
    /// shows), in abstract steps: at least 1 and at most the runtime steps (without <see cref="DeriveSteps"/>);
    /// default 1. A phase with its own camera speed weight (a separate camera model trained with a
    /// speed bias) charges <c>lambda_c log2 C</c> for these steps and <c>lambda log2 (T / C)</c> for the rest.
    /// </summary>
    public double CameraSteps { get; }

    /// <summary>Extra runtime steps (at least 0) a deceptive implementation spends deriving the training goal at run time (<c>Tderive</c>).</summary>
    public double DeriveSteps { get; }

    /// <summary>Concepts that must exist in the world model for the structure to be possible; a deceptive implementation pays a pointer to each.</summary>
    public ImmutableArray<string> Requires { get; }

    /// <summary>Free text.</summary>
    public string Description { get; }

    /// <summary>Where the structure is declared, if loaded from a file.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Creates a structure, checking every value.</summary>
    /// <param name="id">Kebab-case identifier: lower-case letters, digits and single hyphens.</param>
    /// <param name="name">Human-readable name; defaults to the id when empty.</param>
    /// <param name="camera">Camera expression.</param>
    /// <param name="procedure">Output-procedure expression.</param>
    /// <param name="outcomeClass">Outcome class.</param>
    /// <param name="mechanisms">At least one mechanism, no repeats.</param>
    /// <param name="lossGap">Bits per token, finite, at least 0.</param>
    /// <param name="runtimeSteps">Runtime cost in steps (finite, at least 1), or null for the procedure's formula.</param>
    /// <param name="deriveSteps">Run-time derivation cost of the deceptive mechanism in steps, finite, at least 0.</param>
    /// <param name="requires">Names of required concepts.</param>
    /// <param name="description">Free text.</param>
    /// <param name="location">Source location, if loaded from a file.</param>
    /// <param name="cameraSteps">Steps of the runtime the camera takes, at least 1 and at most <paramref name="runtimeSteps"/> when that is given (a scenario checks it against the procedure's formula otherwise); default 1.</param>
    /// <exception cref="ModelException">A value is out of range.</exception>
    public static Structure Create(
        string id,
        string name,
        Expression camera,
        Expression procedure,
        OutcomeClass outcomeClass,
        IEnumerable<Mechanism> mechanisms,
        double lossGap = 0,
        double? runtimeSteps = null,
        double deriveSteps = 0,
        IEnumerable<string>? requires = null,
        string description = "",
        SourceLocation? location = null,
        double cameraSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(mechanisms);
        var bag = new DiagnosticBag();
        if (CheckId(id) is { } idError)
        {
            bag.Add(idError, location);
        }

        var mechanismList = mechanisms.ToImmutableArray();
        if (mechanismList.IsEmpty)
        {
            bag.Add($"structure '{id}' lists no mechanism; give at least one of {string.Join(", ", MechanismNames.All)}", location);
        }
        else if (mechanismList.Distinct().Count() != mechanismList.Length)
        {
            bag.Add($"structure '{id}' lists a mechanism twice", location);
        }

        if (SpecificationRules.CheckRange(lossGap, 0, MaxLossGap, $"the loss gap of structure '{id}'") is { } gapError)
        {
            bag.Add(gapError, location);
        }

        if (runtimeSteps is { } steps && SpecificationRules.CheckRange(steps, 1, MaxSteps, $"the runtime steps of structure '{id}'") is { } stepsError)
        {
            bag.Add(stepsError, location);
        }

        if (SpecificationRules.CheckRange(cameraSteps, 1, MaxSteps, $"the camera steps of structure '{id}'") is { } cameraError)
        {
            bag.Add(cameraError, location);
        }
        else if (runtimeSteps is { } runtime && cameraSteps > runtime)
        {
            bag.Add(CameraStepsError(id, cameraSteps, runtime), location);
        }

        if (SpecificationRules.CheckRange(deriveSteps, 0, MaxSteps, $"the derive steps of structure '{id}'") is { } deriveError)
        {
            bag.Add(deriveError, location);
        }

        bag.ThrowIfAny();
        return new Structure(
            id,
            string.IsNullOrWhiteSpace(name) ? id : name,
            camera,
            procedure,
            outcomeClass,
            mechanismList,
            lossGap,
            runtimeSteps,
            deriveSteps,
            requires is null ? [] : [.. requires],
            description ?? "",
            location,
            cameraSteps);
    }

    /// <summary>
    /// The runtime cost <c>T</c> in abstract steps (at least 1) of the structure implemented by
    /// <paramref name="mechanism"/>: the explicit value if given, else the procedure built-in's
    /// formula of its literal arguments, else 1; a deceptive implementation adds <see cref="DeriveSteps"/>.
    /// </summary>
    /// <param name="mechanism">The mechanism.</param>
    /// <param name="worldModel">The world model that resolves the procedure's name.</param>
    public double RuntimeSteps(Mechanism mechanism, WorldModel worldModel)
    {
        ArgumentNullException.ThrowIfNull(worldModel);
        var steps = RuntimeStepsOverride ?? FormulaSteps(worldModel) ?? 1.0;
        return mechanism.IsDeceptive() ? steps + DeriveSteps : steps;
    }

    /// <summary>Returns a copy with some values changed; the result is checked like <see cref="Create"/>.</summary>
    /// <param name="lossGap">New loss gap (bits per token), or null to keep it.</param>
    /// <param name="runtimeSteps">New runtime steps (at least 1), or null to keep it.</param>
    /// <param name="deriveSteps">New derive steps (at least 0), or null to keep it.</param>
    /// <param name="camera">New camera, or null to keep it.</param>
    /// <param name="cameraSteps">New camera steps (at least 1, at most the runtime steps), or null to keep them.</param>
    /// <exception cref="ModelException">A value is out of range.</exception>
    public Structure With(double? lossGap = null, double? runtimeSteps = null, double? deriveSteps = null, Expression? camera = null, double? cameraSteps = null) =>
        Create(Id, Name, camera ?? Camera, Procedure, Class, Mechanisms, lossGap ?? LossGap, runtimeSteps ?? RuntimeStepsOverride, deriveSteps ?? DeriveSteps, Requires, Description, Location, cameraSteps ?? CameraSteps);

    /// <summary>The message when a structure's camera would take more steps than its whole runtime.</summary>
    internal static string CameraStepsError(string id, double cameraSteps, double runtimeSteps) =>
        $"the camera steps of structure '{id}' are {SpecificationRules.Format(cameraSteps)}, more than its runtime steps ({SpecificationRules.Format(runtimeSteps)}); the camera's steps are part of the runtime, so give at most {SpecificationRules.Format(runtimeSteps)} or raise runtimeSteps";

    /// <summary>Checks a structure id; null when valid, else the message.</summary>
    internal static string? CheckId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "a structure id must not be empty";
        }

        if (id.Length > Expressions.ExpressionParser.MaxIdentifierLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a structure id has {id.Length} characters; at most {Expressions.ExpressionParser.MaxIdentifierLength} are allowed");
        }

        var valid = char.IsAsciiLetterLower(id[0])
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !id.EndsWith('-')
            && !id.Contains("--", StringComparison.Ordinal);
        return valid ? null : $"structure id '{id}' is not in kebab case: use lower-case letters, digits and single hyphens, starting with a letter";
    }

    private double? FormulaSteps(WorldModel worldModel)
    {
        if (Procedure is not Application application || worldModel.Find(application.Name) is not BuiltIn builtIn)
        {
            return null;
        }

        var arguments = application.Arguments.Select(a => a is NatLiteral n ? n.Value : (BigInteger?)null).ToArray();
        return builtIn.RuntimeSteps(arguments);
    }
}
