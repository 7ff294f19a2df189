using PredictiveModels.Diagnostics;

namespace PredictiveModels.Expressions;

/// <summary>
/// Checks that an expression is well typed against a set of symbols: every name is known, every
/// application has the right number of arguments, and every node has the type its position
/// expects. All problems are reported, each at the location of the offending node.
/// </summary>
internal static class TypeChecker
{
    public static void Check(
        Expression expression,
        ModelType expected,
        Func<string, Symbol?> lookup,
        IEnumerable<string> knownNames,
        DiagnosticBag bag,
        SourceLocation? fallback,
        string path)
    {
        switch (expression)
        {
            case NatLiteral literal:
                if (expected != ModelType.Nat)
                {
                    bag.Add($"the literal {literal} is a Nat, but a {expected} is expected here", literal.Location ?? fallback, path);
                }

                break;

            case Hole hole:
                if (hole.Type != expected)
                {
                    bag.Add($"the hole '?{hole.Name}' has type {hole.Type}, but a {expected} is expected here", hole.Location ?? fallback, path);
                }

                break;

            case Application application:
                var where = application.Location ?? fallback;
                var symbol = lookup(application.Name);
                if (symbol is null)
                {
                    var hint = NameSuggestions.DidYouMean(application.Name, knownNames);
                    bag.Add($"unknown concept '{application.Name}'{hint}", where, path);
                    return;
                }

                if (symbol.Arity != application.Arguments.Length)
                {
                    var expectation = symbol.Arity == 0
                        ? "takes no arguments"
                        : $"takes {symbol.Arity} argument{(symbol.Arity == 1 ? "" : "s")} ({string.Join(", ", symbol.ParameterTypes)})";
                    bag.Add($"'{symbol.Name}' {expectation}, but {application.Arguments.Length} {(application.Arguments.Length == 1 ? "was" : "were")} given", where, path);
                }
                else
                {
                    for (var i = 0; i < symbol.Arity; i++)
                    {
                        Check(application.Arguments[i], symbol.ParameterTypes[i], lookup, knownNames, bag, where, path);
                    }
                }

                if (symbol.ResultType != expected)
                {
                    bag.Add($"'{symbol.Name}' is a {symbol.ResultType}, but a {expected} is expected here", where, path);
                }

                break;
        }
    }
}
