using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>A scenario file may state a numeric parameter as a belief (a distribution): the reader checks it and holds its median.</summary>
public sealed class ScenarioBeliefTests
{
    private static Scenario Read(string analysisLines, string file = "beliefs.yaml") =>
        ScenarioLoader.Parse($"schemaVersion: 1\nextends: default\nanalysis:\n{analysisLines}", file);

    private static Diagnostic Refusal(string text, string file = "beliefs.yaml") =>
        FluentActions.Invoking(() => ScenarioLoader.Parse(text, file)).Should().Throw<ModelException>().Which.Diagnostics.Single();

    [Fact]
    public void A_belief_stands_in_the_scenario_as_its_median_and_is_listed_with_its_path_and_notation()
    {
        var scenario = Read("  dataSize: 1e3 to 1e5\n  speedWeight: \"truncate(normal(0.5, 1), 0, 10)\"\n");

        scenario.Analysis.DataSize.Should().BeApproximately(1e4, 1e-8);
        scenario.Analysis.SpeedWeight.Should().Be(scenario.UncertainParameters.Single(u => u.Path == "analysis.speedWeight").Median);
        scenario.UncertainParameters.Select(u => (u.Path, u.Notation)).Should().BeEquivalentTo(new[]
        {
            ("analysis.dataSize", "1e3 to 1e5"),
            ("analysis.speedWeight", "truncate(normal(0.5, 1), 0, 10)"),
        });
        scenario.UncertainParameters.Single(u => u.Path == "analysis.dataSize").Distribution.Quantile(0.05).Should().BeApproximately(1e3, 1e-9);
    }

    [Fact]
    public void Beliefs_are_read_from_json_strings_and_for_a_named_concept_under_the_path_sweep_uses()
    {
        var scenario = ScenarioLoader.Parse("""{"schemaVersion": 1, "extends": "default", "worldModel": {"concepts": [{"name": "extra", "type": "Predicate", "bits": "10 to 20", "weight": "uniform(1, 3)"}]}}""", "beliefs.json", ScenarioFormat.Json);

        scenario.UncertainParameters.Select(u => u.Path).Should().BeEquivalentTo(["concepts.extra.weight", "concepts.extra.bits"]);
        scenario.WorldModel.FindConcept("extra")!.Weight.Should().Be(2);
        scenario.WorldModel.FindConcept("extra")!.Bits!.Value.Should().BeApproximately(Math.Sqrt(200), 1e-9, "the median of a lognormal with 5% and 95% quantiles 10 and 20 is their geometric mean");
    }

    [Fact]
    public void A_belief_with_mass_outside_the_valid_range_is_refused_at_its_value_with_that_mass_and_how_to_truncate_it()
    {
        var d = Refusal("schemaVersion: 1\nextends: default\nanalysis:\n  speedWeight: normal(0.5, 1)\n");

        d.Location.Should().Be(new SourceLocation("beliefs.yaml", 4, 16));
        d.Path.Should().Be("analysis.speedWeight");
        d.Message.Should().Be("the belief 'normal(0.5, 1)' puts probability 0.309 outside the values analysis.speedWeight accepts (0 to 1e6); state it within them, for example truncate(normal(0.5, 1), 0, 1e6)");
    }

    [Fact]
    public void A_malformed_belief_is_located_at_the_character_where_reading_stopped()
    {
        var d = Refusal("schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: \"normal(1 2)\"\n");

        d.Location.Should().Be(new SourceLocation("beliefs.yaml", 4, 23), "the '2' that stands where a comma should: after the quote at column 13, the belief's tenth character");
        d.Message.Should().StartWith("expected a belief: expected ',' after the mean of normal(...)");
    }

    [Fact]
    public void A_parameter_that_sets_the_chains_size_refuses_a_belief()
    {
        var d = Refusal("schemaVersion: 1\nextends: default\ndynamics:\n  worldSteps: 5 to 10\n");

        d.Location.Should().Be(new SourceLocation("beliefs.yaml", 4, 15));
        d.Message.Should().Be("expected a whole number but found a scalar '5 to 10': dynamics.worldSteps does not take a belief (a distribution), since it sets the chain's size");
    }

    [Fact]
    public void A_scenario_built_in_code_or_changed_since_it_was_read_has_no_beliefs()
    {
        var read = Read("  dataSize: 1e3 to 1e5\n");

        read.UncertainParameters.Should().ContainSingle();
        Scenario.Default.UncertainParameters.Should().BeEmpty();
        read.With(analysis: read.Analysis.With(dataSize: 5)).UncertainParameters.Should().BeEmpty();
    }
}
