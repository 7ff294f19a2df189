using System.Globalization;
using System.Numerics;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Dynamics;

namespace PredictiveModels.Tests.Hardening;

/// <summary>
/// Every text the library itself formats (breakdown labels, expressions, solver figures, estimates, the exported
/// generator) is the same when its host runs under de-DE with globalization on, and keeps the decimal point.
/// </summary>
public sealed class CultureFormattingTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public void The_test_host_really_runs_with_globalization_on_so_de_DE_writes_a_decimal_comma()
    {
        // Without this, every comparison below would compare the invariant culture with itself.
        1.5.ToString(German).Should().Be("1,5");
    }

    [Fact]
    public void Breakdown_labels_and_expressions_are_the_same_under_de_DE()
    {
        static string Text()
        {
            var report = StructureScorer.Score(Scenario.Default);
            var labels = report.Candidates.SelectMany(c => c.Breakdown.Descendants()).Select(b => b.Label);
            var expressions = report.Candidates.Select(c => $"{c.Structure.Camera} {c.Structure.Procedure}");
            return string.Join('\n', labels.Concat(expressions).Append(new NatLiteral(BigInteger.Pow(10, 30) + 12345).ToString()));
        }

        var invariant = Under(CultureInfo.InvariantCulture, Text);

        var german = Under(German, Text);

        german.Should().Be(invariant);
    }

    [Fact]
    public void A_solver_failure_states_its_figures_with_a_decimal_point_under_de_DE()
    {
        static string Text()
        {
            // A stationary solve that cannot reach a residual of 1.5e-300 on a ring of 50 configurations: a real SolverException.
            const int n = 50;
            var rowStart = Enumerable.Range(0, n + 1).Select(j => 2 * j).ToArray();
            var sources = Enumerable.Range(0, n).SelectMany(j => new[] { (j + n - 1) % n, (j + 1) % n }).ToArray();
            var rates = Enumerable.Range(0, n).SelectMany(j => new[] { 1.5 + (((j + n - 1) % n) / 7.0), 0.25 }).ToArray();
            var generator = new Generator(rowStart, sources, rates, [.. Enumerable.Range(0, n).Select(j => 1.5 + (j / 7.0) + 0.25)]);
            var start = Enumerable.Range(0, n).Select(i => i == 0 ? 1.0 : 0.0).ToArray();
            try
            {
                Equilibrium.Stationary(generator, start, 1.5e-300, "watched", CancellationToken.None);
                return "converged";
            }
            catch (SolverException e)
            {
                return e.Message + "\n" + e.FormatFigures();
            }
        }

        var invariant = Under(CultureInfo.InvariantCulture, Text);

        var german = Under(German, Text);

        german.Should().Be(invariant).And.Contain("1.5E-300").And.MatchRegex(@"residual \d\.\d");
    }

    [Fact]
    public void Simulation_estimates_print_the_same_under_de_DE()
    {
        static string Text()
        {
            var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2));
            var result = new TrajectorySimulator(space).Simulate(200, 7.5, seed: 5);
            return string.Join("\n", OutcomeDistribution.Classes.Select(k => result.Estimate(k).ToString()).Append(result.Awareness.ToString()));
        }

        var invariant = Under(CultureInfo.InvariantCulture, Text);

        var german = Under(German, Text);

        german.Should().Be(invariant).And.MatchRegex(@"\d\.\d");
    }

    [Fact]
    public void The_exported_generator_is_the_same_under_de_DE()
    {
        static string Text()
        {
            var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 3, goalResolution: 2, temperature: 1.5));
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            MatrixMarketExport.Write(writer, space, "tiny");
            return writer.ToString();
        }

        var invariant = Under(CultureInfo.InvariantCulture, Text);

        var german = Under(German, Text);

        german.Should().Be(invariant).And.MatchRegex(@"\d\.\d");
    }

    private static T Under<T>(CultureInfo culture, Func<T> action) => Cultures.Under(culture, action);
}
