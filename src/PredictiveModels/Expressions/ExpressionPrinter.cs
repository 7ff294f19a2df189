using System.Globalization;
using System.Text;

namespace PredictiveModels.Expressions;

/// <summary>
/// Writes expressions in their canonical text form: <c>name(arg, arg)</c>, <c>name</c> for a
/// constant, decimal literals, and <c>?name: Type</c> for holes. The output parses back to an
/// equal tree.
/// </summary>
public static class ExpressionPrinter
{
    /// <summary>Returns the canonical text of <paramref name="expression"/>.</summary>
    /// <param name="expression">The expression to print.</param>
    public static string Print(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        Write(expression, builder);
        return builder.ToString();
    }

    private static void Write(Expression expression, StringBuilder builder)
    {
        switch (expression)
        {
            case NatLiteral literal:
                builder.Append(literal.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case Hole hole:
                builder.Append('?').Append(hole.Name).Append(": ").Append(hole.Type);
                break;
            case Application application:
                builder.Append(application.Name);
                if (application.Arguments.Length > 0)
                {
                    builder.Append('(');
                    for (var i = 0; i < application.Arguments.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(", ");
                        }

                        Write(application.Arguments[i], builder);
                    }

                    builder.Append(')');
                }

                break;
            default:
                throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression));
        }
    }
}
