using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>A scenario file may state Spearman rank correlations between its beliefs under uncertainty.correlations.</summary>
public sealed class ScenarioCorrelationTests : IDisposable
{
    // Lines 1 to 8; the correlations follow from line 9.
    private const string Beliefs = """
        schemaVersion: 1
        extends: default
        analysis:
          dataSize: 1e3 to 1e5
          speedWeight: uniform(0, 2)
          simplicityExponent: uniform(0.5, 1.5)
        uncertainty:
          correlations:

        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pm-correlations-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static Scenario Read(string correlationLines) => ScenarioLoader.Parse(Beliefs + correlationLines, "c.yaml");

    private static IReadOnlyList<Diagnostic> Refusals(string correlationLines) =>
        FluentActions.Invoking(() => Read(correlationLines)).Should().Throw<ModelException>().Which.Diagnostics;

    [Fact]
    public void Correlations_between_stated_beliefs_are_read_in_order_with_their_paths_and_ranks()
    {
        var scenario = Read("""
                - between: [analysis.dataSize, analysis.speedWeight]
                  rank: 0.6
                - { between: [analysis.simplicityExponent, analysis.dataSize], rank: -0.4 }

            """);

        scenario.BeliefCorrelations.Should().Equal(
            new BeliefCorrelation("analysis.dataSize", "analysis.speedWeight", 0.6),
            new BeliefCorrelation("analysis.simplicityExponent", "analysis.dataSize", -0.4));
    }

    [Fact]
    public void Correlations_are_read_from_json_too()
    {
        var scenario = ScenarioLoader.Parse(
            """{"schemaVersion": 1, "extends": "default", "analysis": {"dataSize": "1e3 to 1e5", "speedWeight": "uniform(0, 2)"}, "uncertainty": {"correlations": [{"between": ["analysis.speedWeight", "analysis.dataSize"], "rank": 0.25}]}}""",
            "c.json",
            ScenarioFormat.Json);

        scenario.BeliefCorrelations.Should().Equal(new BeliefCorrelation("analysis.speedWeight", "analysis.dataSize", 0.25));
    }

    [Fact]
    public void A_scenario_without_correlations_or_built_in_code_or_changed_since_it_was_read_has_none()
    {
        var read = Read("    - { between: [analysis.dataSize, analysis.speedWeight], rank: 0.6 }\n");

        ScenarioLoader.Parse(Beliefs.Replace("uncertainty:\n  correlations:\n", ""), "c.yaml").BeliefCorrelations.Should().BeEmpty();
        Scenario.Default.BeliefCorrelations.Should().BeEmpty();
        read.With(analysis: read.Analysis.With(dataSize: 5)).BeliefCorrelations.Should().BeEmpty();
    }

    [Fact]
    public void A_path_that_names_no_belief_is_refused_at_the_path_listing_the_beliefs_that_exist()
    {
        var d = Refusals("    - between: [analysis.dataSize, analysis.sizeBound]\n      rank: 0.6\n").Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 9, 36));
        d.Path.Should().Be("uncertainty.correlations[0].between[1]");
        d.Message.Should().Be("'analysis.sizeBound' is not a belief of this scenario; a correlation is between two parameters stated as distributions, and the beliefs it states are analysis.simplicityExponent, analysis.speedWeight, analysis.dataSize");
    }

    [Fact]
    public void In_json_a_path_that_names_no_belief_is_refused_at_its_string()
    {
        var act = () => ScenarioLoader.Parse(
            """{"schemaVersion": 1, "extends": "default", "analysis": {"dataSize": "1e3 to 1e5"}, "uncertainty": {"correlations": [{"between": ["analysis.dataSize", "analysis.speedWeight"], "rank": 0.5}]}}""",
            "c.json",
            ScenarioFormat.Json);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Location.Should().Be(new SourceLocation("c.json", 1, 151));
        d.Message.Should().Be("'analysis.speedWeight' is not a belief of this scenario; a correlation is between two parameters stated as distributions, and the beliefs it states are analysis.dataSize");
    }

    [Fact]
    public void A_misspelt_path_is_refused_with_the_belief_it_probably_means()
    {
        var d = Refusals("    - between: [analysis.dataSize, analysis.speedweight]\n      rank: 0.6\n").Single();

        d.Message.Should().Contain("did you mean 'analysis.speedWeight'");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1.01")]
    [InlineData(".nan")]
    public void A_rank_outside_minus_one_to_one_is_refused_at_the_rank(string rank)
    {
        var d = Refusals($"    - between: [analysis.dataSize, analysis.speedWeight]\n      rank: {rank}\n").Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 10, 13));
        d.Message.Should().StartWith("the rank of a correlation must be a number from -1 to 1");
    }

    [Fact]
    public void A_rank_written_as_a_belief_is_refused_as_not_a_number()
    {
        var d = Refusals("    - between: [analysis.dataSize, analysis.speedWeight]\n      rank: 0.2 to 0.6\n").Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 10, 13));
        d.Message.Should().StartWith("expected a number");
    }

    [Fact]
    public void A_correlation_of_a_belief_with_itself_is_refused()
    {
        var d = Refusals("    - between: [analysis.dataSize, analysis.dataSize]\n      rank: 0.6\n").Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 9, 16));
        d.Message.Should().Be("a correlation is between two different beliefs, but both paths are analysis.dataSize");
    }

    [Fact]
    public void Between_must_list_exactly_two_paths()
    {
        var d = Refusals("    - between: [analysis.dataSize]\n      rank: 0.6\n").Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 9, 16));
        d.Message.Should().StartWith("expected a list of two belief paths");
    }

    [Fact]
    public void A_pair_stated_twice_in_either_order_is_refused_at_the_second_naming_the_first()
    {
        var d = Refusals("""
                - between: [analysis.dataSize, analysis.speedWeight]
                  rank: 0.6
                - between: [analysis.speedWeight, analysis.dataSize]
                  rank: 0.5

