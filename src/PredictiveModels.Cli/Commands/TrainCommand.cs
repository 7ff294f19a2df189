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
        var trajectories = new Option<int>("--trajectories")
        {
            Description = $"Also simulate this many trajectories of the first phase (Gillespie), for first-passage times of awareness, long horizon and deception with 95% intervals. 0 (the default) simulates none; at most {TrajectorySimulator.MaxTrajectories}.",
            HelpName = "n",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the simulation; the same seed gives the same result on any number of threads.",
            DefaultValueFactory = _ => 1UL,
        };
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
            total-variation distance between the two; and, from the distribution the phase starts with, where it would
            end if it ran until a goal is complete or deception is reached (absorption probabilities, the mean time
            until then, and the mass left unaccounted for). The chain and the phases come from the scenario's
            'dynamics' section (docs/dynamics.md).
            """)
        {
            scenario,
            trajectories,
            seed,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var count = parse.GetValue(trajectories);
            if (count < 0 || count > TrajectorySimulator.MaxTrajectories)
            {
                throw new UsageException($"--trajectories is {count}; give 0 (no simulation) up to {TrajectorySimulator.MaxTrajectories}");
            }

            var result = ProgressDisplay.Run(context, "training", progress => TrainingDynamics.Train(loaded, loaded.Dynamics, loaded.Phases, progress, cancellation));
            SimulationResult? simulation = null;
            if (count > 0)
            {
                var first = loaded.Phases[0];
                var simulator = new TrajectorySimulator(ConfigurationSpace.Build(loaded, loaded.Dynamics, first));
                simulation = simulator.Simulate(count, first.Duration, parse.GetValue(seed), cancellation: cancellation);
            }

            var text = Render(loaded, result, parse.GetValue(format), simulation);
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, TrainingResult result, OutputFormat format, SimulationResult? simulation = null) => format switch
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
                WriteAbsorption(w, p.Absorption);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("equilibrium");
            WriteClasses(w, "classes", result.Equilibrium);
            w.WriteEndObject();
            if (simulation is not null)
            {
                WriteSimulation(w, scenario.Phases[0].Name, simulation);
            }
        }),
        OutputFormat.Csv => Csv.Write(
            ["phase", "regime", .. Enum.GetNames<OutcomeClass>(), "undecided", "pathDependenceIndex", "meanTime", "unaccounted"],
            result.Phases.SelectMany(p => new[]
            {
                Row(p.Name, "transient", p.Transient, p.PathDependenceIndex, null),
                Row(p.Name, "equilibrium", p.Equilibrium, p.PathDependenceIndex, null),
            }.Concat(p.Absorption is { } a ? [Row(p.Name, "absorption", a.Probabilities, p.PathDependenceIndex, a)] : []))),
        OutputFormat.Markdown => RenderMarkdown(scenario, result) + (simulation is null ? "" : "\n" + string.Join("  \n", SimulationLines(scenario.Phases[0].Name, simulation)) + "\n"),
        _ => RenderTable(scenario, result) + (simulation is null ? "" : "\n" + string.Join("\n", SimulationLines(scenario.Phases[0].Name, simulation)) + "\n"),
    };

    private static void WriteSimulation(System.Text.Json.Utf8JsonWriter w, string phase, SimulationResult s)
    {
        w.WriteStartObject("simulation");
        w.WriteString("phase", phase);
        w.WriteNumber("trajectories", s.TrajectoryCount);
        w.WriteNumber("seed", s.Seed);
        w.WriteNumber("tau", s.Tau);
        w.WriteNumber("events", s.Events);
        w.WriteStartObject("classes");
        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            Estimate(w, k.ToString(), s.Classes.Probability(k));
        }

        Estimate(w, "undecided", s.Classes.Undecided);
        w.WriteEndObject();
        w.WriteStartObject("firstPassage");
        foreach (var (name, passage) in new[] { ("awareness", s.Awareness), ("longTerm", s.LongTerm), ("deception", s.Deception) })
        {
            w.WriteStartObject(name);
            Estimate(w, "reached", passage.Reached);
            Json.NumberOrNull(w, "meanTime", passage.MeanTime);
            Json.NumberOrNull(w, "meanTimeLower", passage.MeanTimeLower);
            Json.NumberOrNull(w, "meanTimeUpper", passage.MeanTimeUpper);
            Json.NumberOrNull(w, "medianTime", passage.MedianTime);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Estimate(System.Text.Json.Utf8JsonWriter w, string name, ProportionEstimate e)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", e.Value);
        w.WriteNumber("lower", e.Lower);
        w.WriteNumber("upper", e.Upper);
        w.WriteEndObject();
    }

    private static IEnumerable<string> SimulationLines(string phase, SimulationResult s)
    {
        yield return $"Simulated phase '{phase}': {s.TrajectoryCount:N0} trajectories (seed {s.Seed}), {s.Events:N0} events.";
        yield return "  classes at the end: " + string.Join(", ", Enum.GetValues<OutcomeClass>().Select(k => $"{k} {Interval(s.Classes.Probability(k))}"));
        foreach (var (name, p) in new[] { ("awareness", s.Awareness), ("long horizon", s.LongTerm), ("deception", s.Deception) })
        {
            var interval = double.IsFinite(p.MeanTimeLower) && double.IsFinite(p.MeanTimeUpper) ? $" [{Text.Number(p.MeanTimeLower)}, {Text.Number(p.MeanTimeUpper)}]" : "";
            var mean = double.IsFinite(p.MeanTime) ? $", mean time {Text.Number(p.MeanTime)}{interval}" : "";
            yield return $"  first {name}: reached in {Interval(p.Reached)} of trajectories{mean}";
        }
    }

    private static string Interval(ProportionEstimate e) =>
        $"{PosteriorCommand.Probability(e.Value)} [{PosteriorCommand.Probability(e.Lower)}, {PosteriorCommand.Probability(e.Upper)}]";

    private static IReadOnlyList<object?> Row(string phase, string regime, ClassDistribution d, double index, AbsorptionResult? absorption) =>
        [phase, regime, .. d.Probabilities.Select(p => (object?)p), d.Undecided, index, absorption?.MeanTime, absorption?.Unaccounted];

    private static void WriteAbsorption(System.Text.Json.Utf8JsonWriter w, AbsorptionResult? a)
    {
        if (a is null)
        {
            w.WriteNull("absorption");
            return;
        }

        w.WriteStartObject("absorption");
        WriteClasses(w, "classes", a.Probabilities);
        w.WriteNumber("meanTime", a.MeanTime);
        w.WriteNumber("unaccounted", a.Unaccounted);
        w.WriteNumber("residual", a.Residual);
        w.WriteNumber("sweeps", a.Sweeps);
        w.WriteEndObject();
    }

    /// <summary>One line on a phase's absorption: mean time and accuracy.</summary>
    private static string AbsorptionLine(AbsorptionResult a) =>
        $"Absorption from the phase's start: mean time {Text.Number(a.MeanTime)} (lower bound), unaccounted {a.Unaccounted:G3}, residual {a.Residual:G3}";

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
            if (p.Absorption is { } a)
            {
                Text.Row(table, ["absorption", .. a.Probabilities.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(a.Probabilities.Undecided)]);
            }

            items.Add(Text.Line($"\nPhase '{p.Name}': duration {Text.Number(p.Duration)}, {p.Configurations:N0} configurations, {p.Products:N0} products (error bound {Text.Number(p.ErrorBound)})"));
            items.Add(table);
            items.Add(Text.Line("Path-dependence index over the phase: " + string.Join(", ", p.PathDependence.Select(x => $"t={Text.Number(x.Time)}: {x.Index:0.0000}"))));
            if (p.Absorption is { } absorption)
            {
                items.Add(Text.Line(AbsorptionLine(absorption)));
            }
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
            List<IReadOnlyList<string>> rows =
            [
                ["end of phase", .. p.Transient.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Transient.Undecided)],
                ["equilibrium", .. p.Equilibrium.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Equilibrium.Undecided)],
            ];
            if (p.Absorption is { } a)
            {
                rows.Add(["absorption", .. a.Probabilities.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(a.Probabilities.Undecided)]);
            }

            Markdown.Table(b, ["regime", .. Enum.GetNames<OutcomeClass>(), "undecided"], rows);
            b.AppendLine();
            if (p.Absorption is { } absorption)
            {
                b.AppendLine(AbsorptionLine(absorption) + ".").AppendLine();
            }
        }

        return b.ToString();
    }
}
