using System.Globalization;
using System.Text;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>explain STRUCTURE --configuration ...</c>: the energy of one configuration of the chain in one phase, term by term.</summary>
internal static class ExplainEnergy
{
    /// <summary>How each term of <see cref="EnergyTerms.Names"/> is computed, in the notation of docs/dynamics.md.</summary>
    private static readonly Dictionary<string, string> Formulas = new(StringComparer.Ordinal)
    {
        ["world"] = "a x_w K_world",
        ["goal"] = "a min(g r, K_b)",
        ["horizon"] = "a H, if long-term",
        ["awareness"] = "a A, if aware",
        ["deceptiveOverhead"] = "a O, if deceptive",
        ["objective"] = "a Kobj, if deceptive",
        ["proxyNormalisation"] = "T log2 sum 2^(-a p'/T), if deceptive",
        ["oversightPenalty"] = "a penalty, if long-term and aware",
        ["speed"] = "lambda log2 T_b",
        ["cameraSpeed"] = "(lambda_c - lambda) log2 C",
        ["worldLoss"] = "n worldGap (1 - x_w)",
        ["goalLoss"] = "n goalGap (1 - min(g r, K_b) / K_b)",
        ["lossGap"] = "n lossGap_b",
        ["horizonBonus"] = "-n horizonBonus, if long-term",
        ["awarenessBonus"] = "-n awarenessBonus, if aware",
        ["klRegularisation"] = "kappa E_pre",
        ["interspersedPretraining"] = "phi (E_pre - E_phase)",
    };

    /// <summary>The formula of a term; on the deceptive branch the goal term is the kept proxy's <c>k</c> steps.</summary>
    private static string Formula(EnergyModel model, Configuration c, string term) =>
        term == "goal" && c.Branch == model.DeceptiveBranch ? "a min(k r, K_b), the proxy" : Formulas[term];

    public static string Render(Scenario scenario, EnergyModel model, Configuration c, Provenance provenance, OutputFormat format, int width = Text.DefaultWidth)
    {
        var terms = model.Terms(c);
        return format switch
        {
            OutputFormat.Json => Json.Serialize(ExplainEnergyDocument.Of(scenario, model, c, terms, provenance), Json.Documents.ExplainEnergyDocument),
            OutputFormat.Csv => Csv.Write(["energy", "term", "bits"], CsvRows(model, terms)),
            OutputFormat.Markdown => RenderMarkdown(model, c, terms),
            _ => RenderTable(model, c, terms, width),
        };
    }

    private static IEnumerable<IReadOnlyList<object?>> CsvRows(EnergyModel model, EnergyTerms terms)
    {
        foreach (var term in terms.Terms)
        {
            yield return [model.Phase.Name, term.Name, term.Bits];
        }

        yield return [model.Phase.Name, "total", terms.Total];
        if (terms.Pretraining is { } pre)
        {
            foreach (var term in pre.Terms.Where(t => t.Name is not ("klRegularisation" or "interspersedPretraining")))
            {
                yield return ["pre-training", term.Name, term.Bits];
            }

            yield return ["pre-training", "total", pre.Total];
        }
    }

    /// <summary>The lines above the table: what the configuration is and the values the formulas use.</summary>
    private static IEnumerable<string> Header(EnergyModel model, Configuration c)
    {
        var branch = model.Branches[c.Branch];
        var deceptive = c.Branch == model.DeceptiveBranch;
        var goal = deceptive ? model.Branches[c.Origin] : branch;
        var phase = model.Phase;
        var analysis = model.Analysis;
        var settings = model.Settings;
        yield return $"energy of {branch.Label} at {ConfigurationText.Format(model, c)} in phase {phase.Name}";
        yield return Invariant($"  world step {c.World} of {model.World.Steps}: x_w = {Text.Number(model.World.Fractions[c.World])}");
        yield return deceptive
            ? Invariant($"  proxy: {c.Goal} of the {goal.Steps} goal steps of {goal.Label} (K_b = {Text.Bits(goal.Bits)} bits), r = {Text.Number(settings.GoalResolution)} bits per step")
            : Invariant($"  goal: step {c.Goal} of {goal.Steps} (K_b = {Text.Bits(goal.Bits)} bits), r = {Text.Number(settings.GoalResolution)} bits per step");
        yield return Invariant($"  runtime T_b = {Text.Number(branch.RuntimeSteps)} steps, of which the camera's C = {Text.Number(branch.CameraSteps)}; loss gap {Text.Number(branch.LossGap)} bits per token");
        yield return Invariant($"  a = {Text.Number(analysis.SimplicityExponent)}, lambda = {Text.Number(analysis.SpeedWeight)}, n = {Text.Number(phase.DataSize ?? analysis.DataSize)} tokens, T = {Text.Number(settings.Temperature)}; H = {Text.Bits(model.Accounting.HorizonBits)}, A = {Text.Bits(model.Accounting.AwarenessBits)} bits");
        if (phase.KlWeight != 0 || phase.PretrainingFraction != 0)
        {
            yield return Invariant($"  kappa = {Text.Number(phase.KlWeight)}, phi = {Text.Number(phase.PretrainingFraction)}: the energy is (1 - phi) E_phase + (phi + kappa) E_pre");
        }
    }

    private static string RenderTable(EnergyModel model, Configuration c, EnergyTerms terms, int width)
    {
        var table = Text.Table("term", "formula", "bits");
        foreach (var term in terms.Terms)
        {
            Text.Row(table, term.Name, Formula(model, c, term.Name), Text.Bits(term.Bits));
        }

        if (terms.Pretraining is { } pre)
        {
            Text.Row(table, "E_phase", "the terms above the last two", Text.Bits(terms.PhaseEnergy));
            Text.Row(table, "E_pre", "the same configuration in pre-training", Text.Bits(pre.Total));
        }

        Text.Row(table, "total", "E(c)", Text.Bits(terms.Total));
        var header = string.Join("\n", Header(model, c));
        return Text.Render(width, Text.Line(header), table, Text.Line(Invariant($"description bits K(c) = {Text.Bits(model.DescriptionBits(c))}; every term is in bits, its weight included, and the terms add up to the total (up to rounding)")));
    }

    private static string RenderMarkdown(EnergyModel model, Configuration c, EnergyTerms terms)
    {
        var b = new StringBuilder();
        var lines = Header(model, c).ToArray();
        b.AppendLine($"## {lines[0]}").AppendLine();
        foreach (var line in lines.Skip(1))
        {
            b.AppendLine($"- {line.Trim()}");
        }

        b.AppendLine();
        var rows = terms.Terms.Select(t => (IReadOnlyList<string>)[t.Name, Markdown.Code(Formula(model, c, t.Name)), Text.Bits(t.Bits)]).ToList();
        if (terms.Pretraining is { } pre)
        {
            rows.Add(["E_phase", "the terms above the last two", Text.Bits(terms.PhaseEnergy)]);
            rows.Add(["E_pre", "the same configuration in pre-training", Text.Bits(pre.Total)]);
        }

        rows.Add(["total", Markdown.Code("E(c)"), Text.Bits(terms.Total)]);
        Markdown.Table(b, ["term", "formula", "bits"], rows);
        return b.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
