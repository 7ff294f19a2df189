using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Minimal = """
        schemaVersion: 1
        name: tiny
        worldModel:
          concepts:
            - name: corpus
              type: Stream
              bits: 100
            - name: physical
              type: Predicate
              bits: 20
        structures:
          - id: predictor
            camera: restrict(corpus, physical)
            procedure: most_likely_next
            class: Desired
            mechanisms: [internal, corrigible]
        """;

    private const string MinimalJson = """
        {
          "schemaVersion": 1,
          "name": "tiny",
          "worldModel": {
            "concepts": [
              { "name": "corpus", "type": "Stream", "bits": 100 },
              { "name": "physical", "type": "Predicate", "bits": 20 }
            ]
          },
          "structures": [
            {
              "id": "predictor",
              "camera": "restrict(corpus, physical)",
              "procedure": "most_likely_next",
              "class": "Desired",
              "mechanisms": ["internal", "corrigible"]
            }
          ]
        }
        """;

    [Fact]
    public void The_embedded_default_is_the_shipped_sample_file()
    {
        DefaultScenario.Text.Should().Be(File.ReadAllText(TestScenarios.Sample("default.yaml")));
        ScenarioLoader.Load(TestScenarios.Sample("default.yaml")).Structures.Should().HaveCount(9);
    }

    [Fact]
    public void Yaml_and_json_with_the_same_content_give_the_same_scores()
    {
        var yaml = StructureScorer.Score(ScenarioLoader.Parse(Minimal, "tiny.yaml"));
        var json = StructureScorer.Score(ScenarioLoader.Parse(MinimalJson, "tiny.json", ScenarioFormat.Json));

        json.Candidates.Select(c => (c.Candidate.Key, c.Bits)).Should().Equal(yaml.Candidates.Select(c => (c.Candidate.Key, c.Bits)));
        yaml.Candidates.Should().HaveCount(2);
    }

    [Fact]
    public void Analysis_settings_default_to_class_cost_and_size_bound_12()
    {
        var scenario = ScenarioLoader.Parse(Minimal);

        scenario.Analysis.HoleCost.Should().Be(HoleCost.Class);
        scenario.Analysis.SizeBound.Should().Be(12);
    }

    [Theory]
    [InlineData("      bits: 20\n", "      bits: 20\n      colour: red\n", 11, 7, "unknown key 'colour' in worldModel.concepts[1]")]
    [InlineData("name: tiny\n", "name: tiny\nstructurs: []\n", 3, 1, "unknown key 'structurs' at the top level; did you mean 'structures'?")]
    [InlineData("bits: 100", "bits: -3", 7, 13, "cannot be negative")]
    [InlineData("bits: 100", "bits: .nan", 7, 13, "NaN")]
    [InlineData("bits: 100", "bits: lots", 7, 13, "expected a number")]
    [InlineData("type: Stream", "type: Strem", 6, 13, "did you mean 'Stream'")]
    [InlineData("class: Desired", "class: Good", 15, 12, "'Good' is not a class")]
    [InlineData("[internal, corrigible]", "[internal, sneaky]", 16, 28, "'sneaky' is not a mechanism")]
    [InlineData("restrict(corpus, physical)", "restrict(corpus, phsical)", 13, 30, "unknown concept 'phsical'; did you mean 'physical'?")]
    [InlineData("restrict(corpus, physical)", "restrict(physical, physical)", 13, 22, "'physical' is a Predicate, but a Stream is expected")]
    [InlineData("restrict(corpus, physical)", "restrict(corpus)", 13, 13, "'restrict' takes 2 arguments")]
    [InlineData("restrict(corpus, physical)", "restrict(corpus, physical", 13, 38, "missing ')'")]
    [InlineData("procedure: most_likely_next", "procedure: corpus", 14, 16, "'corpus' is a Stream, but a Procedure is expected")]
    [InlineData("schemaVersion: 1", "schemaVersion: 2", 1, 16, "schemaVersion 2 is not supported")]
    [InlineData("      bits: 20\n", "      bits: 20\n      weight: 0\n", 11, 15, "must be greater than 0")]
    [InlineData("      bits: 20\n", "      bits: 20\n      weight: .inf\n", 11, 15, "infinite")]
    [InlineData("id: predictor", "id: Predictor", 12, 9, "kebab case")]
    public void A_bad_yaml_value_is_reported_at_its_line_and_column(string find, string replace, int line, int column, string fragment)
    {
        var text = Minimal.Replace(find, replace, StringComparison.Ordinal);
        text.Should().NotBe(Minimal, "the test must change the scenario");

        var act = () => ScenarioLoader.Parse(text, "bad.yaml");

        var diagnostic = act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Message.Should().Contain(fragment);
        diagnostic.Location.Should().Be(new SourceLocation("bad.yaml", line, column));
    }

    [Theory]
    [InlineData("\"bits\": 20 }", "\"bits\": 20, \"shade\": 1 }", 7, 62, "unknown key 'shade'")]
    [InlineData("\"bits\": 100", "\"bits\": -100", 6, 53, "cannot be negative")]
    [InlineData("\"restrict(corpus, physical)\"", "\"restrict(corpus, physicl)\"", 13, 35, "did you mean 'physical'")]
    [InlineData("\"class\": \"Desired\",", "\"class\": \"Desired\"", 16, 7, "malformed JSON")]
    public void A_bad_json_value_is_reported_at_its_line_and_column(string find, string replace, int line, int column, string fragment)
    {
        var text = MinimalJson.Replace(find, replace, StringComparison.Ordinal);
        text.Should().NotBe(MinimalJson, "the test must change the scenario");

        var act = () => ScenarioLoader.Parse(text, "bad.json", ScenarioFormat.Json);

        var diagnostic = act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Message.Should().Contain(fragment);
        diagnostic.Location.Should().Be(new SourceLocation("bad.json", line, column));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_pass()
    {
        var text = Minimal
            .Replace("bits: 100", "bits: -1", StringComparison.Ordinal)
            .Replace("class: Desired", "class: Nice", StringComparison.Ordinal)
            .Replace("name: tiny", "name: tiny\nextra: 1", StringComparison.Ordinal);

        var act = () => ScenarioLoader.Parse(text, "bad.yaml");

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().HaveCount(3);
    }

    [Fact]
    public void Missing_required_keys_are_named()
    {
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nworldModel:\n  concepts: []\n", "bad.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("missing the required key 'structures'");
        d.Location.Should().Be(new SourceLocation("bad.yaml", 1, 1));
    }

    [Fact]
    public void Duplicate_keys_are_errors_in_both_formats()
    {
        var yaml = () => ScenarioLoader.Parse(Minimal.Replace("name: tiny", "name: tiny\nname: again", StringComparison.Ordinal), "d.yaml");
        var json = () => ScenarioLoader.Parse(MinimalJson.Replace("\"name\": \"tiny\",", "\"name\": \"tiny\", \"name\": \"x\",", StringComparison.Ordinal), "d.json", ScenarioFormat.Json);

        yaml.Should().Throw<ModelException>().WithMessage("*'name' appears twice*");
        json.Should().Throw<ModelException>().WithMessage("*'name' appears twice*");
    }

    [Fact]
    public void Requiring_an_unknown_concept_is_an_error()
    {
        var text = Minimal.Replace("mechanisms: [internal, corrigible]", "mechanisms: [internal, corrigible]\n    requires: [trainig]", StringComparison.Ordinal);

        var act = () => ScenarioLoader.Parse(text, "r.yaml");

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("structures[0].requires[0]");
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_a_location_and_no_parser_jargon_prefix()
    {
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nworldModel: [unclosed\n", "m.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().StartWith("malformed YAML");
        d.Location!.Source.Should().Be("m.yaml");
        d.Location.Line.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Missing_files_and_directories_are_clear_errors()
    {
        var missing = () => ScenarioLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario-" + Guid.NewGuid() + ".yaml"));
        var folder = () => ScenarioLoader.Load(Path.GetTempPath());

        missing.Should().Throw<ModelException>().WithMessage("*does not exist*");
        folder.Should().Throw<ModelException>().WithMessage("*is a directory*");
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var act = () => ScenarioLoader.Parse("", "e.yaml");

        act.Should().Throw<ModelException>().WithMessage("*empty*");
    }
}
