using PredictiveModels.Complexity;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Posterior;

/// <summary>Claims 1 to 4 of the model (docs/model.md), as directional tests over the shipped scenarios.</summary>
public sealed class ClaimsTests
{
    private static PosteriorResult Posterior(string sample) => SimplicityPosterior.Compute(ScenarioLoader.Load(TestScenarios.Sample(sample)));

    private static ScoreReport Scores(string sample) => StructureScorer.Score(ScenarioLoader.Load(TestScenarios.Sample(sample)));

    [Fact]
    public void Claim_1_at_large_data_size_the_structures_that_do_not_scale_are_eliminated()
    {
        var result = Posterior("default.yaml");
        var nonScalable = new[] { "heuristic-collection", "token-transition-model", "human-repertoire-simulator", "proxy-aligned-agent" };

        result.Eliminations.Select(e => e.StructureId).Should().BeEquivalentTo(nonScalable);
        result.Eliminations.Should().OnlyContain(e => e.IsEliminated && e.EliminatedAtDataSize != null && e.EliminatedAtDataSize < result.DataSize);
        result.Probability(OutcomeClass.NonScalable).Should().BeLessThan(result.EliminationThreshold);
    }

    [Fact]
    public void Claim_1_with_little_data_the_cheap_heuristics_are_not_yet_eliminated()
    {
        var scenario = ScenarioLoader.Load(TestScenarios.Sample("default.yaml"));
        var model = PosteriorModel.From(StructureScorer.Score(scenario));

        model.Evaluate(1, 0, 0).Eliminations.Single(e => e.StructureId == "heuristic-collection").IsEliminated.Should().BeFalse();
    }

    [Fact]
    public void Claim_2_the_intended_goal_is_within_a_few_bits_of_deception_for_prediction_but_far_behind_for_human_preferences()
    {
        static double Gap(ScoreReport r) =>
            r.Candidates.Where(c => c.Class == OutcomeClass.Desired).Min(c => c.Bits) - r.Candidates.Where(c => c.Class == OutcomeClass.Deceptive).Min(c => c.Bits);

        Math.Abs(Gap(Scores("prediction-goal.yaml"))).Should().BeLessThanOrEqualTo(10);
        Gap(Scores("human-preferences.yaml")).Should().BeGreaterThanOrEqualTo(20);
        Posterior("human-preferences.yaml").DeceptiveProbability.Should().BeGreaterThan(10 * Posterior("prediction-goal.yaml").DeceptiveProbability);
    }

    [Fact]
    public void Claim_3_a_more_complex_intended_camera_raises_P_deceptive_and_a_simpler_data_collection_camera_lowers_it()
    {
        var baseline = Posterior("default.yaml").DeceptiveProbability;

        Posterior("complex-camera.yaml").DeceptiveProbability.Should().BeGreaterThan(baseline);
        Posterior("simple-camera.yaml").DeceptiveProbability.Should().BeLessThan(baseline);
    }

    [Fact]
    public void Claim_4_anthropic_capture_takes_the_largest_honest_share_unless_the_physical_camera_is_cheap()
    {
        var defaults = Posterior("default.yaml");
        var simple = Posterior("simple-camera.yaml");

        defaults.Probability(OutcomeClass.AnthropicCapture).Should().BeGreaterThan(defaults.Probability(OutcomeClass.Desired));
        defaults.Probability(OutcomeClass.AnthropicCapture).Should().BeGreaterThan(defaults.Probability(OutcomeClass.Sycophantic));
        simple.Probability(OutcomeClass.Desired).Should().BeGreaterThan(simple.Probability(OutcomeClass.AnthropicCapture));
    }

    [Fact]
    public void The_prediction_goal_sample_states_the_same_beliefs_as_the_default()
    {
        var a = Posterior("prediction-goal.yaml");
        var b = SimplicityPosterior.Compute(TestScenarios.Default);

        a.Candidates.Select(c => (c.Candidate.Key, c.Log2Probability)).Should().Equal(b.Candidates.Select(c => (c.Candidate.Key, c.Log2Probability)));
    }
}
