using System.CommandLine;
using PredictiveModels.Analysis;
using PredictiveModels.Cli.Rendering;
using PredictiveModels.Rendering.Report;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Commands;

/// <summary><c>report [SCENARIO]</c>: the analysis of <c>run</c> as one self-contained HTML page with its charts.</summary>
internal static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var skipRelaxation = new Option<bool>("--skip-relaxation")
        {
            Description = "Do not compute the baseline's relaxation time and the time at which its equilibrium is reached (as in 'run --skip-relaxation'); the report then says 'not computed'. They are most of the cost on the default scenario.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the page to this file (for example report.html) instead of standard output. The file appears whole or not at all; only a regular file or a new name in an existing folder is replaced.",
            HelpName = "file",
        };
        var command = new Command(
            "report",
            """
            The analysis of 'run' as one self-contained HTML page, to open in any browser, print or attach: the headline
            P(Deceptive) under the simplicity posterior, at the end of training (high path dependence) and at the
            equilibrium of the last phase (low path dependence); the lever table and chart; every candidate's score with
            its bit breakdown; the posterior by class and by candidate; training phase by phase with its charts; and the
            provenance (version and the scenario's SHA-256). Charts are inline SVG and the style is inline: the page
            fetches nothing and runs no script. The same scenario gives the same bytes.

            Examples:
              predictive-models report -o report.html              the default scenario
              predictive-models report my.yaml -o my-report.html   your own scenario
              predictive-models report my.yaml --skip-relaxation -o quick.html
            """)
        {
            scenario,
            skipRelaxation,
            output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            // A path that cannot be written fails before the analysis (over a minute on the default scenario), not after it.
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                AtomicFile.CheckTarget(path);
            }

            var loaded = CommonOptions.LoadScenario(parse.GetValue(scenario), parse);

            // The fingerprint of the scenario as read, taken before the analysis changes anything in code.
            var provenance = Provenance.Of(loaded);
            var result = ProgressDisplay.Run(context, "analysis", progress => ScenarioAnalysis.Run(loaded, relaxation: !parse.GetValue(skipRelaxation), progress: progress, cancellation: cancellation));
            await CommonOptions.WriteAsync(writer => HtmlReport.Write(result, provenance, writer), parse.GetValue(output), parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Success;
        });
        return command;
    }
}
