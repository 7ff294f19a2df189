namespace PredictiveModels.Cli.Tests;

/// <summary>
/// Exit code 3: a valid scenario whose solver cannot meet its tolerance within its limits on work. The input is real:
/// a fine-tuning phase with slow oversight resets (rate 1e-3) on the default scenario at tolerance 1e-15, whose
/// stationary distribution Gauss-Seidel does not bring within the target in its 20,000 sweeps (measured: the residual
/// stays near 1.5e-9 against a target of about 5e-15). It costs about half a minute of CPU, hence Slow.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SolverFailureTests
{
    private const string NonConverging = """
        schemaVersion: 1
        extends: default
        name: slow-resets
        dynamics:
          worldSteps: 2
          goalResolution: 4
          tolerance: 1e-15
          temperature: 1
          phases:
            - name: pre-training
              duration: 10
            - name: watched
              duration: 10
              conditionalBits: 24
              oversightDetectionRate: 1e-3
        """;

    [Fact]
    public async Task A_stationary_solve_that_does_not_converge_exits_3_with_what_did_not_converge_the_figures_and_what_to_change_and_writes_no_file()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("slow-resets.yaml", NonConverging);
        var target = folder.File("train.json");

        var run = (await CliRun.Of("train", scenario, "--skip-relaxation", "--format", "json", "--output", target)).ShouldFailCleanly(ExitCodes.SolverFailure);

        var message = run.Error.TrimEnd('\n');
        message.Should().NotContain("\n", "a solver failure is one line");
        message.Should().StartWith("solver error: equilibrium with resets: the stationary distribution of phase 'watched' with oversight resets did not converge");
        message.Should().MatchRegex(@"after [\d,]+ Gauss-Seidel sweeps \|\|pi Q\|\|_1 is [\d.E+-]+, above the target [\d.E+-]+", "it gives the figures that show it");
        message.Should().Contain("raise dynamics.tolerance or dynamics.goalResolution, or lower the detection rate", "it says what to change");
        message.Should().Contain("(at dynamics.phases[watched].oversightDetectionRate; ").And.MatchRegex(@"residual [\d.E+-]+, sweeps \d+, target [\d.E+-]+, tolerance 1E-15\)$");
        File.Exists(target).Should().BeFalse("a failed run leaves no output file");
        folder.FileNames().Should().Equal("slow-resets.yaml");
    }
}
