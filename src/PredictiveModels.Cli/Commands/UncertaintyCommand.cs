using System.CommandLine;
using System.Globalization;
using System.Text;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using Spectre.Console.Rendering;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>uncertainty [SCENARIO] --samples N --seed S</c>: the scenario's beliefs carried through the simplicity posterior by Monte Carlo.</summary>
internal static class UncertaintyCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var samples = new Option<int>("--samples")
        {
            Description = $"Monte Carlo samples, 2 to {BeliefPropagation.MaxSamples:N0}; the standard error of a mean falls with the square root of the count.",
            DefaultValueFactory = _ => 1000,
            HelpName = "n",
            CustomParser = CommonOptions.ParseNumber<int>,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the draws; sample i's draws depend only on the seed and i, so the same seed gives the same result on any number of threads.",
            DefaultValueFactory = _ => 1UL,
            CustomParser = CommonOptions.ParseNumber<ulong>,
        };
        var command = new Command(
            "uncertainty",
            """
            Carries the scenario's beliefs through the simplicity posterior (low path dependence) by Monte Carlo.
            A scenario states a belief where a number goes, in Squiggle's notation (docs/uncertainty.md):
              analysis:
                dataSize: 1e3 to 1e5                        a 90% interval (lognormal: both ends > 0)
                speedWeight: "truncate(normal(0.5, 1), 0, 10)"
            Each sample draws every belief once, rescores the candidates and evaluates the posterior. Prints
            P(Deceptive)'s mean with its Monte Carlo standard error and 95% interval, its quantiles and histogram,
            each outcome class's mean and quantiles, and each belief's rank correlation with P(Deceptive) (how
            monotonically it drives the headline). Training (--dynamics) and Sobol indices are not available yet.
              predictive-models uncertainty uncertain.yaml --samples 4000 --seed 7
            """)
        {
            scenario,
            samples,
            seed,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var count = parse.GetValue(samples);
            if (count < 2 || count > BeliefPropagation.MaxSamples)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--samples is {count}; give 2 to {BeliefPropagation.MaxSamples}"));
            }

            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var result = ProgressDisplay.Run(context, "sampling", progress => BeliefPropagation.Posterior(loaded, count, parse.GetValue(seed), progress: progress, cancellation: cancellation));
            var text = Render(loaded, result, parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, BeliefPropagationResult result, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(UncertaintyDocument.Of(scenario, result), Json.Documents.UncertaintyDocument),
        OutputFormat.Csv => Csv.Write(
            ["sample", .. result.Parameters.Select(p => p.Path), "pDeceptive"],
            Enumerable.Range(0, result.Samples).Select(i => (IReadOnlyList<object?>)[i, .. Inputs(result, i), result.DeceptiveSamples[i]])),
        OutputFormat.Markdown => RenderMarkdown(scenario, result),
        _ => RenderTable(scenario, result, width),
    };

    /// <summary>The values one sample drew, in the order of the parameters.</summary>
    private static IEnumerable<object?> Inputs(BeliefPropagationResult result, int sample) =>
        Enumerable.Range(0, result.Parameters.Length).Select(j => (object?)result.Input(sample, j));

    private static string Headline(Scenario scenario, BeliefPropagationResult result)
    {
        var p = result.DeceptiveProbability;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Uncertainty through the simplicity posterior: scenario '{scenario.Name}', {result.Parameters.Length} belief{(result.Parameters.Length == 1 ? "" : "s")}, {result.Samples:N0} samples, seed {result.Seed}.");
        b.AppendLine(CultureInfo.InvariantCulture, $"P(Deceptive): mean {PosteriorCommand.Probability(p.Mean)} (Monte Carlo standard error {Small(p.StandardError)}; 95% interval of the mean {PosteriorCommand.Probability(Math.Max(0, p.MeanLower95))} to {PosteriorCommand.Probability(Math.Min(1, p.MeanUpper95))})");
        b.AppendLine(CultureInfo.InvariantCulture, $"  quantiles: {string.Join(", ", SampleSummary.QuantileLevels.Select((q, k) => $"{q * 100:0}% {PosteriorCommand.Probability(p.Quantiles[k])}"))}");
        return b.ToString();
    }

    private static string RenderTable(Scenario scenario, BeliefPropagationResult result, int width)
    {
        var beliefs = Text.Table("belief", "distribution", "median", "rank correlation with P(Deceptive)");
        for (var j = 0; j < result.Parameters.Length; j++)
        {
            var u = result.Parameters[j];
            Text.Row(beliefs, u.Path, u.Notation, Text.Number(u.Median), Correlation(result.RankCorrelations[j]));
        }

        var classes = Text.Table(["class", "mean", .. SampleSummary.QuantileLevels.Select(q => $"{q * 100:0}%")]);
        for (var c = 0; c < OutcomeDistribution.Classes.Length; c++)
        {
            var s = result.Classes[c];
            Text.Row(classes, [OutcomeDistribution.Classes[c].ToString(), PosteriorCommand.Probability(s.Mean), .. s.Quantiles.Select(PosteriorCommand.Probability)]);
        }

        var histogram = Text.Table("P(Deceptive) in", "samples");
        var counts = result.DeceptiveProbability.HistogramCounts;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] > 0)
            {
                Text.Row(histogram, Bin(k), counts[k].ToString(CultureInfo.InvariantCulture));
            }
        }

        IRenderable[] items =
        [
            Text.Line(Headline(scenario, result).TrimEnd('\n')),
            beliefs,
            classes,
            Text.Line("Histogram of P(Deceptive) (bins of 0.05; empty bins left out):"),
            histogram,
        ];
        return Text.Render(width, items);
    }

    private static string RenderMarkdown(Scenario scenario, BeliefPropagationResult result)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"## Uncertainty: scenario {Markdown.Code(scenario.Name)}");
        b.AppendLine();
        b.Append(Headline(scenario, result).Replace("\n  quantiles", "\n\nQuantiles", StringComparison.Ordinal));
        b.AppendLine();
        Markdown.Table(b, ["belief", "distribution", "median", "rank correlation with P(Deceptive)"], result.Parameters.Select((u, j) => (IReadOnlyList<string>)[Markdown.Code(u.Path), Markdown.Code(u.Notation), Text.Number(u.Median), Correlation(result.RankCorrelations[j])]));
        b.AppendLine();
        Markdown.Table(
            b,
            ["class", "mean", .. SampleSummary.QuantileLevels.Select(q => $"{q * 100:0}%")],
            Enumerable.Range(0, OutcomeDistribution.Classes.Length).Select(c => (IReadOnlyList<string>)[OutcomeDistribution.Classes[c].ToString(), PosteriorCommand.Probability(result.Classes[c].Mean), .. result.Classes[c].Quantiles.Select(PosteriorCommand.Probability)]));
        return b.ToString();
    }

    private static string Bin(int k) => string.Create(CultureInfo.InvariantCulture, $"{k * 0.05:0.00} to {(k + 1) * 0.05:0.00}");

    private static string Correlation(double r) => double.IsNaN(r) ? "none (no variation)" : r.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Small(double x) => x.ToString("0.00E+0", CultureInfo.InvariantCulture);
}
