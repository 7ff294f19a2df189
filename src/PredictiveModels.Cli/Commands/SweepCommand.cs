using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Diagnostics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>sweep [SCENARIO] --param PATH --from X --to Y --steps N [--log]</c>: class probabilities along one parameter.</summary>
internal static class SweepCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var param = new Option<string>("--param", "-p")
        {
            Description = "The parameter to sweep, by path: " + string.Join(", ", ScenarioParameter.PathForms) + ". NAME is a concept or built-in name, ID a structure id.",
            Required = true,
            HelpName = "path",
        };
        var from = new Option<double>("--from") { Description = "First value of the parameter, in its unit.", Required = true, HelpName = "x" };
        var to = new Option<double>("--to") { Description = "Last value of the parameter, in its unit.", Required = true, HelpName = "y" };
        var steps = new Option<int>("--steps")
        {
            Description = $"Number of points, both ends included (1 to {ParameterSweep.MaxSteps}).",
            DefaultValueFactory = _ => 11,
        };
        var log = new Option<bool>("--log") { Description = "Space the points evenly in log scale (both ends must be greater than 0)." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "sweep",
            """
            Sweep one numeric parameter of a scenario and show the probability of every outcome class, P(Deceptive)
            and the bits underwater at each point. For example, how P(Deceptive) moves as the corpus concept
            becomes more salient (a larger weight among the streams):
              predictive-models sweep --param concepts.corpus.weight --from 0.01 --to 100 --steps 9 --log
            """)
        {
            scenario,
            param,
            from,
            to,
            steps,
            log,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var scale = parse.GetValue(log) ? SweepScale.Log : SweepScale.Linear;
            var (x, y, n) = (parse.GetValue(from), parse.GetValue(to), parse.GetValue(steps));
            ScenarioParameter parameter;
            try
            {
                // A bad path, range or value is a mistake on the command line: a usage error.
                parameter = ScenarioParameter.Parse(parse.GetValue(param)!, loaded);
                var values = ParameterSweep.Values(x, y, n, scale);
                parameter.Set(loaded, values[0]);
                parameter.Set(loaded, values[^1]);
            }
            catch (ModelException e)
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", e.Diagnostics.Select(d => $"{d.Message} (at {d.Path})")));
            }

            var result = ProgressDisplay.Run(context, $"sweep {parameter.Path}", progress =>
                ParameterSweep.Run(loaded, parameter, x, y, n, scale, progress is null ? null : new Points(progress, n), cancellation));
            var text = Render(loaded, result, parse.GetValue(format));
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, SweepResult result, OutputFormat format)
    {
        var classes = Enum.GetValues<OutcomeClass>();
        return format switch
        {
            OutputFormat.Json => Json.Document("sweep", scenario, w =>
            {
                w.WriteString("param", result.Parameter);
                w.WriteString("unit", result.Unit);
                w.WriteString("scale", result.Scale.ToString().ToLowerInvariant());
                w.WriteStartArray("points");
                foreach (var p in result.Points)
                {
                    w.WriteStartObject();
                    w.WriteNumber("value", p.Value);
                    w.WriteStartObject("classes");
                    foreach (var c in p.Classes)
                    {
                        w.WriteNumber(c.Class.ToString(), c.Probability);
                    }

                    w.WriteEndObject();
                    w.WriteNumber("pDeceptive", p.DeceptiveProbability);
                    if (p.BitsUnderwater is { } b)
                    {
                        w.WriteNumber("bitsUnderwater", b);
                    }
                    else
                    {
                        w.WriteNull("bitsUnderwater");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }),
            OutputFormat.Csv => Csv.Write(
                [result.Parameter, .. classes.Select(c => c.ToString()), "bitsUnderwater"],
                result.Points.Select(p => (IReadOnlyList<object?>)[p.Value, .. p.Classes.Select(c => (object?)c.Probability), p.BitsUnderwater])),
            OutputFormat.Markdown => RenderMarkdown(scenario, result, classes),
            _ => RenderTable(scenario, result, classes),
        };
    }

    private static string RenderTable(Scenario scenario, SweepResult result, OutcomeClass[] classes)
    {
        var table = Text.Table([$"{result.Parameter} ({result.Unit})", .. classes.Select(c => "P(" + c + ")"), "bits underwater"]);
        foreach (var p in result.Points)
        {
            Text.Row(table, [Text.Number(p.Value), .. p.Classes.Select(c => PosteriorCommand.Log2Probability(c.Log2Probability)), p.BitsUnderwater is { } b ? Text.Bits(b) : ""]);
        }

        return Text.Render(Text.Line($"Sweep of {result.Parameter} over scenario '{scenario.Name}' ({result.Points.Length} point{(result.Points.Length == 1 ? "" : "s")}, {result.Scale.ToString().ToLowerInvariant()} spacing):"), table);
    }

    private static string RenderMarkdown(Scenario scenario, SweepResult result, OutcomeClass[] classes)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Sweep of `{result.Parameter}`: {scenario.Name}").AppendLine();
        Markdown.Table(b, [$"{result.Parameter} ({result.Unit})", .. classes.Select(c => "P(" + c + ")"), "bits underwater"],
            result.Points.Select(p => (IReadOnlyList<string>)[Text.Number(p.Value), .. p.Classes.Select(c => PosteriorCommand.Log2Probability(c.Log2Probability)), p.BitsUnderwater is { } u ? Text.Bits(u) : ""]));
        return b.ToString();
    }

    /// <summary>Turns the sweep's count of points done into a fraction for the progress bar.</summary>
    private sealed class Points(IProgress<double> fraction, int total) : IProgress<int>
    {
        public void Report(int value) => fraction.Report((double)value / total);
    }
}
