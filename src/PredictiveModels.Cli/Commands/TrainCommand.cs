using System.CommandLine;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>train [SCENARIO]</c>: training as a Markov chain, phase by phase.</summary>
internal static class TrainCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "train",
            """
            High path dependence: training as a continuous-time Markov chain over configurations (world-model progress,
            the goal being built, its progress, horizon and awareness), run phase by phase (pre-training, then RL
            fine-tuning, ...) from an empty model, each phase starting where the previous one ended. For each phase it
            prints the outcome-class probabilities at the end of the phase (exact, by uniformization, with an error
            bound), at the equilibrium of the phase's energy (low path dependence), and the path-dependence index: the
            total-variation distance between the two. The chain and the phases come from the scenario's 'dynamics'
            section (docs/dynamics.md).
            """)
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var result = ProgressDisplay.Run(context, "training", progress => TrainingDynamics.Train(loaded, loaded.Dynamics, loaded.Phases, progress, cancellation));
            var text = Render(loaded, result, parse.GetValue(format));
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, TrainingResult result, OutputFormat format) => format switch
    {
        OutputFormat.Json => Json.Document("train", scenario, w =>
        {
            w.WriteStartArray("phases");
            foreach (var p in result.Phases)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteNumber("duration", p.Duration);
                w.WriteNumber("configurations", p.Configurations);
                WriteClasses(w, "classes", p.Transient);
                w.WriteNumber("undecided", p.Transient.Undecided);
                w.WriteNumber("errorBound", p.ErrorBound);
                w.WriteNumber("pathDependenceIndex", p.PathDependenceIndex);
                w.WriteStartObject("equilibrium");
                WriteClasses(w, "classes", p.Equilibrium);
                w.WriteNumber("undecided", p.Equilibrium.Undecided);
                w.WriteEndObject();
                w.WriteStartArray("pathDependence");
                foreach (var (time, index) in p.PathDependence)
                {
                    w.WriteStartObject();
                    w.WriteNumber("time", time);
                    w.WriteNumber("index", index);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("uniformizationRate", p.UniformizationRate);
                w.WriteNumber("products", p.Products);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("equilibrium");
            WriteClasses(w, "classes", result.Equilibrium);
            w.WriteEndObject();
        }),
        OutputFormat.Csv => Csv.Write(
            ["phase", "regime", .. Enum.GetNames<OutcomeClass>(), "undecided", "pathDependenceIndex"],
            result.Phases.SelectMany(p => new[]
            {
                Row(p.Name, "transient", p.Transient, p.PathDependenceIndex),
                Row(p.Name, "equilibrium", p.Equilibrium, p.PathDependenceIndex),
            })),
        OutputFormat.Markdown => RenderMarkdown(scenario, result),
        _ => RenderTable(scenario, result),
    };

    private static IReadOnlyList<object?> Row(string phase, string regime, ClassDistribution d, double index) =>
        [phase, regime, .. d.Probabilities.Select(p => (object?)p), d.Undecided, index];

    private static void WriteClasses(System.Text.Json.Utf8JsonWriter w, string name, ClassDistribution d)
    {
        w.WriteStartObject(name);
        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            w.WriteNumber(k.ToString(), d.Probability(k));
        }

        w.WriteEndObject();
    }

    private static string RenderTable(Scenario scenario, TrainingResult result)
    {
        var items = new List<Spectre.Console.Rendering.IRenderable>
        {
            Text.Line($"Training scenario '{scenario.Name}' as a Markov chain: {result.Phases.Length} phase(s). P(Deceptive) at the end: {PosteriorCommand.Probability(result.Transient.DeceptiveProbability)} (high path dependence) vs {PosteriorCommand.Probability(result.Equilibrium.DeceptiveProbability)} at equilibrium (low)."),
        };
        foreach (var p in result.Phases)
        {
            var table = Text.Table(["regime", .. Enum.GetNames<OutcomeClass>(), "undecided"]);
            Text.Row(table, ["end of phase", .. p.Transient.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Transient.Undecided)]);
            Text.Row(table, ["equilibrium", .. p.Equilibrium.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Equilibrium.Undecided)]);
            items.Add(Text.Line($"\nPhase '{p.Name}': duration {Text.Number(p.Duration)}, {p.Configurations:N0} configurations, {p.Products:N0} products (error bound {Text.Number(p.ErrorBound)})"));
            items.Add(table);
            items.Add(Text.Line("Path-dependence index over the phase: " + string.Join(", ", p.PathDependence.Select(x => $"t={Text.Number(x.Time)}: {x.Index:0.0000}"))));
        }

        return Text.Render([.. items]);
    }

    private static string RenderMarkdown(Scenario scenario, TrainingResult result)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Training: {scenario.Name}").AppendLine();
        foreach (var p in result.Phases)
        {
            b.AppendLine($"### Phase {p.Name} (duration {Text.Number(p.Duration)}, path-dependence index {p.PathDependenceIndex:0.0000})").AppendLine();
            Markdown.Table(b, ["regime", .. Enum.GetNames<OutcomeClass>(), "undecided"],
            [
                ["end of phase", .. p.Transient.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Transient.Undecided)],
                ["equilibrium", .. p.Equilibrium.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Equilibrium.Undecided)],
            ]);
            b.AppendLine();
        }

        return b.ToString();
    }
}
