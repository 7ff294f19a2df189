using System.Text;
using PredictiveModels.Scenarios;
using PredictiveModels.Scenarios.Documents;

namespace PredictiveModels.Tests.Scenarios;

public sealed class ScenarioFingerprintTests
{
    private const string Minimal = """
        schemaVersion: 1
        name: tiny
        worldModel:
          concepts:
            - { name: corpus, type: Stream, bits: 4000, weight: 8 }
        structures:
          - { id: p, camera: corpus, procedure: most_likely_next, class: Desired, mechanisms: [internal] }
        """;

    [Fact]
    public void The_canonical_form_sorts_keys_normalises_numbers_and_drops_the_schema_pointer()
    {
        var root = YamlFrontEnd.Read("""
            $schema: ../scenario.schema.json
            b: [1.0, "1.0", x, ~]
            a: { z: 1e0, y: 2 }
            """, "c.yaml");

        Encoding.UTF8.GetString(ScenarioFingerprint.Canonical(root))
            .Should().Be("""{"a":{"y":2,"z":1},"b":[1,"1.0","x",null]}""");
    }

    [Fact]
    public void Layout_comments_key_order_and_format_leave_the_fingerprint_unchanged()
    {
        var yaml = ScenarioLoader.Parse(Minimal, "a.yaml");
        var reordered = ScenarioLoader.Parse("""
            # the same beliefs, laid out differently
            name: tiny
            structures:
              - class: Desired
                procedure: most_likely_next
                camera: corpus
                id: p
                mechanisms: [internal]
            schemaVersion: 1
            worldModel: { concepts: [ { weight: 8.0, bits: 4e3, type: Stream, name: corpus } ] }
            """, "b.yaml");
        var json = ScenarioLoader.Parse("""
            {"schemaVersion": 1, "name": "tiny",
             "worldModel": {"concepts": [{"name": "corpus", "type": "Stream", "bits": 4000, "weight": 8}]},
             "structures": [{"id": "p", "camera": "corpus", "procedure": "most_likely_next", "class": "Desired", "mechanisms": ["internal"]}]}
            """, "c.json", ScenarioFormat.Json);

        yaml.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        reordered.Sha256.Should().Be(yaml.Sha256);
        json.Sha256.Should().Be(yaml.Sha256);
    }

    [Fact]
    public void The_minimal_sample_in_yaml_and_in_json_has_one_fingerprint()
    {
        var folder = Path.Combine(TestScenarios.RepositoryRoot, "samples", "scenarios");

        ScenarioLoader.Load(Path.Combine(folder, "minimal.json")).Sha256
            .Should().Be(ScenarioLoader.Load(Path.Combine(folder, "minimal.yaml")).Sha256);
    }

    [Fact]
    public void Any_stated_value_changes_the_fingerprint()
    {
        var baseline = ScenarioLoader.Parse(Minimal, "a.yaml");
        var changed = ScenarioLoader.Parse(Minimal.Replace("bits: 4000", "bits: 4001", StringComparison.Ordinal), "a.yaml");

        changed.Sha256.Should().NotBe(baseline.Sha256);
    }

    [Fact]
    public void A_scenario_that_extends_the_default_and_restates_its_name_and_description_has_the_defaults_fingerprint()
    {
        // Name and description are not inherited; everything else is, so restating those two gives the same document.
        var description = System.Text.Json.JsonSerializer.Serialize(Scenario.Default.Description);
        var extending = ScenarioLoader.Parse($"schemaVersion: 1\nextends: default\nname: default\ndescription: {description}\n", "same.yaml");

        extending.Sha256.Should().Be(Scenario.Default.Sha256).And.NotBeNull();
    }

    [Fact]
    public void Changing_a_base_scenario_changes_the_fingerprint_of_the_scenario_extending_it()
    {
        var folder = Directory.CreateTempSubdirectory("pm-fingerprint-");
        try
        {
            var basePath = Path.Combine(folder.FullName, "base.yaml");
            var childPath = Path.Combine(folder.FullName, "child.yaml");
            File.WriteAllText(childPath, "schemaVersion: 1\nextends: base.yaml\nname: child\n");

            File.WriteAllText(basePath, Minimal);
            var before = ScenarioLoader.Load(childPath).Sha256;
            File.WriteAllText(basePath, Minimal.Replace("bits: 4000", "bits: 5000", StringComparison.Ordinal));
            var after = ScenarioLoader.Load(childPath).Sha256;

            after.Should().NotBe(before);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_scenario_changed_in_code_has_no_fingerprint()
    {
        var changed = Scenario.Default.With(analysis: Scenario.Default.Analysis);

        changed.Sha256.Should().BeNull();
    }
}
