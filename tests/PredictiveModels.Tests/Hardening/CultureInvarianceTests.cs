using System.Globalization;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Hardening;

/// <summary>The library gives the same results and messages when its host runs under de-DE (decimal comma, dot for thousands).</summary>
public sealed class CultureInvarianceTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static TheoryData<string> Samples => [.. TestScenarios.SampleFiles()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_scores_the_same_under_de_DE(string sample)
    {
        var invariant = Under(CultureInfo.InvariantCulture, () => Describe(ScenarioLoader.Load(TestScenarios.Sample(sample))));

        var german = Under(German, () => Describe(ScenarioLoader.Load(TestScenarios.Sample(sample))));

        german.Should().Be(invariant);
    }

    public static TheoryData<string> BadScenarios => new()
    {
        "schemaVersion: 1\nextends: default\nanalysis:\n  simplicityExponent: -0.5\n  eliminationThreshold: 1.5\n",
        "schemaVersion: 1\nextends: default\ndynamics:\n  temperature: -1.5\n  tolerance: 0.5\n",
        "schemaVersion: 1\nextends: default\ndynamics:\n  worldSteps: 10000\n  goalResolution: 0.5\n",
        "schemaVersion: 1\nextends: default\nstructures:\n  - id: huge\n    camera: corpus\n    procedure: plan(" + new string('9', 400) + ")\n    class: Desired\n    mechanisms: [internal]\n",
        "schemaVersion: 1\nextends: default\ndynamics:\n  phases:\n    - name: a\n      duration: -2.5\n",
    };

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public void An_error_message_is_the_same_under_de_DE(string text)
    {
        var invariant = Under(CultureInfo.InvariantCulture, () => Errors(text));

        var german = Under(German, () => Errors(text));

        german.Should().Be(invariant).And.NotBe("valid");
    }

    private static string Errors(string text)
    {
        try
        {
            PredictiveModels.Dynamics.ChainBudget.Check(ScenarioLoader.Parse(text, "culture.yaml"), long.MaxValue);
            return "valid";
        }
        catch (ModelException e)
        {
            return e.Message;
        }
    }

    private static string Describe(Scenario scenario)
    {
        var report = StructureScorer.Score(scenario);
        // The numbers are formatted here in the invariant culture: what is compared is what the library computed.
        var numbers = report.Candidates.Select(c => (c.Structure.Id, c.Mechanism, c.Bits, c.Kmin))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Id} {c.Mechanism} {c.Bits:R} {c.Kmin:R}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"{scenario.Analysis.DataSize:R} {scenario.Analysis.SimplicityExponent:R} {scenario.Dynamics.Temperature:R} {scenario.Phases.Sum(p => p.Duration):R}"));
        return string.Join('\n', numbers);
    }

    private static T Under<T>(CultureInfo culture, Func<T> action) => Cultures.Under(culture, action);
}
