using System.CommandLine;
using System.Globalization;
using System.Text;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Reproducibility;
using PredictiveModels.Structures;
using Spectre.Console.Rendering;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>uncertainty [SCENARIO] --samples N --seed S [--dynamics] [--shard I/K]</c>: the scenario's beliefs carried through the posterior (and training) by Monte Carlo.</summary>
internal static class UncertaintyCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var samples = new Option<int>("--samples")
        {
            Description = $"Base samples N, 2 to {PropagationSettings.MaxSamples:N0}: each draws every belief once. The standard error of a mean falls with the square root of N. With Sobol indices the model runs N (d + 2) times for d beliefs.",
            DefaultValueFactory = _ => 1000,
            HelpName = "n",
            CustomParser = CommonOptions.ParseNumber<int>,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the draws and of the bootstrap; sample i's draws depend only on the seed and i, so the same seed gives the same result on any number of threads and in any shards.",
            DefaultValueFactory = _ => 1UL,
            CustomParser = CommonOptions.ParseNumber<ulong>,
        };
        var dynamics = new Option<bool>("--dynamics")
        {
            Description = "Train the chain in every evaluation too, and report the end of training (high path dependence) and the equilibrium beside the posterior. Costs one training per evaluation.",
        };
        var sensitivity = new Option<SensitivityMethod?>("--sensitivity")
        {
            Description = "sobol: Sobol first- and total-order indices with bootstrap 95% intervals, plus rank correlations (d + 2 evaluations per sample; needs independent beliefs). rank: rank correlations only (one evaluation per sample). Default: sobol, or rank when the scenario correlates its beliefs.",
            HelpName = "sobol|rank",
            CustomParser = result => ParseSensitivity(result),
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples behind the Sobol indices' 95% intervals, 100 to 100,000.",
            DefaultValueFactory = _ => PropagationSettings.DefaultBootstrapResamples,
            HelpName = "n",
            CustomParser = CommonOptions.ParseNumber<int>,
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Compute only part I of K of the samples (I from 1 to K) and write it as a JSON shard document; 'merge' joins the K parts into exactly the document of the whole run.",
            HelpName = "I/K",
        };
        var command = new Command(
            "uncertainty",
            """
            Carries the scenario's beliefs through the simplicity posterior (low path dependence) by Monte Carlo,
            and with --dynamics through training as well (end of training and equilibrium).
            A scenario states a belief where a number goes, in Squiggle's notation (docs/uncertainty.md):
              analysis:
                dataSize: 1e3 to 1e5                        a 90% interval (lognormal: both ends > 0)
                speedWeight: "truncate(normal(0.5, 1), 0, 10)"
            and may correlate two beliefs by rank: uncertainty: { correlations: [ { between: [A, B], rank: 0.6 } ] }.
            Prints, per measure, P(Deceptive)'s mean with its Monte Carlo standard error and 95% interval, its
            quantiles and histogram, each outcome class's mean and quantiles, and which belief drives
            P(Deceptive): rank correlations, and Sobol indices (the share of P(Deceptive)'s variance a belief
            explains alone, and with its interactions).
              predictive-models uncertainty uncertain.yaml --samples 1024 --seed 7
              predictive-models uncertainty uncertain.yaml --dynamics --sensitivity rank --samples 200
            On a cluster, split the samples into shards and merge them (samples/cluster/slurm/):
              predictive-models uncertainty uncertain.yaml --samples 4096 --shard 2/8 -o shard-2.json
              predictive-models merge shard-*.json -o whole.json
            """)
        {
            scenario,
            samples,
            seed,
            dynamics,
            sensitivity,
            bootstrap,
            shard,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var count = parse.GetValue(samples);
            if (count < 2 || count > PropagationSettings.MaxSamples)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--samples is {count}; give 2 to {PropagationSettings.MaxSamples}"));
            }

            var resamples = parse.GetValue(bootstrap);
            if (resamples < 100 || resamples > 100_000)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--bootstrap is {resamples}; give 100 to 100000"));
            }

            var part = parse.GetValue(shard) is { } text ? ParseShard(text, count) : ((int Index, int Count)?)null;
            var chosen = parse.GetValue(format);
            if (part is not null && parse.GetResult(format) is { Implicit: false } && chosen != OutputFormat.Json)
            {
                throw new UsageException("--shard writes a JSON shard document for 'merge'; leave out --format or give --format json");
            }

            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario));
            var method = parse.GetValue(sensitivity) ?? DefaultSensitivity(loaded);
            if (method == SensitivityMethod.Sobol && !loaded.BeliefCorrelations.IsEmpty)
            {
                throw new UsageException($"--sensitivity sobol: scenario '{loaded.Name}' correlates its beliefs, and Sobol indices assume independent beliefs; give --sensitivity rank (the default for such a scenario)");
            }

            var settings = new PropagationSettings(count, parse.GetValue(seed), parse.GetValue(dynamics), method, resamples);
            var reference = ScenarioReference.Of(loaded)!;
            var provenance = Provenance.Of(loaded, settings.Seed);
            string rendered;
            if (part is { } p)
            {
                var (first, size) = BeliefPropagation.Shard(count, p.Index, p.Count);
                var evaluations = ProgressDisplay.Run(context, $"shard {p.Index}/{p.Count}", progress => BeliefPropagation.Evaluate(loaded, settings, first, size, progress: progress, cancellation: cancellation));
                rendered = RenderShard(reference, provenance, loaded.UncertainParameters, settings, p.Index, p.Count, evaluations);
            }
            else
            {
                var result = ProgressDisplay.Run(context, "sampling", progress => BeliefPropagation.Run(loaded, settings, progress: progress, cancellation: cancellation));
                rendered = Render(reference, provenance, result, chosen, Text.WidthFor(context, parse.GetValue(output)));
            }

            await CommonOptions.WriteAsync(rendered, part is null ? chosen : OutputFormat.Json, provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Sobol indices unless the scenario correlates its beliefs (the indices assume independent inputs).</summary>
    private static SensitivityMethod DefaultSensitivity(Scenarios.Scenario scenario) =>
        scenario.BeliefCorrelations.IsEmpty ? SensitivityMethod.Sobol : SensitivityMethod.RankCorrelation;

    private static SensitivityMethod? ParseSensitivity(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "sobol":
                return SensitivityMethod.Sobol;
            case "rank" or "rankcorrelation":
                return SensitivityMethod.RankCorrelation;
            default:
                result.AddError($"'{text}' is not a valid sensitivity method; use sobol or rank");
                return null;
        }
    }

    /// <summary>Reads <c>--shard I/K</c>.</summary>
    private static (int Index, int Count) ParseShard(string text, int samples)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new UsageException($"--shard is '{text}'; give I/K with whole numbers, such as 2/8 for the second of eight shards");
        }

        if (count < 1 || index < 1 || index > count)
        {
            throw new UsageException($"--shard is '{text}'; I must be from 1 to K, and K at least 1");
        }

        if (count > samples)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--shard is '{text}': {count} shards of {samples} samples would leave some empty; give at most {samples} shards"));
        }

        return (index, count);
    }

    /// <summary>The shard document of a part of the samples.</summary>
    public static string RenderShard(ScenarioReference scenario, Provenance provenance, System.Collections.Immutable.ImmutableArray<Scenarios.UncertainParameter> parameters, PropagationSettings settings, int index, int count, PropagationEvaluations evaluations) =>
        Json.Serialize(
            new UncertaintyShardDocument(
                scenario,
                settings.Seed,
                settings.Samples,
                settings.Dynamics,
                UncertaintyDocument.SensitivityName(settings.Sensitivity),
                settings.Sensitivity == SensitivityMethod.Sobol ? settings.BootstrapResamples : null,
                new ShardDocument(index, count, (int)evaluations.FirstSample, evaluations.Count),
                [.. parameters.Select(p => new BeliefDocument(p.Path, p.Notation, p.Median))],
                new EvaluationsDocument(
                    evaluations.EvaluationsPerSample,
                    [.. evaluations.Measures.Select(UncertaintyDocument.MeasureName)],
                    [.. OutcomeDistribution.Classes.Select(c => c.ToString())],
                    evaluations.Inputs,
                    evaluations.Outputs))
            {
                Provenance = ProvenanceDocument.Of(provenance),
            },
            Json.Documents.UncertaintyShardDocument);

    /// <summary>The output of a whole propagation (as <c>uncertainty</c> and <c>merge</c> write it).</summary>
    public static string Render(ScenarioReference scenario, Provenance provenance, BeliefPropagationResult result, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(UncertaintyDocument.Of(scenario, result, provenance), Json.Documents.UncertaintyDocument),
        OutputFormat.Csv => RenderCsv(result),
        OutputFormat.Markdown => RenderMarkdown(scenario, result),
        _ => RenderTable(scenario, result, width),
    };

    private static string RenderCsv(BeliefPropagationResult result)
    {
        var measures = result.Settings.Measures;
        var headlines = measures.Select(m => result.DeceptiveSamples(m)).ToArray();
        return Csv.Write(
            ["sample", .. result.Parameters.Select(p => p.Path), .. measures.Select(ColumnName)],
            Enumerable.Range(0, result.Settings.Samples).Select(i => (IReadOnlyList<object?>)[i, .. Inputs(result, i), .. headlines.Select(h => (object?)h[i])]));
    }

    private static string ColumnName(PropagationMeasure measure) => measure == PropagationMeasure.Posterior ? "pDeceptive" : "pDeceptive." + UncertaintyDocument.MeasureName(measure);

    /// <summary>The values one sample drew, in the order of the parameters.</summary>
    private static IEnumerable<object?> Inputs(BeliefPropagationResult result, int sample) =>
        Enumerable.Range(0, result.Parameters.Length).Select(j => (object?)result.Input(sample, j));

    private static string MeasureTitle(PropagationMeasure measure) => measure switch
    {
        PropagationMeasure.EndOfTraining => "end of training (high path dependence)",
        PropagationMeasure.Equilibrium => "equilibrium of the last phase",
        _ => "simplicity posterior (low path dependence)",
    };

    private static string Headline(ScenarioReference scenario, BeliefPropagationResult result)
    {
        var s = result.Settings;
        var d = result.Parameters.Length;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"Uncertainty: scenario '{scenario.Name}', {d} belief{(d == 1 ? "" : "s")}, {s.Samples:N0} samples, seed {s.Seed}");
        b.AppendLine(s.Sensitivity == SensitivityMethod.Sobol
            ? string.Create(CultureInfo.InvariantCulture, $", Saltelli design ({s.EvaluationsPerSample(d)} evaluations per sample; summaries over the {s.Samples:N0} base draws).")
            : ".");
        return b.ToString();
    }

    private static string Title(PropagationMeasure measure) => char.ToUpperInvariant(MeasureTitle(measure)[0]) + MeasureTitle(measure)[1..];

    private static string MeasureHeadline(MeasureSummary m, bool titled = true)
    {
        var p = m.DeceptiveProbability;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"{(titled ? Title(m.Measure) + ": " : "")}P(Deceptive) mean {PosteriorCommand.Probability(p.Mean)} (Monte Carlo standard error {Small(p.StandardError)}; 95% interval of the mean {PosteriorCommand.Probability(Math.Max(0, p.MeanLower95))} to {PosteriorCommand.Probability(Math.Min(1, p.MeanUpper95))})");
        b.AppendLine(CultureInfo.InvariantCulture, $"  quantiles: {string.Join(", ", SampleSummary.QuantileLevels.Select((q, k) => $"{q * 100:0}% {PosteriorCommand.Probability(p.Quantiles[k])}"))}");
        return b.ToString();
    }

    private static string RenderTable(ScenarioReference scenario, BeliefPropagationResult result, int width)
    {
        var items = new List<IRenderable> { Text.Line(Headline(scenario, result).TrimEnd('\n')) };
        var beliefs = Text.Table("belief", "distribution", "median");
        foreach (var u in result.Parameters)
        {
            Text.Row(beliefs, u.Path, u.Notation, Text.Number(u.Median));
        }

        items.Add(beliefs);
        foreach (var m in result.Measures)
        {
            items.Add(Text.Line(MeasureHeadline(m).TrimEnd('\n')));
            var sensitivity = Text.Table([.. SensitivityHeader(m)]);
            for (var j = 0; j < result.Parameters.Length; j++)
            {
                Text.Row(sensitivity, [.. SensitivityRow(m, j, result.Parameters[j].Path)]);
            }

            var classes = Text.Table(["class", "mean", .. SampleSummary.QuantileLevels.Select(q => $"{q * 100:0}%")]);
            for (var c = 0; c < OutcomeDistribution.Classes.Length; c++)
            {
                var s = m.Classes[c];
                Text.Row(classes, [OutcomeDistribution.Classes[c].ToString(), PosteriorCommand.Probability(s.Mean), .. s.Quantiles.Select(PosteriorCommand.Probability)]);
            }

            var histogram = Text.Table("P(Deceptive) in", "samples");
            var counts = m.DeceptiveProbability.HistogramCounts;
            for (var k = 0; k < counts.Length; k++)
            {
                if (counts[k] > 0)
                {
                    Text.Row(histogram, Bin(k), counts[k].ToString(CultureInfo.InvariantCulture));
                }
            }

            items.Add(sensitivity);
            items.Add(classes);
            items.Add(Text.Line("Histogram of P(Deceptive) (bins of 0.05; empty bins left out):"));
            items.Add(histogram);
        }

        return Text.Render(width, [.. items]);
    }

    private static string RenderMarkdown(ScenarioReference scenario, BeliefPropagationResult result)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"## Uncertainty: scenario {Markdown.Code(scenario.Name)}");
        b.AppendLine();
        b.AppendLine(Headline(scenario, result).TrimEnd('\n'));
        b.AppendLine();
        Markdown.Table(b, ["belief", "distribution", "median"], result.Parameters.Select(u => (IReadOnlyList<string>)[Markdown.Code(u.Path), Markdown.Code(u.Notation), Text.Number(u.Median)]));
        foreach (var m in result.Measures)
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"### {Title(m.Measure)}");
            b.AppendLine();
            b.Append(MeasureHeadline(m, titled: false).Replace("\n  quantiles", "\n\nQuantiles", StringComparison.Ordinal));
            b.AppendLine();
            Markdown.Table(b, [.. SensitivityHeader(m)], result.Parameters.Select((u, j) => (IReadOnlyList<string>)[.. SensitivityRow(m, j, Markdown.Code(u.Path))]));
            b.AppendLine();
            Markdown.Table(
                b,
                ["class", "mean", .. SampleSummary.QuantileLevels.Select(q => $"{q * 100:0}%")],
                Enumerable.Range(0, OutcomeDistribution.Classes.Length).Select(c => (IReadOnlyList<string>)[OutcomeDistribution.Classes[c].ToString(), PosteriorCommand.Probability(m.Classes[c].Mean), .. m.Classes[c].Quantiles.Select(PosteriorCommand.Probability)]));
        }

        return b.ToString();
    }

    private static IEnumerable<string> SensitivityHeader(MeasureSummary m) => m.Sobol is null
        ? ["belief", "rank correlation with P(Deceptive)"]
        : ["belief", "rank correlation", "first-order index [95%]", "total-order index [95%]"];

    private static IEnumerable<string> SensitivityRow(MeasureSummary m, int j, string belief)
    {
        yield return belief;
        yield return Correlation(m.RankCorrelations[j]);
        if (m.Sobol is { } sobol)
        {
            var index = sobol.Indices[j];
            yield return Index(index.FirstOrder, index.FirstOrderLower95, index.FirstOrderUpper95);
            yield return Index(index.TotalOrder, index.TotalOrderLower95, index.TotalOrderUpper95);
        }
    }

    private static string Index(double value, double lower, double upper) => double.IsNaN(value)
        ? "none (no variance)"
        : string.Create(CultureInfo.InvariantCulture, $"{value:0.000} [{lower:0.000}, {upper:0.000}]");

    private static string Bin(int k) => string.Create(CultureInfo.InvariantCulture, $"{k * 0.05:0.00} to {(k + 1) * 0.05:0.00}");

    private static string Correlation(double r) => double.IsNaN(r) ? "none (no variation)" : r.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Small(double x) => x.ToString("0.00E+0", CultureInfo.InvariantCulture);
}
