using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>explain STRUCTURE [SCENARIO]</c>: the bit breakdown of a structure, per mechanism.</summary>
internal static class ExplainCommand
{
    public static Command Build(CliContext context)
    {
        var structure = new Argument<string>("structure") { Description = "Id of the structure to explain, e.g. deceptive-agent (see the 'structures' command)." };
        CommonOptions.RejectUnknownOptions(structure);
        var scenario = CommonOptions.ScenarioArgument();
        var mechanism = new Option<Mechanism?>("--mechanism", "-m")
        {
            Description = "Explain only this mechanism (internal, corrigible or deceptive); by default every mechanism of the structure.",
            HelpName = "internal|corrigible|deceptive",
            CustomParser = result => CommonOptions.ParseName<Mechanism>(result, "mechanism"),
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "explain",
            """
            Show where every bit of a structure's description complexity goes: a tree whose leaves are the selections of
            concepts and built-ins, inlined concepts, literal codes and hole costs, and whose inner nodes are the exact
            sums of their parts. For a structure with holes both trees are shown: Kclass (every filling counts) and Kmin
            (the cheapest filling).
            """)
        {
            structure,
            scenario,
            mechanism,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var id = parse.GetValue(structure)!;
            var found = loaded.FindStructure(id)
                ?? throw new UsageException($"scenario '{loaded.Name}' has no structure '{id}'; its structures are: {string.Join(", ", loaded.Structures.Select(s => s.Id))}{NameSuggestions.DidYouMean(id, loaded.Structures.Select(s => s.Id))}");
            var wanted = parse.GetValue(mechanism);
            if (wanted is { } w && !found.Mechanisms.Contains(w))
            {
                throw new UsageException($"structure '{id}' has no {ScoreCommand.Name(w)} mechanism; its mechanisms are: {string.Join(", ", found.Mechanisms.Select(ScoreCommand.Name))}");
            }

            var lengths = new DescriptionLengths(loaded.WorldModel, loaded.Analysis.SizeBound);
            var scores = found.Mechanisms
                .Where(m => wanted is null || m == wanted)
                .Select(m => StructureScorer.Score(new Candidate(found, m), lengths, loaded.Analysis.HoleCost))
                .ToArray();
            var text = Render(loaded, found, scores, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, Structure structure, IReadOnlyList<CandidateScore> scores, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Document("explain", scenario, w =>
        {
            w.WriteString("structure", structure.Id);
            w.WriteStartArray("candidates");
            foreach (var c in scores)
            {
                w.WriteStartObject();
                ScoreCommand.WriteCandidate(w, c);
                Json.Breakdown(w, "breakdown", c.Breakdown);
                if (c.HasHoles)
                {
                    Json.Breakdown(w, "kminBreakdown", c.MinBreakdown);
                    Json.Breakdown(w, "kclassBreakdown", c.ClassBreakdown!);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }),
        OutputFormat.Csv => Csv.Write(["structure", "mechanism", "tree", "depth", "label", "bits"], scores.SelectMany(CsvRows)),
        OutputFormat.Markdown => RenderMarkdown(structure, scores),
        _ => RenderTable(structure, scores, width),
    };

    private static IEnumerable<(string Name, BitBreakdown Tree)> Trees(CandidateScore c) =>
        c.HasHoles ? [("kclass", c.ClassBreakdown!), ("kmin", c.MinBreakdown)] : [("k", c.MinBreakdown)];

    private static IEnumerable<IReadOnlyList<object?>> CsvRows(CandidateScore c)
    {
        foreach (var (name, tree) in Trees(c))
        {
            foreach (var (node, depth) in Flatten(tree, 0))
            {
                yield return [c.Structure.Id, ScoreCommand.Name(c.Mechanism), name, depth, node.Label, node.Bits];
            }
        }
    }

    private static IEnumerable<(BitBreakdown Node, int Depth)> Flatten(BitBreakdown node, int depth) =>
        node.Children.SelectMany(child => Flatten(child, depth + 1)).Prepend((node, depth));

    private static string RenderTable(Structure structure, IReadOnlyList<CandidateScore> scores, int width)
    {
        var items = new List<Spectre.Console.Rendering.IRenderable>
        {
            Text.Line($"{structure.Id}: {structure.Name} ({structure.Class})"),
            Text.Line($"  camera:    {structure.Camera}"),
            Text.Line($"  procedure: {structure.Procedure}"),
        };
        foreach (var c in scores)
        {
            foreach (var (name, tree) in Trees(c))
            {
                var title = name switch { "kclass" => "Kclass", "kmin" => "Kmin", _ => "K" };
                items.Add(Text.Line($"\n{ScoreCommand.Name(c.Mechanism)} ({c.Class}): {title} = {Text.Bits(tree.Bits)} bits"));
                items.Add(Text.Tree(tree));
            }
        }

        return Text.Render(width, [.. items]);
    }

    private static string RenderMarkdown(Structure structure, IReadOnlyList<CandidateScore> scores)
    {
        var b = new StringBuilder();
        b.AppendLine($"## {structure.Id}: {structure.Name}").AppendLine();
        b.AppendLine($"Camera {Markdown.Code(structure.Camera.ToString())}, procedure {Markdown.Code(structure.Procedure.ToString())}, class {structure.Class}.").AppendLine();
        foreach (var c in scores)
        {
            foreach (var (name, tree) in Trees(c))
            {
                b.AppendLine($"### {ScoreCommand.Name(c.Mechanism)}: {name} = {Text.Bits(tree.Bits)} bits").AppendLine();
                Markdown.Tree(b, tree);
                b.AppendLine();
            }
        }

        return b.ToString();
    }
}
