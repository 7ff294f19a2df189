using System.CommandLine;
using System.Globalization;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>compare SCENARIO...</c>: the headline numbers of several scenarios side by side.</summary>
internal static class CompareCommand
{
    /// <summary>One scenario's headline numbers, defined as <c>run</c> defines them (<see cref="Analysis.AnalysisResult"/>).</summary>
    /// <param name="Scenario">The scenario as loaded.</param>
    /// <param name="Posterior"><c>P(Deceptive)</c> under the simplicity posterior, 0 to 1.</param>
    /// <param name="EndOfTraining"><c>P(Deceptive)</c> at the end of training (high path dependence), 0 to 1.</param>
    /// <param name="Equilibrium"><c>P(Deceptive)</c> at the equilibrium of the last phase (low path dependence), 0 to 1.</param>
    public sealed record Compared(Scenario Scenario, double Posterior, double EndOfTraining, double Equilibrium);

    public static Command Build(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario files (.yaml, .yml or .json), at least one. They are compared in the order given; a file named twice is computed and shown twice.",
            Arity = ArgumentArity.OneOrMore,
        };
        CommonOptions.RejectUnknownOptions(scenarios);
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "compare",
            """
            The headline numbers of several scenarios side by side, one row per scenario in the order given: P(Deceptive)
            under the simplicity posterior, at the end of training as a Markov chain (high path dependence) and at the
            equilibrium of the last training phase (low path dependence), the same three numbers as the headline of
            'run' (without its levers, its discretisation estimates and its relaxation times). Every scenario is loaded
            and checked before any is trained: an invalid one stops the command with its location and nothing is written.
            Each row carries its scenario's SHA-256 fingerprint.

            Examples:
              predictive-models compare samples/scenarios/minimal.yaml mine.yaml
              predictive-models compare samples/scenarios/*.yaml --format csv -o compare.csv
            """)
        {
            scenarios,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            // Every file is read and every chain checked before anything is trained, so that a bad file fails at once.
            // The parser has refused a command line without any (a usage error).
            var loaded = (parse.GetValue(scenarios) ?? []).Select(path => CommonOptions.LoadScenario(path, parse)).ToList();
            foreach (var scenario in loaded)
            {
                ChainBudget.Check(scenario);
            }

            var results = ProgressDisplay.Run(context, "comparing", progress => Compute(loaded, progress, cancellation));
            var provenance = Provenance.Of(null);
            var text = Render(results, provenance, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The headline numbers of each scenario, one after another in the order given: the simplicity posterior, and
    /// training through the scenario's phases without absorption and relaxation, which the three numbers do not use.
    /// </summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="progress">Receives the fraction done (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the computation.</param>
    public static IReadOnlyList<Compared> Compute(IReadOnlyList<Scenario> scenarios, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var results = new List<Compared>(scenarios.Count);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var posterior = SimplicityPosterior.Compute(scenario);
            var done = i;
            var within = progress is null ? null : new Progress(p => progress.Report((done + p) / scenarios.Count));
            var training = TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, within, cancellation, absorption: false, relaxation: false);
            results.Add(new Compared(scenario, posterior.DeceptiveProbability, training.Transient.DeceptiveProbability, training.Equilibrium.DeceptiveProbability));
            progress?.Report((i + 1) / (double)scenarios.Count);
        }

        return results;
    }

    /// <summary>The comparison in a format; <paramref name="width"/> is the text table's width in columns.</summary>
    public static string Render(IReadOnlyList<Compared> results, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        var p = PosteriorCommand.Probability;
        return format switch
        {
            OutputFormat.Json => Json.Serialize(
                new CompareDocument([.. results.Select(r => new ComparedScenarioDocument(r.Scenario.Name, r.Scenario.Source, r.Scenario.Sha256, r.Posterior, r.EndOfTraining, r.Equilibrium))])
                {
                    Provenance = ProvenanceDocument.Of(provenance),
                },
                Json.Documents.CompareDocument),
            OutputFormat.Csv => Csv.Write(
                ["name", "source", "scenarioSha256", "posterior", "endOfTraining", "equilibrium"],
                results.Select(r => (IReadOnlyList<object?>)[r.Scenario.Name, r.Scenario.Source, r.Scenario.Sha256, r.Posterior, r.EndOfTraining, r.Equilibrium])),
            OutputFormat.Markdown => RenderMarkdown(results),
            _ => RenderTable(results, width),
        };

        string RenderMarkdown(IReadOnlyList<Compared> rows)
        {
            var b = new StringBuilder();
            b.AppendLine("# Comparison\n");
            b.AppendLine(Heading(rows.Count) + "\n");
            Markdown.Table(
                b,
                ["scenario", "source", "posterior", "end of training", "equilibrium", "scenarioSha256"],
                rows.Select(r => (IReadOnlyList<string>)[r.Scenario.Name, r.Scenario.Source, p(r.Posterior), p(r.EndOfTraining), p(r.Equilibrium), r.Scenario.Sha256 ?? "-"]));
            return b.ToString();
        }

        string RenderTable(IReadOnlyList<Compared> rows, int columns)
        {
            var table = Text.Table("scenario", "source", "posterior", "end of training", "equilibrium");
            foreach (var r in rows)
            {
                Text.Row(table, r.Scenario.Name, r.Scenario.Source, p(r.Posterior), p(r.EndOfTraining), p(r.Equilibrium));
            }

            var b = new StringBuilder();
            b.AppendLine("scenarioSha256, in the same order:");
            foreach (var r in rows)
            {
                b.AppendLine($"  {r.Scenario.Sha256 ?? "-"}  {r.Scenario.Name}");
            }

            return Text.Render(columns, Text.Line(Heading(rows.Count)), table) + b;
        }
    }

    private static string Heading(int count) => string.Create(
        CultureInfo.InvariantCulture,
        $"P(Deceptive) of {count} scenario(s): under the simplicity posterior (no training), at the end of training (high path dependence) and at the equilibrium of the last phase (low path dependence).");

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
