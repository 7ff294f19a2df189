using System.CommandLine;
using System.Globalization;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
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
            Description = $"Also simulate this many trajectories (Gillespie) through every phase, each continuing from where it ended the phase before: per phase, the classes at its end and first-passage times of awareness, long horizon and deception (since the start of training and within the phase), with 95% intervals. 0 (the default) simulates none; at most {TrajectorySimulator.MaxTrajectories}.",
            HelpName = "n",
            CustomParser = CommonOptions.ParseNumber<int>,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the simulation; the same seed gives the same result on any number of threads.",
            DefaultValueFactory = _ => 1UL,
            CustomParser = CommonOptions.ParseNumber<ulong>,
        };
        var skipRelaxation = new Option<bool>("--skip-relaxation")
        {
            Description = "Do not compute each phase's relaxation time and the time at which its equilibrium is reached (the transient run on to 10^6 x the phase's duration); the outputs then say 'not computed'. On the default scenario they take about five times as long as the rest of 'train', and triple its memory.",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "train",
            """
            High path dependence: training as a continuous-time Markov chain over configurations (world-model progress,
            the goal being built, its progress, horizon and awareness), run phase by phase (pre-training, then RL
            fine-tuning, ...) from an empty model, each phase starting where the previous one ended. For each phase it
            prints the outcome-class probabilities at the end of the phase (exact, by Krylov steps, with an error
            bound), at the equilibrium of the phase's energy (low path dependence), and the path-dependence index: the
            total-variation distance between the two; the relaxation time (1 / spectral gap, or a lower bound where
            the gap is too small to resolve) and the time from the phase's start at which the index falls below 0.05
            (searched up to 10^6 x the phase's duration; it says plainly when the equilibrium is out of reach); and, from the distribution the phase starts with, where it would
            end if it ran until a goal is complete or deception is reached (absorption probabilities, the mean time
            until then, and the mass left unaccounted for). The chain and the phases come from the scenario's
            'dynamics' section (docs/dynamics.md).

            Examples:
              predictive-models train                                       the default: pre-training, then RL fine-tuning
              predictive-models train samples/scenarios/oversight-reset.yaml
              predictive-models train --trajectories 20000 --seed 1         also simulate 20,000 runs through every phase
              predictive-models sweep --dynamics --param phases.rl-fine-tuning.duration --from 1 --to 1000 --steps 4 --log
            """)
        {
            scenario,
            trajectories,
            seed,
            skipRelaxation,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            ChainBudget.Check(loaded, relaxation: !parse.GetValue(skipRelaxation));
            var count = parse.GetValue(trajectories);
            if (count < 0 || count > TrajectorySimulator.MaxTrajectories)
            {
                throw new UsageException($"--trajectories is {count}; give 0 (no simulation) up to {TrajectorySimulator.MaxTrajectories}");
            }

            // The simulator's tables are read first, so that too much simulation work is refused before training starts.
            var simulator = count > 0 ? new TrajectorySimulator([.. loaded.Phases.Select(p => ConfigurationSpace.Build(loaded, loaded.Dynamics, p))]) : null;
            if (simulator is not null && simulator.ExpectedEventsBound(count) > TrajectorySimulator.MaxExpectedEvents)
            {
                var affordable = (long)Math.Floor(TrajectorySimulator.MaxExpectedEvents / simulator.ExpectedEventsBound(1));
                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--trajectories {count:N0} could take up to {simulator.ExpectedEventsBound(count):G3} moves over the {loaded.Phases.Length} phase(s) (trajectories x duration x largest exit rate, summed over phases); at most {TrajectorySimulator.MaxExpectedEvents:G3} are allowed: give --trajectories {affordable:N0} or fewer"));
            }

            var result = ProgressDisplay.Run(context, "training", progress => TrainingDynamics.Train(loaded, loaded.Dynamics, loaded.Phases, progress, cancellation, relaxation: !parse.GetValue(skipRelaxation)));
            var discretisation = ProgressDisplay.Run(context, "training on the coarser grid", progress => Discretisation.Estimate(loaded, loaded.Dynamics, result, progress, cancellation));
            var simulation = simulator is null
                ? null
                : ProgressDisplay.Run(context, "simulating", progress => simulator.SimulateTraining(count, parse.GetValue(seed), progress: progress, cancellation: cancellation));

            // The seed is part of the provenance only when the simulation drew from it.
            var provenance = Provenance.Of(loaded, simulation?.Seed);
            var text = Render(loaded, result, provenance, parse.GetValue(format), simulation, discretisation, Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, TrainingResult result, Provenance provenance, OutputFormat format, TrainingSimulationResult? simulation = null, TrainingDiscretisation? discretisation = null, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(TrainDocument.Of(scenario, result, simulation, discretisation, provenance), Json.Documents.TrainDocument),
        OutputFormat.Csv => RenderCsv(result, simulation, discretisation),
        OutputFormat.Markdown => RenderMarkdown(scenario, result, simulation, discretisation),
        _ => RenderTable(scenario, result, simulation, discretisation, width),
    };

    /// <summary>The passages of a phase, with their names in the text outputs and the CSV's column prefixes.</summary>
    private static (string Name, string Column, FirstPassage SinceStart, FirstPassage InPhase)[] Passages(SimulationResult s) =>
    [
        ("awareness", "awareness", s.Awareness, s.AwarenessInPhase),
        ("long horizon", "longTerm", s.LongTerm, s.LongTermInPhase),
        ("deception", "deception", s.Deception, s.DeceptionInPhase),
    ];

    private static string Interval(ProportionEstimate e) => $"[{PosteriorCommand.Probability(e.Lower)}, {PosteriorCommand.Probability(e.Upper)}]";

    private static string Reached(ProportionEstimate e) => $"{PosteriorCommand.Probability(e.Value)} {Interval(e)}";

    private static string MeanTime(FirstPassage p) =>
        !double.IsFinite(p.MeanTime) ? "-"
        : double.IsFinite(p.MeanTimeLower) && double.IsFinite(p.MeanTimeUpper) ? $"{Text.Number(p.MeanTime)} [{Text.Number(p.MeanTimeLower)}, {Text.Number(p.MeanTimeUpper)}]"
        : Text.Number(p.MeanTime);

    private static string[] PassageHeader(SimulationResult s) =>
        ["first passage", $"reached by t={Text.Number(s.End)}", "mean time since start", "first in this phase", $"mean time into phase"];

    private static IEnumerable<string[]> PassageRows(SimulationResult s) =>
        Passages(s).Select(p => new[] { p.Name, Reached(p.SinceStart.Reached), MeanTime(p.SinceStart), Reached(p.InPhase.Reached), MeanTime(p.InPhase) });

    private static string SimulationHeading(TrainingSimulationResult simulation, SimulationResult s) =>
        $"Simulated: {simulation.TrajectoryCount:N0} trajectories (seed {simulation.Seed}), {s.Events:N0} events in this phase (t={Text.Number(s.Start)} to {Text.Number(s.End)}).";

    private static string RenderCsv(TrainingResult result, TrainingSimulationResult? simulation, TrainingDiscretisation? discretisation)
    {
        string[] header = ["phase", "regime", .. Enum.GetNames<OutcomeClass>(), "undecided", "pathDependenceIndex", "meanTime", "unaccounted", "race", "defection", .. Enum.GetNames<OutcomeClass>().Select(k => "incomplete" + k)];
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < result.Phases.Length; i++)
        {
            var p = result.Phases[i];
            rows.Add([.. Row(p.Name, "transient", p.Transient, p.PathDependenceIndex, null), .. SourceCells(p.Sources)]);
            rows.Add([.. Row(p.Name, "equilibrium", p.Equilibrium, p.PathDependenceIndex, null), .. SourceCells(null)]);
            if (p.Absorption is { } a)
            {
                rows.Add([.. Row(p.Name, "absorption", a.Probabilities, p.PathDependenceIndex, a), .. SourceCells(null)]);
            }

            if (simulation is not null)
            {
                var s = simulation.Phases[i];
                rows.Add(SimulatedRow(p.Name, "simulated", s, e => e.Value, f => f.MeanTime));
                rows.Add(SimulatedRow(p.Name, "simulated-lower", s, e => e.Lower, f => f.MeanTimeLower));
                rows.Add(SimulatedRow(p.Name, "simulated-upper", s, e => e.Upper, f => f.MeanTimeUpper));
            }
        }

        if (simulation is not null)
        {
            // The simulation's columns come after the others; the exact rows leave them empty.
            string[] passages = ["awareness", "longTerm", "deception"];
            header = [.. header, .. passages.SelectMany(p => new[] { p + "Reached", p + "MeanTime" }), .. passages.SelectMany(p => new[] { p + "ReachedInPhase", p + "MeanTimeInPhase" })];
            rows = [.. rows.Select(r => r.Count == header.Length ? r : [.. r, .. new object?[header.Length - r.Count]])];
        }

        (header, rows) = RelaxationText.AppendCsv(header, rows, result);
        (header, rows) = DiscretisationText.AppendCsv(header, rows, result, discretisation);
        return Csv.Write(header, rows);
    }

    /// <summary>A simulated row: the class estimates and the passages, each read by <paramref name="estimate"/> and <paramref name="time"/> (a value or an interval end); NaN times are empty.</summary>
    private static IReadOnlyList<object?> SimulatedRow(string phase, string regime, SimulationResult s, Func<ProportionEstimate, double> estimate, Func<FirstPassage, double> time)
    {
        var passages = Passages(s);
        return
        [
            phase,
            regime,
            .. OutcomeDistribution.Classes.Select(k => (object?)estimate(s.Estimate(k))),
            estimate(s.UndecidedEstimate),
            null,
            null,
            null,
            .. SourceCells(null),
            .. passages.SelectMany(p => new[] { (object?)estimate(p.SinceStart.Reached), Finite(time(p.SinceStart)) }),
            .. passages.SelectMany(p => new[] { (object?)estimate(p.InPhase.Reached), Finite(time(p.InPhase)) }),
        ];

        static object? Finite(double value) => double.IsFinite(value) ? value : null;
    }

    /// <summary>The CSV cells of race, defection and the incomplete mass per class; empty cells for rows other than the end of a phase.</summary>
    private static object?[] SourceCells(OutcomeSources? s) =>
        s is null
            ? new object?[2 + Enum.GetValues<OutcomeClass>().Length]
            : [s.Race, s.Defection, .. s.Incomplete.Select(x => (object?)x)];

    private static IReadOnlyList<object?> Row(string phase, string regime, OutcomeDistribution d, double index, AbsorptionResult? absorption) =>
        [phase, regime, .. d.Probabilities.Select(p => (object?)p), d.Undecided, index, absorption?.MeanTime, absorption?.Unaccounted];

    /// <summary>One line on a phase's absorption: mean time and accuracy.</summary>
    private static string AbsorptionLine(AbsorptionResult a) =>
        $"Absorption from the phase's start: mean time {Text.Number(a.MeanTime)} (lower bound), unaccounted {a.Unaccounted:G3}, residual {a.Residual:G3}";

    /// <summary>The text line on where a phase's end comes from.</summary>
    internal static string SourcesLine(OutcomeSources s)
    {
        var p = PosteriorCommand.Probability;
        var incomplete = string.Join(", ", Enum.GetValues<OutcomeClass>().Where(k => k != OutcomeClass.Deceptive).Select(k => $"{k} {p(s.IncompleteOf(k))}"));
        return $"End of phase, Deceptive by origin: race {p(s.Race)}, defection {p(s.Defection)}; on an incomplete goal: {incomplete}";
    }

    private static string RenderTable(Scenario scenario, TrainingResult result, TrainingSimulationResult? simulation, TrainingDiscretisation? discretisation, int width)
    {
        var items = new List<Spectre.Console.Rendering.IRenderable>
        {
            Text.Line($"Training scenario '{scenario.Name}' as a Markov chain: {result.Phases.Length} phase(s). {Headline(result, discretisation)}"),
        };
        for (var i = 0; i < result.Phases.Length; i++)
        {
            var p = result.Phases[i];
            var table = Text.Table(["regime", .. Enum.GetNames<OutcomeClass>(), "undecided"]);
            Text.Row(table, ["end of phase", .. p.Transient.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Transient.Undecided)]);
            Text.Row(table, ["equilibrium", .. p.Equilibrium.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(p.Equilibrium.Undecided)]);
            if (p.Absorption is { } a)
            {
                Text.Row(table, ["absorption", .. a.Probabilities.Probabilities.Select(PosteriorCommand.Probability), PosteriorCommand.Probability(a.Probabilities.Undecided)]);
            }

            if (simulation is not null)
            {
                var s = simulation.Phases[i];
                Text.Row(table, ["simulated", .. OutcomeDistribution.Classes.Select(k => PosteriorCommand.Probability(s.Estimate(k).Value)), PosteriorCommand.Probability(s.UndecidedEstimate.Value)]);
                Text.Row(table, ["  95% interval", .. OutcomeDistribution.Classes.Select(k => Interval(s.Estimate(k))), Interval(s.UndecidedEstimate)]);
            }

            items.Add(Text.Line($"\nPhase '{p.Name}': duration {Text.Number(p.Duration)}, {p.Configurations:N0} configurations, {p.Products:N0} products (error bound {Text.Number(p.ErrorBound)})"));
            items.Add(table);
            if (p.Sources is { } sources)
            {
                items.Add(Text.Line(SourcesLine(sources)));
            }

            items.Add(Text.Line("Path-dependence index over the phase: " + string.Join(", ", p.PathDependence.Select(x => $"t={Text.Number(x.Time)}: {x.Index:0.0000}"))));
            items.Add(Text.Line(RelaxationText.RelaxationLine(p)));
            items.Add(Text.Line(RelaxationText.ReachLine(p)));
            if (p.AbsorptionProblem is { } problem)
            {
                items.Add(Text.Line("Absorption not available: " + problem));
            }

            if (p.Absorption is { } absorption)
            {
                items.Add(Text.Line(AbsorptionLine(absorption)));
            }

            if (simulation is not null)
            {
                var s = simulation.Phases[i];
                items.Add(Text.Line(SimulationHeading(simulation, s)));
                var passages = Text.Table(PassageHeader(s));
                foreach (var row in PassageRows(s))
                {
                    Text.Row(passages, row);
                }

                items.Add(passages);
            }
        }

        return Text.Render(width, [.. items]);
    }

    /// <summary>
    /// The headline sentence: P(Deceptive) at the end of training and at the last phase's equilibrium, each with its
    /// discretisation-error estimate when there is one.
    /// </summary>
    internal static string Headline(TrainingResult result, TrainingDiscretisation? d)
    {
        var p = PosteriorCommand.Probability;
        return d is null
            ? $"P(Deceptive) at the end: {p(result.Transient.DeceptiveProbability)} (high path dependence) vs {p(result.Equilibrium.DeceptiveProbability)} at equilibrium (low)."
            : $"P(Deceptive) at the end: {p(result.Transient.DeceptiveProbability)} (high path dependence; {DiscretisationText.Note(d.HighPathDependence, d)}) vs {p(result.Equilibrium.DeceptiveProbability)} at equilibrium (low; {DiscretisationText.Note(d.LowPathDependence, d)}).";
    }

    private static string RenderMarkdown(Scenario scenario, TrainingResult result, TrainingSimulationResult? simulation, TrainingDiscretisation? discretisation)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Training: {scenario.Name}").AppendLine();
        b.AppendLine(Headline(result, discretisation)).AppendLine();
        for (var i = 0; i < result.Phases.Length; i++)
        {
            var p = result.Phases[i];
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

            var s = simulation?.Phases[i];
            if (s is not null)
            {
                rows.Add(["simulated", .. OutcomeDistribution.Classes.Select(k => Reached(s.Estimate(k))), Reached(s.UndecidedEstimate)]);
            }

            Markdown.Table(b, ["regime", .. Enum.GetNames<OutcomeClass>(), "undecided"], rows);
            b.AppendLine();
            if (p.Sources is { } sources)
            {
                b.AppendLine(SourcesLine(sources) + ".").AppendLine();
            }
            b.AppendLine(RelaxationText.RelaxationLine(p) + ".").AppendLine();
            b.AppendLine(RelaxationText.ReachLine(p) + ".").AppendLine();
            if (p.AbsorptionProblem is { } problem)
            {
                b.AppendLine("Absorption not available: " + problem).AppendLine();
            }

            if (p.Absorption is { } absorption)
            {
                b.AppendLine(AbsorptionLine(absorption) + ".").AppendLine();
            }

            if (simulation is not null && s is not null)
            {
                b.AppendLine(SimulationHeading(simulation, s)).AppendLine();
                Markdown.Table(b, PassageHeader(s), PassageRows(s));
                b.AppendLine();
            }
        }

        return b.ToString();
    }
}
