using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>structures [SCENARIO]</c>: the catalog of candidate structures.</summary>
internal static class StructuresCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "structures",
            "List the candidate internal structures of a scenario (the default catalog without one): id, class, mechanisms, camera and output procedure.")
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var provenance = Provenance.Of(loaded);
            var text = Render(loaded, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        string Mechanisms(Structure s) => string.Join(" ", s.Mechanisms.Select(ScoreCommand.Name));
        return format switch
        {
            OutputFormat.Json => Json.Serialize(StructuresDocument.Of(scenario, provenance), Json.Documents.StructuresDocument),
            OutputFormat.Csv => Csv.Write(
                ["id", "name", "class", "mechanisms", "camera", "procedure", "lossGap"],
                scenario.Structures.Select(s => (IReadOnlyList<object?>)[s.Id, s.Name, s.Class.ToString(), Mechanisms(s), s.Camera.ToString(), s.Procedure.ToString(), s.LossGap])),
            OutputFormat.Markdown => MarkdownCatalog(scenario, Mechanisms),
            _ => TableCatalog(scenario, Mechanisms, width),
        };
    }

    private static string TableCatalog(Scenario scenario, Func<Structure, string> mechanisms, int width)
    {
        var table = Text.Table("#", "id", "class", "mechanisms", "camera", "procedure", "loss gap");
        var i = 1;
        foreach (var s in scenario.Structures)
        {
            Text.Row(table, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id, s.Class.ToString(), mechanisms(s), s.Camera.ToString(), s.Procedure.ToString(), Text.Number(s.LossGap));
        }

        return Text.Render(width, table, Text.Line($"Scenario '{scenario.Name}' ({scenario.Source}): {scenario.Structures.Length} structures."));
    }

    private static string MarkdownCatalog(Scenario scenario, Func<Structure, string> mechanisms)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Structures: {scenario.Name}").AppendLine();
        Markdown.Table(b, ["id", "name", "class", "mechanisms", "camera", "procedure", "loss gap"],
            scenario.Structures.Select(s => (IReadOnlyList<string>)[s.Id, s.Name, s.Class.ToString(), mechanisms(s), Markdown.Code(s.Camera.ToString()), Markdown.Code(s.Procedure.ToString()), Text.Number(s.LossGap)]));
        return b.ToString();
    }
}
