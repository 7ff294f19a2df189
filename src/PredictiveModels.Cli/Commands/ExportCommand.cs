using System.CommandLine;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>export-generator [SCENARIO] --phase NAME --output FILE</c>: one phase's generator in Matrix Market format.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var scenario = CommonOptions.ScenarioArgument();
        var phase = new Option<string?>("--phase")
        {
            Description = "The phase whose generator to export, by name; by default the first phase.",
            HelpName = "name",
        };
        var output = CommonOptions.Output();
        var command = new Command(
            "export-generator",
            """
            Write the generator Q of one training phase's Markov chain (rates from row to column, the diagonal holding
            minus each exit rate) as a Matrix Market coordinate file, so that other tools can check or time the
            transient on exactly this matrix, e.g. scipy.io.mmread and scipy.sparse.linalg.expm_multiply (p is a row
            vector: multiply by Q transposed). Rows and columns are the configurations in the library's order.
            """)
        {
            scenario,
            phase,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);
            ChainBudget.Check(loaded);
            var name = parse.GetValue(phase);
            var chosen = name is null ? loaded.Phases[0] : loaded.Phases.FirstOrDefault(p => p.Name == name)
                ?? throw new UsageException($"scenario '{loaded.Name}' has no phase '{name}'{NameSuggestions.DidYouMean(name, loaded.Phases.Select(p => p.Name))}; its phases are: {string.Join(", ", loaded.Phases.Select(p => p.Name))}");
            var space = ConfigurationSpace.Build(loaded, loaded.Dynamics, chosen);
            // Streamed entry by entry, with a comment line naming its provenance (Matrix Market's comments start with %): the file can be gigabytes, and only the chain itself is held in memory.
            await CommonOptions.WriteAsync(writer => MatrixMarketExport.Write(writer, space, loaded.Name, Provenance.Of(loaded), cancellation), parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }
}
