using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>explain STRUCTURE [SCENARIO]</c>: the bit breakdown of a structure, per mechanism; with <c>--configuration</c>, the energy of a configuration on its branch.</summary>
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
        var configuration = new Option<string?>("--configuration")
        {
            Description = "Show instead the energy of one configuration of the training chain, term by term in bits. Its branch is the structure's candidate of --mechanism (or, with the structure argument 'none', no goal yet); the rest reads w=WORLD_STEP,g=GOAL_STEP,h=myopic|long-term,s=unaware|aware, or on the deceptive branch w=WORLD_STEP,k=PROXY_STEPS,origin=STRUCTURE/MECHANISM,flag=race|defection. Omitted keys are 0, myopic and unaware.",
            HelpName = "w=..,g=..,h=..,s=..",
        };
        var phase = new Option<string?>("--phase")
        {
            Description = "With --configuration, the phase whose energy to show, by name (see the scenario's dynamics.phases); by default the last phase.",
            HelpName = "name",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "explain",
            """
            Show where every bit of a structure's description complexity goes: a tree whose leaves are the selections of
            concepts and built-ins, inlined concepts, literal codes and hole costs, and whose inner nodes are the exact
            sums of their parts. For a structure with holes three trees are shown: Kclass (every filling counts, in the
            world model's normalised code), Kclass under the counting measure (every filling at its own cost, so a class
            of many members may weigh less than nothing) and Kmin (the cheapest filling). With --configuration, show
            instead the energy of one configuration of the training chain on the structure's branch in one phase,
            E = a K + lambda log2 T + n CE, term by term in bits.
            """)
        {
            structure,
            scenario,
            mechanism,
            configuration,
            phase,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var provenance = Provenance.Of(loaded);
            var id = parse.GetValue(structure)!;
            var wantedPhase = parse.GetValue(phase);
            if (parse.GetValue(configuration) is { } spec)
            {
                var energy = Energy(loaded, provenance, id, parse.GetValue(mechanism), spec, wantedPhase, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
                await CommonOptions.WriteAsync(energy, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
                return ExitCodes.Success;
            }

            if (wantedPhase is not null)
            {
                throw new UsageException("--phase chooses the phase of --configuration's energy; without --configuration, explain shows a structure's bits, which have no phase");
            }

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
                .Select(m => StructureScorer.Score(new Candidate(found, m), lengths, loaded.Analysis.HoleCost, loaded.Analysis.ClassMeasure))
                .ToArray();
            var text = Render(loaded, found, scores, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The longest <c>--configuration</c> read, in characters: every message quotes it whole.</summary>
    private const int MaxConfigurationLength = 500;

    /// <summary>The energy of the configuration <paramref name="spec"/> names on the branch of <paramref name="id"/>, rendered.</summary>
    private static string Energy(Scenario scenario, Provenance provenance, string id, Mechanism? wanted, string spec, string? phaseName, OutputFormat format, int width)
    {
        if (spec.Length > MaxConfigurationLength)
        {
            throw new UsageException($"--configuration is {spec.Length:N0} characters long; a configuration takes at most {MaxConfigurationLength}");
        }

        var phases = scenario.Phases;
        var phase = phaseName is null
            ? phases[^1]
            : phases.FirstOrDefault(p => p.Name == phaseName)
                ?? throw new UsageException($"scenario '{scenario.Name}' has no phase '{phaseName}'; its phases are: {string.Join(", ", phases.Select(p => p.Name))}{NameSuggestions.DidYouMean(phaseName, phases.Select(p => p.Name))}");
        var model = EnergyModel.Create(scenario, scenario.Dynamics, phase);
        var branch = BranchOf(scenario, model, id, wanted);
        var configuration = ConfigurationText.Parse(spec, model, branch);
        return ExplainEnergy.Render(scenario, model, configuration, provenance, format, width);
    }

    /// <summary>The branch of the chain that a structure and a mechanism name; <c>none</c> names the branch with no goal.</summary>
    private static int BranchOf(Scenario scenario, EnergyModel model, string id, Mechanism? wanted)
    {
        var found = scenario.FindStructure(id);
        if (found is null && id == "none")
        {
            return wanted is null ? 0 : throw new UsageException("the branch 'none' has no goal and so no mechanism; leave out --mechanism");
        }

        if (found is null)
        {
            throw new UsageException($"scenario '{scenario.Name}' has no structure '{id}'; its structures are: {string.Join(", ", scenario.Structures.Select(s => s.Id))}, or none for the branch with no goal{NameSuggestions.DidYouMean(id, scenario.Structures.Select(s => s.Id).Append("none"))}");
        }

        if (wanted is null && found.Mechanisms.Length > 1)
        {
            throw new UsageException($"structure '{id}' has {found.Mechanisms.Length} mechanisms ({string.Join(", ", found.Mechanisms.Select(ScoreCommand.Name))}), each a branch of its own; choose one with --mechanism");
        }

        var mechanism = wanted ?? found.Mechanisms[0];
        if (!found.Mechanisms.Contains(mechanism))
        {
            throw new UsageException($"structure '{id}' has no {ScoreCommand.Name(mechanism)} mechanism; its mechanisms are: {string.Join(", ", found.Mechanisms.Select(ScoreCommand.Name))}");
        }

        var key = new Candidate(found, mechanism).Key;
        for (var b = 1; b < model.Branches.Length; b++)
        {
            if (model.Branches[b].Label == key)
            {
                return b;
            }
        }

        var deceptive = model.DeceptiveBranch >= 0 ? model.Branches[model.DeceptiveBranch].Label : "none";
        throw new UsageException($"{key} is no branch of the training chain: its deceptive branch stands for the simplest deceptive candidate, {deceptive}");
    }

    public static string Render(Scenario scenario, Structure structure, IReadOnlyList<CandidateScore> scores, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(ExplainDocument.Of(scenario, structure, scores, provenance), Json.Documents.ExplainDocument),
        OutputFormat.Csv => Csv.Write(["structure", "mechanism", "tree", "depth", "label", "bits"], scores.SelectMany(CsvRows)),
        OutputFormat.Markdown => RenderMarkdown(structure, scores),
        _ => RenderTable(structure, scores, width),
    };

    private static IEnumerable<(string Name, BitBreakdown Tree)> Trees(CandidateScore c) =>
        c.HasHoles ? [("kclass", c.ClassBreakdown!), ("kclassCounting", c.CountingBreakdown!), ("kmin", c.MinBreakdown)] : [("k", c.MinBreakdown)];

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
                var title = name switch { "kclass" => "Kclass", "kclassCounting" => "Kclass under the counting measure", "kmin" => "Kmin", _ => "K" };
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
