using System.Collections.Immutable;
using System.Numerics;
using PredictiveModels.Expressions;

namespace PredictiveModels.WorldModels;

/// <summary>
/// The built-in combinators of the expression language. Their default weight is 1; a world model
/// may re-weight them (<see cref="WorldModel.Create"/>).
/// </summary>
public static class BuiltIns
{
    private static readonly ModelType[] None = [];

    /// <summary>Every built-in, in the order the docs list them.</summary>
    public static ImmutableArray<BuiltIn> All { get; } =
    [
        Make("restrict", ModelType.Stream, [ModelType.Stream, ModelType.Predicate], "The part of a stream whose observations satisfy a predicate."),
        Make("any_stream", ModelType.Stream, None, "Any data stream that occurs in the world: the general inductor's hypothesis class."),
        Make("between", ModelType.Predicate, [ModelType.Time, ModelType.Time], "Holds for observations made between two times (inclusive)."),
        Make("and", ModelType.Predicate, [ModelType.Predicate, ModelType.Predicate], "Both predicates hold."),
        Make("or", ModelType.Predicate, [ModelType.Predicate, ModelType.Predicate], "At least one predicate holds."),
        Make("not", ModelType.Predicate, [ModelType.Predicate], "The predicate does not hold."),
        Make("year", ModelType.Time, [ModelType.Nat], "The start of a calendar year."),
        Make("longterm", ModelType.Quantity, [ModelType.Quantity], "The total of a quantity over the long-run future: a long-term objective."),

        Proc("minimize_cross_entropy", None, "Output the distribution that minimises cross-entropy against what the camera will show.", "T = 1", _ => 1.0),
        Proc("maximize_accuracy", [ModelType.Nat], "Choose a policy over outputs that maximises predictive accuracy summed over a horizon of the given number of prompts.", "T = horizon", a => a[0] is { } h ? Math.Max(1.0, (double)h) : null),
        Proc("plan", [ModelType.Nat], "Choose the output that maximises the camera's value, looking the given number of steps ahead.", "T = depth", a => a[0] is { } d ? Math.Max(1.0, (double)d) : null),
        Proc("bayes_mixture", None, "Predict with a Bayes mixture over every camera hypothesis the camera admits, updated on what is observed.", "T = 1 (give runtimeSteps for the number of hypotheses tracked)", _ => 1.0),
        Proc("most_likely_next", None, "Output the most likely next observation of the camera.", "T = 1", _ => 1.0),
        Proc("heuristic_lookup", None, "Answer from a loose table of surface heuristics.", "T = 1", _ => 1.0),
        Proc("ngram", [ModelType.Nat], "Sample the next token from transition statistics of the given order.", "T = 1", _ => 1.0),
        Proc("pick_simulacrum", [ModelType.Nat], "Pick one of the given number of stock human personas and imitate it.", "T = personas", a => a[0] is { } k ? Math.Max(1.0, (double)k) : null),
    ];

    private static BuiltIn Make(string name, ModelType result, ModelType[] parameters, string description) =>
        new(name, result, [.. parameters], description);

    private static BuiltIn Proc(string name, ModelType[] parameters, string description, string formula, Func<IReadOnlyList<BigInteger?>, double?> runtime) =>
        new(name, ModelType.Procedure, [.. parameters], description, runtime: runtime, runtimeFormula: formula);
}
