using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Reproducibility;

/// <summary>Every public entry point that computes from a scenario records the scenario's provenance on its result.</summary>
public sealed class ProvenanceTests
{
    private static readonly Scenario Minimal = ScenarioLoader.Load(TestScenarios.Sample("minimal.yaml"));

    [Fact]
    public void Scores_and_the_posterior_computed_from_them_name_the_scenario_they_came_from()
    {
        var scores = StructureScorer.Score(Minimal);
        var posterior = SimplicityPosterior.Compute(Minimal);

        Minimal.Sha256.Should().NotBeNull();
        scores.Provenance.Should().Be(new Provenance(Provenance.LibraryVersion, Minimal.Sha256, null));
        posterior.Provenance.Should().Be(scores.Provenance);
    }

    [Fact]
    public void A_sweep_names_the_scenario_it_swept_not_the_changed_copies()
    {
        var sweep = ParameterSweep.Run(Minimal, ScenarioParameter.Parse("analysis.dataSize", Minimal), 1e3, 1e5, 3, SweepScale.Log);

        sweep.Provenance.ScenarioSha256.Should().Be(Minimal.Sha256);
        sweep.Provenance.Seed.Should().BeNull();
    }

    [Fact]
    public void A_training_names_its_scenario()
    {
        var training = TrainingDynamics.Train(Minimal, Minimal.Dynamics, Minimal.Phases, absorption: false, relaxation: false);

        training.Provenance.ScenarioSha256.Should().Be(Minimal.Sha256);
    }

    [Fact]
    public void A_belief_propagation_names_its_scenario_and_its_seed()
    {
        var uncertain = ScenarioLoader.Parse("schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1e3 to 1e5\n", "uncertain.yaml");

        var result = BeliefPropagation.Run(uncertain, new PropagationSettings(8, 99, sensitivity: SensitivityMethod.RankCorrelation));

        result.Provenance.Should().Be(new Provenance(Provenance.LibraryVersion, uncertain.Sha256, 99UL));
    }

    [Fact]
    public void A_result_built_by_hand_names_only_the_library_version()
    {
        var scores = StructureScorer.Score(Minimal.WorldModel, Minimal.Structures, Minimal.Analysis);

        scores.Provenance.Should().Be(new Provenance(Provenance.LibraryVersion, null, null));
    }

    [Fact]
    public void The_provenance_of_a_result_names_the_library_version_the_scenario_fingerprint_and_the_seed()
    {
        var provenance = Provenance.Of(Scenario.Default, seed: 42);

        provenance.Version.Should().Be(Provenance.LibraryVersion);
        provenance.Version.Should().StartWith(typeof(Provenance).Assembly.GetName().Version!.ToString(3));
        provenance.ScenarioSha256.Should().Be(Scenario.Default.Sha256);
        provenance.Seed.Should().Be(42UL);
        Provenance.Of(null).Should().Be(new Provenance(Provenance.LibraryVersion, null, null));
    }

    [Fact]
    public void The_commit_is_the_part_of_the_version_after_the_plus()
    {
        new Provenance("0.1.0+abc123", null, null).Commit.Should().Be("abc123");
        new Provenance("0.1.0", null, null).Commit.Should().BeNull();
    }

    [Fact]
    public void The_text_form_lists_the_fields_as_the_json_names_them_and_leaves_out_absent_ones()
    {
        new Provenance("0.1.0+abc", new string('f', 64), 42).ToString().Should().Be($"version=0.1.0+abc, scenarioSha256={new string('f', 64)}, seed=42");
        new Provenance("0.1.0", null, null).ToString().Should().Be("version=0.1.0");
    }
}
