using CsCheck;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Posterior;

public sealed class SimplicityPosteriorTests
{
    [Fact]
    public void Candidate_and_class_probabilities_each_sum_to_one()
    {
        var model = PosteriorModel.From(StructureScorer.Score(TestScenarios.Default));
        Gen.Select(Gen.Double[0, 4], Gen.Double[0, 3], Gen.Double[0, 1e4]).Sample((a, lambda, n) =>
        {
            var result = model.Evaluate(a, lambda, n);

            result.Candidates.Sum(c => c.Probability).Should().BeApproximately(1.0, 1e-12);
            result.Classes.Sum(c => c.Probability).Should().BeApproximately(1.0, 1e-12);
            result.DeceptiveProbability.Should().BeApproximately(model.DeceptiveProbability(a, lambda, n), 1e-12);
        }, iter: 500);
    }

    [Fact]
    public void The_weight_of_a_candidate_is_minus_a_K_minus_lambda_log_T_minus_n_times_its_loss_gap()
    {
        var report = StructureScorer.Score(TestScenarios.Default);
        var result = PosteriorModel.From(report).Evaluate(0.7, 0.3, 250);

        foreach (var c in result.Candidates)
        {
            var expected = -(0.7 * c.Score.Bits + 0.3 * Math.Log2(c.Score.RuntimeSteps) + 250 * c.Score.LossGap);
            c.Log2Weight.Should().BeApproximately(expected, 1e-9);
            c.Log2Probability.Should().BeApproximately(expected - result.Log2Normalizer, 1e-9);
        }
    }

    [Fact]
    public void Bits_underwater_compare_the_best_deceptive_and_the_best_honest_candidate()
    {
        var result = SimplicityPosterior.Compute(TestScenarios.Default);

        var bestDeceptive = result.Candidates.Where(c => c.Score.Class == OutcomeClass.Deceptive).Max(c => c.Log2Probability);
        var bestHonest = result.Candidates.Where(c => c.Score.Class != OutcomeClass.Deceptive).Max(c => c.Log2Probability);
        result.BitsUnderwater!.Value.Should().BeApproximately(bestDeceptive - bestHonest, 1e-12);
    }

    [Fact]
    public void Nothing_is_NaN_infinite_or_lost_to_underflow_when_lengths_differ_by_millions_of_bits()
    {
        var world = WorldModel.Create(
        [
            Concept.Base("huge", ModelType.Stream, 5e6),
            Concept.Base("vast", ModelType.Quantity, 9e6),
            Concept.Base("small", ModelType.Stream, 3),
        ]);
        var structures = new[]
        {
            Structure.Create("huge-internal", "", Expression.Parse("huge"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Internal]),
            Structure.Create("vast-internal", "", Expression.Parse("longterm(vast)"), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Internal]),
            Structure.Create("small-internal", "", Expression.Parse("small"), Expression.Parse("most_likely_next"), OutcomeClass.NonScalable, [Mechanism.Internal], lossGap: 1e-3),
        };
        var scenario = Scenario.Create("huge", "", world, structures, AnalysisSettings.Create(dataSize: 1e3));

        var result = SimplicityPosterior.Compute(scenario);

        result.Candidates.Should().OnlyContain(c => double.IsFinite(c.Log2Probability) && double.IsFinite(c.Log2Weight));
        result.Classes.Where(c => c.Class is OutcomeClass.Desired or OutcomeClass.Deceptive or OutcomeClass.NonScalable)
            .Should().OnlyContain(c => double.IsFinite(result.Classes.Log2Probability(c.Class)));
        result.Probability(OutcomeClass.NonScalable).Should().BeApproximately(1.0, 1e-12);
        result.Classes.Log2Probability(OutcomeClass.Desired).Should().BeApproximately(-(5e6 + 3.169925001442312 - 3 - 3.169925001442312 - 1), 1e-3);
        result.BitsUnderwater!.Value.Should().BeApproximately(-9e6, 20, "the best honest candidate is the small one");
        result.Classes.Sum(c => c.Probability).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void The_elimination_size_matches_the_closed_form_for_two_candidates()
    {
        // Two equally simple candidates, one with loss gap g: its share is 1 / (1 + 2^(g n)),
        // which falls below eps at n = log2((1 - eps) / eps) / g.
        var world = WorldModel.Create([Concept.Base("a", ModelType.Stream, 1), Concept.Base("b", ModelType.Stream, 1)]);
        const double gap = 0.02;
        const double eps = 1e-6;
        var scenario = Scenario.Create("two", "", world,
        [
            Structure.Create("fits", "", Expression.Parse("a"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
            Structure.Create("misfits", "", Expression.Parse("b"), Expression.Parse("most_likely_next"), OutcomeClass.NonScalable, [Mechanism.Corrigible], lossGap: gap),
        ], AnalysisSettings.Create(dataSize: 10, eliminationThreshold: eps));

        var elimination = SimplicityPosterior.Compute(scenario).Eliminations.Single();

        elimination.StructureId.Should().Be("misfits");
        elimination.EliminatedAtDataSize!.Value.Should().BeApproximately(Math.Log2((1 - eps) / eps) / gap, 1e-6);
        elimination.IsEliminated.Should().BeFalse("at n = 10 its share is still about one half");
        elimination.Share.Should().BeApproximately(1 / (1 + double.Exp2(gap * 10)), 1e-12);
    }

    [Fact]
    public void A_structure_with_the_smallest_loss_gap_is_never_eliminated_by_data()
    {
        var world = WorldModel.Create([Concept.Base("a", ModelType.Stream, 1)]);
        var scenario = Scenario.Create("one", "", world,
        [
            Structure.Create("best", "", Expression.Parse("a"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible], lossGap: 0.1),
            Structure.Create("worse", "", Expression.Parse("any_stream"), Expression.Parse("most_likely_next"), OutcomeClass.NonScalable, [Mechanism.Corrigible], lossGap: 0.2),
        ]);

        var eliminations = SimplicityPosterior.Compute(scenario).Eliminations;

        eliminations.Single(e => e.StructureId == "best").EliminatedAtDataSize.Should().BeNull();
        eliminations.Single(e => e.StructureId == "worse").EliminatedAtDataSize.Should().NotBeNull();
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, "analysis.simplicityExponent")]
    [InlineData(-1, 0, 1, "analysis.simplicityExponent")]
    [InlineData(1, double.PositiveInfinity, 1, "analysis.speedWeight")]
    [InlineData(1, 0, -5, "analysis.dataSize")]
    [InlineData(1, 0, double.NaN, "analysis.dataSize")]
    public void Invalid_parameters_are_rejected_with_their_name(double a, double lambda, double n, string path)
    {
        var model = PosteriorModel.From(StructureScorer.Score(TestScenarios.Default));

        var evaluate = () => model.Evaluate(a, lambda, n);
        var settings = () => AnalysisSettings.Create(simplicityExponent: a, speedWeight: lambda, dataSize: n);

        evaluate.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be(path);
        settings.Should().Throw<ModelException>().Which.Diagnostics.Single().Path.Should().Be(path);
    }
}