            """).Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 11, 7));
        d.Message.Should().Be("the correlation between analysis.speedWeight and analysis.dataSize is stated twice (first by uncertainty.correlations[0]); state each pair once");
    }

    [Fact]
    public void Unknown_keys_in_uncertainty_and_in_a_correlation_are_refused_like_elsewhere()
    {
        var diagnostics = FluentActions.Invoking(() => ScenarioLoader.Parse(Beliefs.Replace("  correlations:\n", "  samples: 3\n  correlations:\n") + "    - between: [analysis.dataSize, analysis.speedWeight]\n      rnk: 0.6\n", "c.yaml"))
            .Should().Throw<ModelException>().Which.Diagnostics;

        diagnostics.Select(d => (d.Message, d.Location!.Line, d.Location.Column)).Should().Equal(
            ("unknown key 'samples' in uncertainty (allowed: correlations)", 8, 3),
            ("uncertainty.correlations[0] is missing the required key 'rank'", 10, 7),
            ("unknown key 'rnk' in uncertainty.correlations[0]; did you mean 'rank'? (allowed: between, rank)", 11, 7));
    }

    [Fact]
    public void Ranks_that_cannot_hold_together_are_refused_at_the_correlations_key_naming_the_pairs()
    {
        var d = Refusals("""
                - { between: [analysis.dataSize, analysis.speedWeight], rank: 0.9 }
                - { between: [analysis.speedWeight, analysis.simplicityExponent], rank: 0.9 }
                - { between: [analysis.dataSize, analysis.simplicityExponent], rank: -0.9 }

            """).Single();

        d.Location.Should().Be(new SourceLocation("c.yaml", 8, 3));
        d.Path.Should().Be("uncertainty.correlations");
        d.Message.Should().Contain("analysis.dataSize and analysis.speedWeight at 0.9 (uncertainty.correlations[0])")
            .And.Contain("analysis.speedWeight and analysis.simplicityExponent at 0.9 (uncertainty.correlations[1])")
            .And.Contain("analysis.dataSize and analysis.simplicityExponent at -0.9 (uncertainty.correlations[2])")
            .And.Contain("not positive semi-definite");
    }

    [Fact]
    public void Correlations_are_inherited_through_extends_and_a_file_that_states_its_own_replaces_them()
    {
        var basePath = Path.Combine(_folder.FullName, "base.yaml");
        File.WriteAllText(basePath, Beliefs + "    - { between: [analysis.dataSize, analysis.speedWeight], rank: 0.6 }\n");
        var child = Path.Combine(_folder.FullName, "child.yaml");
        File.WriteAllText(child, "schemaVersion: 1\nextends: base.yaml\nname: child\n");
        var replacing = Path.Combine(_folder.FullName, "replacing.yaml");
        File.WriteAllText(replacing, "schemaVersion: 1\nextends: base.yaml\nuncertainty:\n  correlations:\n    - { between: [analysis.simplicityExponent, analysis.speedWeight], rank: -0.3 }\n");

        var inherited = ScenarioLoader.Load(child);

        inherited.BeliefCorrelations.Should().Equal(ScenarioLoader.Load(basePath).BeliefCorrelations);
        inherited.BeliefCorrelations.Should().Equal(new BeliefCorrelation("analysis.dataSize", "analysis.speedWeight", 0.6));
        ScenarioLoader.Load(replacing).BeliefCorrelations.Should().Equal(new BeliefCorrelation("analysis.simplicityExponent", "analysis.speedWeight", -0.3));
    }

    [Fact]
    public void An_inherited_correlation_whose_belief_the_extending_file_turns_into_a_number_is_refused_in_the_base_file()
    {
        var basePath = Path.Combine(_folder.FullName, "base.yaml");
        File.WriteAllText(basePath, Beliefs + "    - { between: [analysis.dataSize, analysis.speedWeight], rank: 0.6 }\n");
        var child = Path.Combine(_folder.FullName, "child.yaml");
        File.WriteAllText(child, "schemaVersion: 1\nextends: base.yaml\nanalysis:\n  dataSize: 1e4\n");

        var d = FluentActions.Invoking(() => ScenarioLoader.Load(child)).Should().Throw<ModelException>().Which.Diagnostics.Single();

        d.Location!.Source.Should().Be(basePath);
        d.Location.Line.Should().Be(9);
        d.Message.Should().StartWith("'analysis.dataSize' is not a belief of this scenario");
    }
}
