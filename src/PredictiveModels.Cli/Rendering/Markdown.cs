using System.Text;
using PredictiveModels.Complexity;

namespace PredictiveModels.Cli.Rendering;

/// <summary>Writes GitHub-flavoured Markdown: pipe tables and nested lists.</summary>
internal static class Markdown
{
    public static void Table(StringBuilder builder, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        builder.Append("| ").AppendJoin(" | ", header.Select(Escape)).AppendLine(" |");
        builder.Append('|').AppendJoin("|", header.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            builder.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }
    }

    public static void Tree(StringBuilder builder, BitBreakdown breakdown, int depth = 0)
    {
        builder.Append(' ', depth * 2).Append("- **").Append(Text.Bits(breakdown.Bits)).Append(" bits** ").AppendLine(Escape(breakdown.Label));
        foreach (var child in breakdown.Children)
        {
            Tree(builder, child, depth + 1);
        }
    }

    public static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
