using System.Globalization;
using PredictiveModels.Complexity;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PredictiveModels.Cli.Rendering;

/// <summary>Renders plain-text tables and trees (no colours, no terminal codes) into a string.</summary>
internal static class Text
{
    /// <summary>
    /// The widest a text table is laid out when its output is not a terminal (a file or a pipe), in columns. Tables
    /// take only the width their content needs, so at this width the tool's own tables never wrap.
    /// </summary>
    public const int DefaultWidth = 200;

    /// <summary>The narrowest layout, in columns: a terminal narrower than this gets tables this wide (its lines wrap).</summary>
    public const int MinimumWidth = 40;

    /// <summary>
    /// The width to lay text tables out in: the terminal's when the output goes to standard output and that is a
    /// terminal (never less than <see cref="MinimumWidth"/>), else <see cref="DefaultWidth"/>.
    /// </summary>
    /// <param name="context">Where the command runs.</param>
    /// <param name="outputPath">The <c>--output</c> file, or null for standard output.</param>
    public static int WidthFor(CliContext context, string? outputPath) =>
        string.IsNullOrEmpty(outputPath) && context.TerminalWidth is int columns ? Math.Max(MinimumWidth, columns) : DefaultWidth;

    /// <summary>Renders <paramref name="items"/> one after another, laid out in <paramref name="width"/> columns.</summary>
    public static string Render(int width, params IRenderable[] items)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinimumWidth);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        foreach (var item in items)
        {
            console.Write(item);
        }

        return writer.ToString();
    }

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Spectre.Console.Text(header)));
        }

        return table;
    }

    public static void Row(Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Spectre.Console.Text(c)).ToArray());

    public static Spectre.Console.Text Line(string text) => new(text + "\n");

    public static Tree Tree(BitBreakdown breakdown)
    {
        var tree = new Tree(new Spectre.Console.Text(Label(breakdown))).Guide(TreeGuide.Line);
        foreach (var child in breakdown.Children)
        {
            Add(tree.AddNode(new Spectre.Console.Text(Label(child))), child);
        }

        return tree;

        static void Add(TreeNode node, BitBreakdown b)
        {
            foreach (var child in b.Children)
            {
                Add(node.AddNode(new Spectre.Console.Text(Label(child))), child);
            }
        }
    }

    public static string Bits(double bits) => bits.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Label(BitBreakdown b) => $"{Bits(b.Bits)} bits  {b.Label}";
}
