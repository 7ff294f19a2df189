using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Hardening;

/// <summary>Errors found after the schema is read still name the file, line and column of the key that causes them.</summary>
public sealed class ErrorLocationTests
{
    [Fact]
    public void A_phase_name_used_twice_is_reported_at_the_second_name()
    {
        var text = "schemaVersion: 1\nextends: default\ndynamics:\n  phases:\n    - name: a\n    - name: b\n    - name: a\n";

        var parse = () => ScenarioLoader.Parse(text, "phases.yaml");

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Be("the phase name 'a' is used twice (first by dynamics.phases[0])");
        error.Location.Should().Be(new SourceLocation("phases.yaml", 7, 7));
        error.Path.Should().Be("dynamics.phases[2].name");
    }

    [Fact]
    public void An_empty_list_of_structures_is_reported_at_its_key_in_yaml()
    {
        var parse = () => ScenarioLoader.Parse("schemaVersion: 1\nworldModel:\n  concepts: []\nstructures: []\n", "empty.yaml");

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().StartWith("the scenario has no structures");
        error.Location.Should().Be(new SourceLocation("empty.yaml", 4, 1));
    }

    [Fact]
    public void An_empty_list_of_structures_is_reported_at_its_key_in_json()
    {
        var parse = () => ScenarioLoader.Parse("{\"schemaVersion\": 1, \"worldModel\": {\"concepts\": []}, \"structures\": []}", "empty.json", ScenarioFormat.Json);

        parse.Should().Throw<ModelException>().Which.Diagnostics.Single().Location.Should().Be(new SourceLocation("empty.json", 1, 54));
    }
}
