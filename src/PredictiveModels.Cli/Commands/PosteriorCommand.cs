using System.CommandLine;
using System.Globalization;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>posterior [SCENARIO]</c>: the simplicity posterior, P(Deceptive), bits underwater and eliminations.</summary>
internal static class PosteriorCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "posterior",
            """
            Low path dependence: the posterior over candidates under a simplicity (and speed) prior,
              log2 w(m) = -(a K(m) + lambda log2 T(m) + n lossGap(m)),  P(m) = w(m) / sum of w,
            with a, lambda and n from the scenario's analysis section (defaults 1, 0 and 1e9 tokens). Prints
            P(Deceptive), the probability of every outcome class, the candidate table, the bits underwater
            (log2 of P(best deceptive) / P(best non-deceptive): positive means deception is favoured) and the data
            size at which each structure with a loss gap is eliminated. P(Deceptive) under the other hole cost
            (Kmin instead of Kclass, or the reverse) is shown too.
            """)
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            var result = SimplicityPosterior.Compute(loaded);
            var otherCost = loaded.Analysis.HoleCost == HoleCost.Class ? HoleCost.Min : HoleCost.Class;
            var other = SimplicityPosterior.Compute(loaded.With(analysis: loaded.Analysis.With(holeCost: otherCost)));
            var text = Render(loaded, result, (otherCost, other.DeceptiveProbability), Provenance.Of(loaded), parse.GetValue(format), Text.WidthFor(context, parse.GetValue(output)));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), Provenance.Of(loaded), context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, PosteriorResult result, (HoleCost Cost, double PDeceptive) other, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth) => format switch
    {
        OutputFormat.Json => Json.Serialize(PosteriorDocument.Of(scenario, result, other, provenance), Json.Documents.PosteriorDocument),
        OutputFormat.Csv => Csv.Write(
            ["structure", "mechanism", "class", "bits", "runtimeSteps", "lossGap", "log2Weight", "log2Probability", "probability"],
            result.Candidates.Select(c => (IReadOnlyList<object?>)[c.Score.Structure.Id, ScoreCommand.Name(c.Score.Mechanism), c.Score.Class.ToString(), c.Score.Bits, c.Score.RuntimeSteps, c.Score.LossGap, c.Log2Weight, c.Log2Probability, c.Probability])),
        OutputFormat.Markdown => RenderMarkdown(scenario, result, other),
        _ => RenderTable(scenario, result, other, width),
    };

    public static string Probability(double p) =>
        p == 0 ? "0" : p >= 1e-4 ? p.ToString("0.0000", CultureInfo.InvariantCulture) : p.ToString("0.00E+0", CultureInfo.InvariantCulture);

    /// <summary>A probability given by its log2: as a number, or as a power of 2 where it underflows; exactly 0 (a class without candidates) is "0".</summary>
    public static string Log2Probability(double log2P) =>
        double.Exp2(log2P) > 0 || double.IsNegativeInfinity(log2P) ? Probability(double.Exp2(log2P)) : "2^" + log2P.ToString("0", CultureInfo.InvariantCulture);

    private static string Headline(Scenario scenario, PosteriorResult result, (HoleCost Cost, double PDeceptive) other)
    {
        var s = scenario.Analysis;
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"P(Deceptive) = {Probability(result.DeceptiveProbability)}   (scenario '{scenario.Name}'; a = {Text.Number(s.SimplicityExponent)}, lambda = {Text.Number(s.SpeedWeight)}, n = {Text.Number(s.DataSize)} tokens; holes cost {PredictiveModels.Rendering.CostNames.Of(s.HoleCost, s.ClassMeasure)})");
        if (result.BitsUnderwater is { } u)
        {
            var side = u > 0 ? "the best deceptive candidate is ahead of the best honest one" : "the best honest candidate is ahead of the best deceptive one";
            b.AppendLine(CultureInfo.InvariantCulture, $"Bits underwater: {Text.Bits(u)} ({side} by {Text.Bits(Math.Abs(u))} bits)");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"With holes at {PredictiveModels.Rendering.CostNames.Of(other.Cost, s.ClassMeasure)} instead: P(Deceptive) = {Probability(other.PDeceptive)}");
        return b.ToString();
    }


    private static string Eliminated(Elimination e) => e.EliminatedAtDataSize switch
    {
        null => "never (no candidate fits the data better)",
        0 => "at any data size (too complex)",
        { } at => "beyond n = " + Text.Number(at) + " tokens",
    };

    private static string RenderTable(Scenario scenario, PosteriorResult result, (HoleCost Cost, double PDeceptive) other, int width)
    {
        var classes = Text.Table("class", "probability");
        foreach (var c in result.Classes)
        {
            Text.Row(classes, c.Class.ToString(), Log2Probability(result.Classes.Log2Probability(c.Class)));
        }

        var candidates = Text.Table("structure", "mechanism", "class", "K (bits)", "log2 T", "loss gap", "log2 w", "P");
        foreach (var c in result.Candidates)
        {
            Text.Row(candidates, c.Score.Structure.Id, ScoreCommand.Name(c.Score.Mechanism), c.Score.Class.ToString(), Text.Bits(c.Score.Bits),
                Text.Bits(Math.Log2(c.Score.RuntimeSteps)), Text.Number(c.Score.LossGap), Text.Bits(c.Log2Weight), Log2Probability(c.Log2Probability));
        }

        var eliminations = Text.Table("structure", "loss gap (bits/token)", "share now", "eliminated");
        foreach (var e in result.Eliminations)
        {
            Text.Row(eliminations, e.StructureId, Text.Number(e.LossGap), Log2Probability(e.Log2Share), Eliminated(e));
        }

        return Text.Render(width, Text.Line(Headline(scenario, result, other)), classes, candidates, Text.Line($"Structures with a loss gap (eliminated when their share falls below {Text.Number(result.EliminationThreshold)}):"), eliminations);
    }

    private static string RenderMarkdown(Scenario scenario, PosteriorResult result, (HoleCost Cost, double PDeceptive) other)
    {
        var b = new StringBuilder();
        b.AppendLine($"## Posterior: {scenario.Name}").AppendLine();
        b.AppendLine(Headline(scenario, result, other).Replace("\n", "  \n", StringComparison.Ordinal));
        Markdown.Table(b, ["class", "probability"], result.Classes.Select(c => (IReadOnlyList<string>)[c.Class.ToString(), Log2Probability(result.Classes.Log2Probability(c.Class))]));
        b.AppendLine();
        Markdown.Table(b, ["structure", "mechanism", "class", "K (bits)", "log2 w", "P"],
            result.Candidates.Select(c => (IReadOnlyList<string>)[c.Score.Structure.Id, ScoreCommand.Name(c.Score.Mechanism), c.Score.Class.ToString(), Text.Bits(c.Score.Bits), Text.Bits(c.Log2Weight), Log2Probability(c.Log2Probability)]));
        b.AppendLine();
        Markdown.Table(b, ["structure", "loss gap", "share", "eliminated"],
            result.Eliminations.Select(e => (IReadOnlyList<string>)[e.StructureId, Text.Number(e.LossGap), Log2Probability(e.Log2Share), Eliminated(e)]));
        return b.ToString();
    }
}
