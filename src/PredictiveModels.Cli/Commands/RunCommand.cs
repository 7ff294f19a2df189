using System.CommandLine;
using System.Text;
using System.Text.Json;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>run [SCENARIO]</c>: the full report.</summary>
internal static class RunCommand
{
    private sealed record LeverEffect(Lever Lever, double Posterior, double Low, double High, OutcomeSources? Sources);

    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "run",
            """
            The whole analysis of a scenario in one report: the headline P(Deceptive) under the simplicity posterior,
            at the equilibrium of the last training phase (low path dependence) and at the end of training as a Markov
            chain (high path dependence); how each lever moves the three; then the scores, the posterior and training
            phase by phase. The levers:
            """ + string.Concat(Lever.Standard.Select(l => $"{Environment.NewLine}  {l.Name,-27} {l.Description}")))
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            ChainBudget.Check(loaded);
            var text = ProgressDisplay.Run(context, "analysis", progress => Report(loaded, parse.GetValue(format), progress, cancellation));
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Report(Scenario scenario, OutputFormat format, IProgress<double>? progress, CancellationToken cancellation)
    {
        var scores = StructureScorer.Score(scenario);
        var posterior = SimplicityPosterior.Compute(scores, scenario.Analysis);
        var otherCost = scenario.Analysis.HoleCost == HoleCost.Class ? HoleCost.Min : HoleCost.Class;
        var other = SimplicityPosterior.Compute(scenario.With(analysis: scenario.Analysis.With(holeCost: otherCost)));
        var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, null, cancellation);
        var levers = Lever.Standard;
        var effects = new LeverEffect[levers.Length];
        for (var i = 0; i < levers.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var changed = levers[i].Apply(scenario);
            // The levers' absorption is shown nowhere, so it is not computed.
            var trained = TrainingDynamics.Train(changed, changed.Dynamics, changed.Phases, null, cancellation, absorption: false, relaxation: false);
            effects[i] = new LeverEffect(
                levers[i],
                SimplicityPosterior.Compute(changed).DeceptiveProbability,
                trained.Equilibrium.DeceptiveProbability,
                trained.Transient.DeceptiveProbability,
                trained.Final.Sources);
            progress?.Report((i + 1.0) / levers.Length);
        }

        var prior = posterior.DeceptiveProbability;
        var low = training.Equilibrium.DeceptiveProbability;
        var high = training.Transient.DeceptiveProbability;
        return format switch
        {
            OutputFormat.Json => Json.Document("run", scenario, w =>
            {
                w.WriteStartObject("headline");
                w.WriteNumber("simplicityPosterior", prior);
                w.WriteNumber("lowPathDependence", low);
                w.WriteNumber("highPathDependence", high);
                RelaxationText.WriteHeadline(w, training);
                w.WriteEndObject();
                w.WriteStartArray("levers");
                foreach (var e in effects)
                {
                    w.WriteStartObject();
                    w.WriteString("name", e.Lever.Name);
                    w.WriteString("description", e.Lever.Description);
                    w.WriteNumber("simplicityPosterior", e.Posterior);
                    w.WriteNumber("lowPathDependence", e.Low);
                    w.WriteNumber("highPathDependence", e.High);
                    if (e.Sources is { } sources)
                    {
                        w.WriteStartObject("deceptiveOrigin");
                        w.WriteNumber("race", sources.Race);
                        w.WriteNumber("defection", sources.Defection);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Section(w, "score", ScoreCommand.Render(scenario, scores, OutputFormat.Json));
                Section(w, "posterior", PosteriorCommand.Render(scenario, posterior, (otherCost, other.DeceptiveProbability), OutputFormat.Json));
                Section(w, "train", TrainCommand.Render(scenario, training, OutputFormat.Json));
            }),
            OutputFormat.Csv => Csv.Write(
                ["lever", "description", "simplicityPosterior", "lowPathDependence", "highPathDependence", "highRace", "highDefection", .. Enum.GetNames<OutcomeClass>().Select(k => "highIncomplete" + k), "lowPathDependenceReachedAt"],
                effects.Select(e => (IReadOnlyList<object?>)[e.Lever.Name, e.Lever.Description, e.Posterior, e.Low, e.High, .. SourceCells(e.Sources), null])
                    .Prepend(["baseline", "the scenario as stated", prior, low, high, .. SourceCells(training.Final.Sources), training.Final.Reachability?.ReachedAt])),
            OutputFormat.Markdown => Headline(scenario, prior, low, high, training, effects, markdown: true)
                + "\n" + ScoreCommand.Render(scenario, scores, OutputFormat.Markdown)
                + "\n" + PosteriorCommand.Render(scenario, posterior, (otherCost, other.DeceptiveProbability), OutputFormat.Markdown)
                + "\n" + TrainCommand.Render(scenario, training, OutputFormat.Markdown),
            _ => Headline(scenario, prior, low, high, training, effects, markdown: false)
                + "\n== Scores ==\n" + ScoreCommand.Render(scenario, scores, OutputFormat.Table)
                + "\n== Posterior (low path dependence) ==\n" + PosteriorCommand.Render(scenario, posterior, (otherCost, other.DeceptiveProbability), OutputFormat.Table)
                + "\n== Training (high path dependence) ==\n" + TrainCommand.Render(scenario, training, OutputFormat.Table),
        };
    }

    /// <summary>Race, defection and the incomplete mass per class at the end of training, as CSV cells.</summary>
    private static object?[] SourceCells(OutcomeSources? s) =>
        s is null ? new object?[2 + Enum.GetValues<OutcomeClass>().Length] : [s.Race, s.Defection, .. s.Incomplete.Select(x => (object?)x)];

    private static void Section(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(json, skipInputValidation: false);
    }

    private static string Headline(Scenario scenario, double prior, double low, double high, TrainingResult training, LeverEffect[] effects, bool markdown)
    {
        var b = new StringBuilder();
        var p = PosteriorCommand.Probability;
        b.AppendLine(markdown ? $"# Report: {scenario.Name}\n" : $"Report for scenario '{scenario.Name}' ({scenario.Source})");
        b.AppendLine($"P(Deceptive), low path dependence (equilibrium of the last phase, '{training.Final.Name}'): {p(low)}");
        if (RelaxationText.HeadlineNote(training) is { } note)
        {
            b.AppendLine(markdown ? note.Trim() + "\n" : note);
        }

        b.AppendLine($"P(Deceptive), high path dependence (end of training, {training.Phases.Length} phase(s)): {p(high)}");
        b.AppendLine($"P(Deceptive) under the simplicity posterior of section 4 (no training phases): {p(prior)}");
        b.AppendLine();
        var header = (IReadOnlyList<string>)["lever", "what it changes", "posterior", "low (equilibrium)", "high (end of training)"];
        var rows = effects.Select(e => (IReadOnlyList<string>)[e.Lever.Name, e.Lever.Description, p(e.Posterior), p(e.Low), p(e.High)])
            .Prepend(["baseline", "the scenario as stated", p(prior), p(low), p(high)]).ToList();
        if (markdown)
        {
            Markdown.Table(b, header, rows);
            return b.ToString();
        }

        var table = Text.Table([.. header]);
        foreach (var row in rows)
        {
            Text.Row(table, [.. row]);
        }

        return b + Text.Render(table);
    }
}
