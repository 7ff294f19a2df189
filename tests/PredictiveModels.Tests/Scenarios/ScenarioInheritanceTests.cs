using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Scenarios;

public sealed class ScenarioInheritanceTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pm-extends-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_scenario_that_extends_the_default_and_changes_nothing_scores_like_the_default()
    {
        var scenario = ScenarioLoader.Parse("schemaVersion: 1\nextends: default\nname: same\n", "same.yaml");

        scenario.Name.Should().Be("same");
        Keys(StructureScorer.Score(scenario)).Should().Equal(Keys(StructureScorer.Score(Scenario.Default)));
    }

    [Fact]
    public void Structures_merge_by_id_in_place_and_new_ones_are_appended()
    {
        var scenario = ScenarioLoader.Parse("""
            schemaVersion: 1
            extends: default
            structures:
              - id: general-inductor
                camera: any_stream
                procedure: bayes_mixture
                class: AnthropicCapture
                mechanisms: [corrigible]
              - id: extra
                camera: text
                procedure: most_likely_next
                class: NonScalable
                mechanisms: [internal]
                lossGap: 0.1
            """, "merge.yaml");

        var ids = scenario.Structures.Select(s => s.Id).ToArray();
        ids.Should().HaveCount(10);
        ids[3].Should().Be("general-inductor");
        ids[^1].Should().Be("extra");
        scenario.FindStructure("general-inductor")!.Mechanisms.Should().Equal(Mechanism.Corrigible);
    }

    [Fact]
    public void Concepts_merge_by_name_builtins_and_analysis_key_by_key()
    {
        var scenario = ScenarioLoader.Parse("""
            schemaVersion: 1
            extends: default
            worldModel:
              concepts:
                - name: corpus
                  type: Stream
                  bits: 10
              builtins:
                restrict: 5
            analysis:
              dataSize: 1000
            """, "merge.yaml");

        scenario.WorldModel.FindConcept("corpus")!.Bits.Should().Be(10);
        scenario.WorldModel.FindConcept("corpus")!.Weight.Should().Be(1, "a replaced concept is replaced whole");
        scenario.WorldModel.Concepts.Should().HaveCount(Scenario.Default.WorldModel.Concepts.Length);
        scenario.WorldModel.BuiltIns.Single(b => b.Name == "restrict").Weight.Should().Be(5);
        scenario.WorldModel.BuiltIns.Single(b => b.Name == "plan").Weight.Should().Be(2, "the base's other built-in weights stay");
        scenario.Analysis.DataSize.Should().Be(1000);
        scenario.Analysis.HoleCost.Should().Be(Scenario.Default.Analysis.HoleCost);
    }

    [Fact]
    public void A_relative_path_is_resolved_from_the_extending_file_and_chains_work()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "base.yaml"), "schemaVersion: 1\nextends: default\nremoveStructures: [deceptive-agent]\n");
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "sub"));
        var child = Path.Combine(_folder.FullName, "sub", "child.yaml");
        File.WriteAllText(child, "schemaVersion: 1\nextends: ../base.yaml\nname: child\n");

        var scenario = ScenarioLoader.Load(child);

        scenario.Structures.Should().HaveCount(8);
        scenario.FindStructure("deceptive-agent").Should().BeNull();
    }

    [Fact]
    public void Removing_an_unknown_structure_is_reported_at_the_id_with_a_suggestion()
    {
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nextends: default\nremoveStructures:\n  - deceptive-agnet\n", "r.yaml");

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("did you mean 'deceptive-agent'");
        d.Location.Should().Be(new SourceLocation("r.yaml", 4, 5));
    }

    [Fact]
    public void A_missing_base_file_is_reported_at_the_extends_value()
    {
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nextends: nowhere.yaml\n", Path.Combine(_folder.FullName, "m.yaml"));

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Message.Should().Contain("does not exist");
        d.Location!.Line.Should().Be(2);
        d.Location.Column.Should().Be(10);
    }

    [Fact]
    public void Scenarios_that_extend_each_other_in_a_cycle_are_an_error_not_a_hang()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a.yaml"), "schemaVersion: 1\nextends: b.yaml\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "b.yaml"), "schemaVersion: 1\nextends: a.yaml\n");

        var act = () => ScenarioLoader.Load(Path.Combine(_folder.FullName, "a.yaml"));

        act.Should().Throw<ModelException>().WithMessage("*levels deep; is there a cycle?*");
    }

    [Fact]
    public void RemoveStructures_without_extends_is_an_error()
    {
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nremoveStructures: [x]\nworldModel:\n  concepts: []\nstructures: []\n", "x.yaml");

        act.Should().Throw<ModelException>().WithMessage("*only meaningful in a scenario that extends*");
    }

    [Fact]
    public void Errors_in_inherited_parts_point_into_the_file_they_come_from()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken-base.yaml"), "schemaVersion: 1\nworldModel:\n  concepts: []\nstructures:\n  - id: x\n    camera: nothing\n    procedure: most_likely_next\n    class: Desired\n    mechanisms: [internal]\n");
        var child = Path.Combine(_folder.FullName, "child.yaml");
        File.WriteAllText(child, "schemaVersion: 1\nextends: broken-base.yaml\n");

        var act = () => ScenarioLoader.Load(child);

        var d = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        d.Location!.Source.Should().EndWith("broken-base.yaml");
        d.Location.Line.Should().Be(6);
    }

    [Fact]
    public void A_scenario_that_extends_another_does_not_inherit_its_name_or_description()
    {
        var path = Path.Combine(_folder.FullName, "variant.yaml");
        File.WriteAllText(path, "schemaVersion: 1\nextends: default\n");

        var scenario = ScenarioLoader.Load(path);

        scenario.Name.Should().Be("variant");
        scenario.Description.Should().BeEmpty();
    }

    [Fact]
    public void A_scenario_that_extends_another_still_states_its_schema_version()
    {
        var act = () => ScenarioLoader.Parse("extends: default\nname: x\n", "nv.yaml");

        act.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be("schemaVersion");
    }

    [Fact]
    public void A_problem_with_a_key_the_child_overrides_is_located_in_the_child_not_in_the_base()
    {
        // The default sets dynamics.goalResolution itself; this file overrides it with a value whose chain is too large.
        var act = () => ScenarioLoader.Parse("schemaVersion: 1\nextends: default\ndynamics:\n  goalResolution: 1\n  maxConfigurations: 10\n", "over.yaml");
        var scenario = act();

        var check = () => ChainBudget.Check(scenario, availableBytes: 1L << 40);

        check.Should().Throw<ModelException>().Which.Diagnostics.Single().Location.Should().Be(new SourceLocation("over.yaml", 4, 3));
    }

    private static IEnumerable<(string, double)> Keys(ScoreReport report) => report.Candidates.Select(c => (c.Candidate.Key, c.Bits));
}
