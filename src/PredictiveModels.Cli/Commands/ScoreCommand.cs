using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Complexity;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>score [SCENARIO]</c>: every candidate's description complexity, per mechanism.</summary>
internal static class ScoreCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "score",
            """
            Score every candidate (structure x mechanism) of a scenario: its description complexity K in bits given the
            shared world model. Internal candidates carry the camera inline (Linl), corrigible ones point at it (Lptr),
            deceptive ones point at their objective and at the concepts they need. Where a camera has a hole, both Kmin
            (the cheapest filling), Kclass (-log2 of the mass of all fillings, each at its cost in the world model's
            normalised code) and Kclass under the counting measure (each filling at its own cost, however many others its
            type has, so the mass grows with the number of fillings) are given; 'bits' is the one chosen by the
            scenario's analysis.holeCost and analysis.classMeasure.
            """)
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var report = StructureScorer.Score(loaded);
            var provenance = Provenance.Of(loaded);
            var text = Render(loaded, report, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, ScoreReport report, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(ScoreDocument.Of(scenario, report, provenance), Json.Documents.ScoreDocument),
        OutputFormat.Csv => Csv.Write(
            ["structure", "mechanism", "class", "bits", "kmin", "kclass", "kclassCounting", "runtimeSteps", "lossGap"],
            report.Candidates.Select(c => (IReadOnlyList<object?>)[c.Structure.Id, Name(c.Mechanism), c.Class.ToString(), c.Bits, c.HasHoles ? c.Kmin : null, c.Kclass, c.KclassCounting, c.RuntimeSteps, c.LossGap])),
        OutputFormat.Markdown => RenderMarkdown(scenario, report),
        _ => RenderTable(scenario, report, width),
    };

    public static string Name(Mechanism mechanism) => mechanism.Name();

    private static string RenderTable(Scenario scenario, ScoreReport report, int width)
    {
        var table = Text.Table("structure", "mechanism", "class", "K (bits)", "Kmin", "Kclass", "Kclass counting", "T (steps)", "loss gap (bits/token)");
        foreach (var c in report.Candidates)
        {
            Text.Row(table, c.Structure.Id, Name(c.Mechanism), c.Class.ToString(), Text.Bits(c.Bits),
                c.HasHoles ? Text.Bits(c.Kmin) : "", c.Kclass is { } k ? Text.Bits(k) : "", c.KclassCounting is { } kc ? Text.Bits(kc) : "", Text.Number(c.RuntimeSteps), Text.Number(c.LossGap));
        }

        var notes = new StringBuilder();
        notes.AppendLine($"Scenario '{scenario.Name}' ({scenario.Source}); world model {Text.Bits(report.WorldModelBits)} bits, shared by every candidate and not counted in K.");
        notes.AppendLine($"Holes cost {PredictiveModels.Rendering.CostNames.Of(report.HoleCost, report.ClassMeasure)}; class masses count fillings of up to {report.SizeBound} nodes.");
        foreach (var c in report.Candidates.Where(c => c.HasHoles))
        {
            foreach (var mass in c.ClassMasses)
            {
                notes.AppendLine($"  {c.Candidate.Key}: {mass.Expression} has class mass 2^-{Text.Bits(mass.Kclass)}; the fillings left out weigh at most {Text.Number(mass.LeftOutUpperBound)}.");
            }

            foreach (var mass in c.CountingClassMasses)
            {
                var beyond = double.IsPositiveInfinity(mass.Log2MassUpperBound)
                    ? "no bound is known on the fillings left out: the count may grow without limit as the size bound rises"
                    : $"the fillings left out weigh at most {Text.Number(mass.LeftOutUpperBound)}";
                notes.AppendLine($"  {c.Candidate.Key}: counted, each filling at its own cost, {mass.Expression} weighs 2^{Text.Bits(mass.Log2Mass)}; {beyond}.");
            }
        }

        return Text.Render(width, table, Text.Line(notes.ToString().TrimEnd()));
    }

    private static string RenderMarkdown(Scenario scenario, ScoreReport report)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Scores: {scenario.Name}").AppendLine();
        Markdown.Table(b, ["structure", "mechanism", "class", "K (bits)", "Kmin", "Kclass", "Kclass counting", "T (steps)", "loss gap"],
            report.Candidates.Select(c => (IReadOnlyList<string>)[c.Structure.Id, Name(c.Mechanism), c.Class.ToString(), Text.Bits(c.Bits),
                c.HasHoles ? Text.Bits(c.Kmin) : "", c.Kclass is { } k ? Text.Bits(k) : "", c.KclassCounting is { } kc ? Text.Bits(kc) : "", Text.Number(c.RuntimeSteps), Text.Number(c.LossGap)]));
        b.AppendLine().AppendLine($"World model: {Text.Bits(report.WorldModelBits)} bits (shared, not in K). Size bound {report.SizeBound}; holes cost {PredictiveModels.Rendering.CostNames.Of(report.HoleCost, report.ClassMeasure)}.");
        return b.ToString();
    }
}
