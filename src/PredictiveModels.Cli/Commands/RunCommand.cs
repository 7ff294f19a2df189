using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>run [SCENARIO]</c>: the full report.</summary>
internal static class RunCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var skipRelaxation = new Option<bool>("--skip-relaxation")
        {
            Description = "Do not compute the baseline's relaxation time and the time at which its equilibrium is reached (as in 'train --skip-relaxation'); the outputs then say 'not computed'. They are most of the report's cost on the default scenario.",
        };
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
            skipRelaxation,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var result = ProgressDisplay.Run(context, "analysis", progress => ScenarioAnalysis.Run(loaded, relaxation: !parse.GetValue(skipRelaxation), progress: progress, cancellation: cancellation));
            var provenance = Provenance.Of(loaded);
            var text = Render(result, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The report of an analysis in a format; <paramref name="width"/> is the text table's width in columns.</summary>
    public static string Render(AnalysisResult result, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        var scenario = result.Scenario;
        var scores = result.Scores;
        var posterior = result.Posterior;
        var training = result.Training;
        var grid = result.Discretisation;
        var effects = result.Levers;
        var other = (result.OtherHoleCost, result.OtherHoleCostPosterior.DeceptiveProbability);
        var prior = result.SimplicityPosterior;
        var low = result.LowPathDependence;
        var high = result.HighPathDependence;
        return format switch
        {
            OutputFormat.Json => Json.Serialize(
                new RunDocument(
                    ScenarioReference.Of(scenario),
                    HeadlineDocument.Of(result),
                    [.. effects.Select(LeverDocument.Of)],
                    new EmbeddedDocument(ScoreCommand.Render(scenario, scores, provenance, OutputFormat.Json)),
                    new EmbeddedDocument(PosteriorCommand.Render(scenario, posterior, other, provenance, OutputFormat.Json)),
                    new EmbeddedDocument(TrainCommand.Render(scenario, training, provenance, OutputFormat.Json, discretisation: grid)))
                {
                    Provenance = ProvenanceDocument.Of(provenance),
                },
                Json.Documents.RunDocument),
            OutputFormat.Csv => Csv.Write(
                ["lever", "description", "simplicityPosterior", "lowPathDependence", "highPathDependence", "highRace", "highDefection", .. Enum.GetNames<OutcomeClass>().Select(k => "highIncomplete" + k), "lowPathDependenceReachedAt", .. GridColumns],
                effects.Select(e => (IReadOnlyList<object?>)[e.Lever.Name, e.Lever.Description, e.SimplicityPosterior, e.LowPathDependence, e.HighPathDependence, .. SourceCells(e.Sources), null, .. GridCells(e.Discretisation, e.LowPathDependenceEffect, e.HighPathDependenceEffect)])
                    .Prepend(["baseline", "the scenario as stated", prior, low, high, .. SourceCells(training.Final.Sources), training.Final.Reachability?.ReachedAt, .. GridCells(grid, null, null)])),
            OutputFormat.Markdown => Headline(scenario, prior, low, high, training, grid, effects, markdown: true, Text.DefaultWidth)
                + "\n" + ScoreCommand.Render(scenario, scores, provenance, OutputFormat.Markdown)
                + "\n" + PosteriorCommand.Render(scenario, posterior, other, provenance, OutputFormat.Markdown)
                + "\n" + TrainCommand.Render(scenario, training, provenance, OutputFormat.Markdown, discretisation: grid),
            _ => Headline(scenario, prior, low, high, training, grid, effects, markdown: false, width)
                + "\n== Scores ==\n" + ScoreCommand.Render(scenario, scores, provenance, OutputFormat.Table, width)
                + "\n== Posterior (low path dependence) ==\n" + PosteriorCommand.Render(scenario, posterior, other, provenance, OutputFormat.Table, width)
                + "\n== Training (high path dependence) ==\n" + TrainCommand.Render(scenario, training, provenance, OutputFormat.Table, discretisation: grid, width: width),
        };
    }

    /// <summary>Race, defection and the incomplete mass per class at the end of training, as CSV cells.</summary>
    private static object?[] SourceCells(OutcomeSources? s) =>
        s is null ? new object?[2 + Enum.GetValues<OutcomeClass>().Length] : [s.Race, s.Defection, .. s.Incomplete.Select(x => (object?)x)];

    /// <summary>The CSV columns of the discretisation estimates: each headline number's coarser value and estimate, then each effect (lever minus baseline) with its coarser value and estimate.</summary>
    private static readonly string[] GridColumns =
    [
        "coarserGoalResolution", "coarserWorldSteps",
        "lowPathDependenceCoarser", "lowPathDependenceDiscretisation", "highPathDependenceCoarser", "highPathDependenceDiscretisation",
        "lowEffect", "lowEffectCoarser", "lowEffectDiscretisation", "highEffect", "highEffectCoarser", "highEffectDiscretisation",
    ];

    /// <summary>The cells of <see cref="GridColumns"/>; the effects are empty on the baseline's row.</summary>
    private static object?[] GridCells(TrainingDiscretisation d, DiscretisationEstimate? low, DiscretisationEstimate? high) =>
    [
        d.CoarserGoalResolution, d.CoarserWorldSteps,
        d.LowPathDependence.Coarser, d.LowPathDependence.Estimate, d.HighPathDependence.Coarser, d.HighPathDependence.Estimate,
        low?.Value, low?.Coarser, low?.Estimate, high?.Value, high?.Coarser, high?.Estimate,
    ];

    private static string Headline(Scenario scenario, double prior, double low, double high, TrainingResult training, TrainingDiscretisation grid, ImmutableArray<LeverOutcome> effects, bool markdown, int width)
    {
        var b = new StringBuilder();
        var p = PosteriorCommand.Probability;
        b.AppendLine(markdown ? $"# Report: {scenario.Name}\n" : $"Report for scenario '{scenario.Name}' ({scenario.Source})");
        b.AppendLine($"P(Deceptive), low path dependence (equilibrium of the last phase, '{training.Final.Name}'): {p(low)} ({DiscretisationText.Note(grid.LowPathDependence, grid)})");
        if (RelaxationText.HeadlineNote(training) is { } note)
        {
            b.AppendLine(markdown ? note.Trim() + "\n" : note);
        }

        b.AppendLine($"P(Deceptive), high path dependence (end of training, {training.Phases.Length} phase(s)): {p(high)} ({DiscretisationText.Note(grid.HighPathDependence, grid)})");
        b.AppendLine($"P(Deceptive) under the simplicity posterior of section 4 (no training phases): {p(prior)}");
        b.AppendLine();
        b.AppendLine($"Levers: each figure's ± is its change from the coarser grid ({DiscretisationText.CoarserGrid(grid)}), an estimate of its discretisation error, not a bound; an effect is the lever minus the baseline on each grid. The posterior has no grid.");
        if (markdown)
        {
            b.AppendLine();
        }

        var header = (IReadOnlyList<string>)["lever", "what it changes", "posterior", "low (equilibrium)", "high (end of training)", "low effect", "high effect"];
        var rows = effects.Select(e => (IReadOnlyList<string>)[e.Lever.Name, e.Lever.Description, p(e.SimplicityPosterior), WithError(e.LowPathDependence, e.Discretisation.LowPathDependence), WithError(e.HighPathDependence, e.Discretisation.HighPathDependence), Effect(e.LowPathDependenceEffect), Effect(e.HighPathDependenceEffect)])
            .Prepend(["baseline", "the scenario as stated", p(prior), WithError(low, grid.LowPathDependence), WithError(high, grid.HighPathDependence), "-", "-"]).ToList();
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

        return b + Text.Render(width, table);

        static string WithError(double value, DiscretisationEstimate e) => $"{PosteriorCommand.Probability(value)} {DiscretisationText.PlusMinus(e)}";

        static string Effect(DiscretisationEstimate e) => $"{DiscretisationText.Signed(e.Value)} {DiscretisationText.PlusMinus(e)}";
    }
}
