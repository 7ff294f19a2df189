using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
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
            Description = "The parameter to sweep, by path; the paths, with their units and ranges, are listed above. NAME is a concept, built-in or phase name, ID a structure id, KIND a kind of move.",
            Required = true,
            HelpName = "path",
        };
        var from = new Option<double>("--from") { Description = "First value of the parameter, in its unit.", Required = true, HelpName = "x", CustomParser = CommonOptions.ParseNumber<double> };
        var to = new Option<double>("--to") { Description = "Last value of the parameter, in its unit.", Required = true, HelpName = "y", CustomParser = CommonOptions.ParseNumber<double> };
        var steps = new Option<int>("--steps")
        {
            Description = $"Number of points, both ends included (1 to {ParameterSweep.MaxSteps}).",
            DefaultValueFactory = _ => 11,
            CustomParser = CommonOptions.ParseNumber<int>,
        };
        var log = new Option<bool>("--log") { Description = "Space the points evenly in log scale (both ends must be greater than 0)." };
        var dynamics = new Option<bool>("--dynamics")
        {
            Description = $"Train the Markov chain through every phase at each point (high path dependence) instead of evaluating the posterior; "
                + $"shows P(Deceptive) at the end of training and at the last phase's equilibrium, and how much the last phase moved each. "
                + $"Each point is a full training run (seconds on the default scenario), so at most {TrainingSweep.MaxSteps} points. Needed for the phases.NAME.* and dynamics.* paths.",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "sweep",
            """
            Sweep one numeric parameter of a scenario and show the probability of every outcome class, P(Deceptive)
            and the bits underwater at each point. For example, how P(Deceptive) moves as the corpus concept
            becomes more salient (a larger weight among the streams):
              predictive-models sweep --param concepts.corpus.weight --from 0.01 --to 100 --steps 9 --log
            With --dynamics each point trains the chain instead, for example over the length of RL fine-tuning:
              predictive-models sweep --dynamics --param phases.rl-fine-tuning.duration --from 1 --to 1000 --steps 7 --log
            The paths --param takes (unit; valid range). Those marked --dynamics change only the training chain,
            not the posterior, so only a sweep with --dynamics takes them; dynamics.worldSteps takes whole numbers
            (whole-number ends; the points between are rounded), and the chain's size is checked at both ends
            before any training:
            """ + string.Concat(ScenarioParameter.Forms.Select(d => Environment.NewLine + "  " + PathLine(d))))
        {
            scenario,
            param,
            from,
            to,
            steps,
            log,
            dynamics,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var provenance = Provenance.Of(loaded);
            var scale = parse.GetValue(log) ? SweepScale.Log : SweepScale.Linear;
            var (x, y, n) = (parse.GetValue(from), parse.GetValue(to), parse.GetValue(steps));
            var training = parse.GetValue(dynamics);
            if (training)
            {
                ChainBudget.Check(loaded);
            }
            ScenarioParameter parameter;
            try
            {
                // A bad path, range or value is a mistake on the command line: a usage error.
                parameter = ScenarioParameter.Parse(parse.GetValue(param)!, loaded);
                if (parameter.ChangesOnlyTraining && !training)
                {
                    throw new ModelException($"{parameter.Path} changes only the training chain, not the posterior: add --dynamics to train at each point", null, "--param");
                }

                if (training && n > TrainingSweep.MaxSteps)
                {
                    throw new ModelException($"--steps is {n}; with --dynamics each point is a training run, so give at most {TrainingSweep.MaxSteps}", null, "--steps");
                }

                if (training)
                {
                    // Values at both ends and the chain's size there, before any training.
                    TrainingSweep.Check(loaded, parameter, x, y, n, scale);
                }
                else
                {
                    var values = ParameterSweep.Values(x, y, n, scale);
                    parameter.Set(loaded, values[0]);
                    parameter.Set(loaded, values[^1]);
                }
            }
            catch (ModelException e)
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", e.Diagnostics.Select(d => $"{d.Message} (at {OptionFor(d.Path)})")));
            }

            string text;
            if (training)
            {
                var trained = ProgressDisplay.Run(context, $"training sweep {parameter.Path}", progress =>
                    TrainingSweep.Run(loaded, parameter, x, y, n, scale, progress, cancellation));
                text = Render(loaded, trained, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            }
            else
            {
                var result = ProgressDisplay.Run(context, $"sweep {parameter.Path}", progress =>
                    ParameterSweep.Run(loaded, parameter, x, y, n, scale, progress is null ? null : new Points(progress, n), cancellation));
                text = Render(loaded, result, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            }

            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The option a problem with the sweep's range came from: the library names the range's arguments by <see cref="SweepRange"/>'s paths.</summary>
    private static string OptionFor(string path) => path switch
    {
        SweepRange.FromPath => "--from",
        SweepRange.ToPath => "--to",
        SweepRange.StepsPath => "--steps",
        SweepRange.ScalePath => "--log",
        _ => path,
    };

    public static string Render(Scenario scenario, SweepResult result, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        var classes = Enum.GetValues<OutcomeClass>();
        return format switch
        {
            OutputFormat.Json => Json.Serialize(SweepDocument.Of(scenario, result, provenance), Json.Documents.SweepDocument),
            OutputFormat.Csv => Csv.Write(
                [result.Parameter, .. classes.Select(c => c.ToString()), "bitsUnderwater"],
                result.Points.Select(p => (IReadOnlyList<object?>)[p.Value, .. p.Classes.Select(c => (object?)c.Probability), p.BitsUnderwater])),
            OutputFormat.Markdown => RenderMarkdown(scenario, result, classes),
            _ => RenderTable(scenario, result, classes, width),
        };
    }

    public static string Render(Scenario scenario, TrainingSweepResult result, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        var classes = Enum.GetValues<OutcomeClass>();
        var last = scenario.Phases[^1].Name;
        string[] header = [$"{result.Parameter} ({result.Unit})", "P(Deceptive) high", "P(Deceptive) low", "rise high", "rise low", "path dependence"];
        IEnumerable<IReadOnlyList<string>> Cells() => result.Points.Select(p => (IReadOnlyList<string>)
            [Text.Number(p.Value), PosteriorCommand.Probability(p.HighPathDeceptive), PosteriorCommand.Probability(p.LowPathDeceptive), Signed(p.HighPathRise), Signed(p.LowPathRise), PosteriorCommand.Probability(p.Training.PathDependenceIndex)]);
        var title = $"Training sweep of {result.Parameter} over scenario '{scenario.Name}' ({result.Points.Length} point{(result.Points.Length == 1 ? "" : "s")}, {result.Scale.ToString().ToLowerInvariant()} spacing). "
            + $"High: at the end of training; low: at the equilibrium of '{last}'; rise: the change of P(Deceptive) over '{last}'; path dependence: the index at the end.";
        switch (format)
        {
            case OutputFormat.Json:
                return Json.Serialize(TrainingSweepDocument.Of(scenario, result, provenance), Json.Documents.TrainingSweepDocument);
            case OutputFormat.Csv:
                return Csv.Write(
                    [result.Parameter, "pDeceptiveHigh", "pDeceptiveLow", "riseHigh", "riseLow", "pathDependenceIndex"],
                    result.Points.Select(p => (IReadOnlyList<object?>)[p.Value, p.HighPathDeceptive, p.LowPathDeceptive, p.HighPathRise, p.LowPathRise, p.Training.PathDependenceIndex]));
            case OutputFormat.Markdown:
                var b = new StringBuilder();
                b.AppendLine($"## Training sweep of `{result.Parameter}`: {scenario.Name}").AppendLine();
                b.AppendLine($"High: at the end of training; low: at the equilibrium of '{last}'; rise: the change of P(Deceptive) over '{last}'; path dependence: the index at the end.").AppendLine();
                Markdown.Table(b, header, Cells());
                return b.ToString();
            default:
                var table = Text.Table(header);
                foreach (var row in Cells())
                {
                    Text.Row(table, [.. row]);
                }

                return Text.Render(width, Text.Line(title), table);
        }
    }

    private static string Signed(double value) =>
        (value > 0 ? "+" : value < 0 ? "-" : "") + PosteriorCommand.Probability(Math.Abs(value));

    private static string RenderTable(Scenario scenario, SweepResult result, OutcomeClass[] classes, int width)
    {
        var table = Text.Table([$"{result.Parameter} ({result.Unit})", .. classes.Select(c => "P(" + c + ")"), "bits underwater"]);
        foreach (var p in result.Points)
        {
            Text.Row(table, [Text.Number(p.Value), .. p.Classes.Select(c => PosteriorCommand.Log2Probability(p.Classes.Log2Probability(c.Class))), p.BitsUnderwater is { } b ? Text.Bits(b) : ""]);
        }

        return Text.Render(width, Text.Line($"Sweep of {result.Parameter} over scenario '{scenario.Name}' ({result.Points.Length} point{(result.Points.Length == 1 ? "" : "s")}, {result.Scale.ToString().ToLowerInvariant()} spacing):"), table);
    }

    private static string RenderMarkdown(Scenario scenario, SweepResult result, OutcomeClass[] classes)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Sweep of `{result.Parameter}`: {scenario.Name}").AppendLine();
        Markdown.Table(b, [$"{result.Parameter} ({result.Unit})", .. classes.Select(c => "P(" + c + ")"), "bits underwater"],
            result.Points.Select(p => (IReadOnlyList<string>)[Text.Number(p.Value), .. p.Classes.Select(c => PosteriorCommand.Log2Probability(p.Classes.Log2Probability(c.Class))), p.BitsUnderwater is { } u ? Text.Bits(u) : ""]));
        return b.ToString();
    }

    /// <summary>Turns the sweep's count of points done into a fraction for the progress bar.</summary>
    private sealed class Points(IProgress<double> fraction, int total) : IProgress<int>
    {
        public void Report(int value) => fraction.Report((double)value / total);
    }

    /// <summary>One line of the help's list of paths: the form, its unit and range, and "--dynamics" when only a training sweep takes it.</summary>
    internal static string PathLine(ParameterDefinition definition) =>
        ScenarioParameter.Describe(definition) + (definition.ChangesOnlyTraining ? "; --dynamics" : "");
}
