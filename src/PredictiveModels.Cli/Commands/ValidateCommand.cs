using System.CommandLine;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Cli.Rendering.Documents;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>validate SCENARIO</c>: checks a scenario file and reports what it holds.</summary>
internal static class ValidateCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (.yaml, .yml or .json) to check." };
        CommonOptions.RejectUnknownOptions(scenario);
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command(
            "validate",
            """
            Check a scenario file: the schema (unknown or missing keys, wrong kinds of value), the world model (duplicate
            names, unknown references, definition cycles, weights and bits out of range), every expression (syntax, types,
            arities) and that every candidate can be scored. Every problem is reported with its file, line and column;
            the exit code is 0 when the scenario is valid and 1 when it is not. The embedded default scenario, which the
            other commands use when no file is given, is always valid; samples/scenarios/default.yaml holds its text.
            """)
        {
            scenario,
            format,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!);
            CommonOptions.NoteBeliefs(loaded, parse.InvocationConfiguration.Error);

            // What train would refuse, validation refuses: a chain too large for the limit or for this machine's memory
            // (with the relaxation time, which train computes unless told not to; the message gives both figures).
            ChainBudget.Check(loaded, relaxation: true);
            var report = StructureScorer.Score(loaded);
            var provenance = Provenance.Of(loaded);
            var text = Render(loaded, report, provenance, parse.GetValue(format));
            await CommonOptions.WriteAsync(text, parse.GetValue(format), provenance, context, parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(Scenario scenario, ScoreReport report, Provenance provenance, OutputFormat format)
    {
        var concepts = scenario.WorldModel.Concepts.Length;
        var derived = scenario.WorldModel.Concepts.Count(c => c.IsDerived);
        var structures = scenario.Structures.Length;
        var candidates = report.Candidates.Length;
        var summary = $"'{scenario.Source}' is a valid scenario '{scenario.Name}': {concepts} concepts ({derived} derived), {structures} structures, {candidates} candidates.";
        return format switch
        {
            OutputFormat.Json => Json.Serialize(
                new ValidateDocument(ScenarioReference.Of(scenario), Valid: true, concepts, derived, structures, candidates) { Provenance = ProvenanceDocument.Of(provenance) },
                Json.Documents.ValidateDocument),
            OutputFormat.Csv => Csv.Write(["valid", "concepts", "derivedConcepts", "structures", "candidates"], [[true, concepts, derived, structures, candidates]]),
            OutputFormat.Markdown => $"**Valid.** {summary}\n",
            _ => summary + "\n",
        };
    }
}
