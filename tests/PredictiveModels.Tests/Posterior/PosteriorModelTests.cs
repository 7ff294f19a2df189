using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.Tests.Scenarios;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Posterior;

public sealed class PosteriorModelTests
{
    /// <summary>Three streams whose pointer costs are whole bits: a (1 bit), b and c (2 bits each) among a, b, c, restrict, any_stream.</summary>
    private static readonly WorldModel World = WorldModel.Create(
    [
        Concept.Base("a", ModelType.Stream, 1, weight: 4),
        Concept.Base("b", ModelType.Stream, 1, weight: 1),
        Concept.Base("c", ModelType.Stream, 1, weight: 1),
    ]);

    private static Structure Make(string id, string camera, OutcomeClass outcome, double lossGap = 0, double? runtimeSteps = null) =>
        Structure.Create(id, "", Expression.Parse(camera), Expression.Parse("most_likely_next"), outcome, [Mechanism.Corrigible], lossGap: lossGap, runtimeSteps: runtimeSteps);

    private static PosteriorModel Model(params Structure[] structures) =>
        PosteriorModel.From(StructureScorer.Score(Scenario.Create("t", "", World, structures)));

    [Fact]
    public void An_empty_score_report_has_no_posterior()
    {
        var report = new ScoreReport([], HoleCost.Class, 12, 0);

        var act = () => PosteriorModel.From(report);

        act.Should().Throw<ModelException>().WithMessage("there is no candidate to put a posterior on");
    }

    [Fact]
    public void Class_probabilities_are_the_normalised_weights_computed_by_hand()
    {
        // log2 w = -(a K + lambda log2 T + n gap) with a = 1, lambda = 1 and n = 2, from each candidate's K,
        // its runtime (4, 1 and 2 steps) and its loss gap.
        var model = Model(
            Make("honest", "a", OutcomeClass.Desired, lossGap: 0.5, runtimeSteps: 4),
            Make("liar", "b", OutcomeClass.Deceptive, runtimeSteps: 1),
            Make("flatterer", "c", OutcomeClass.Sycophantic, lossGap: 0.25, runtimeSteps: 2));
        var k = model.Report.Candidates.Select(c => c.Bits).ToArray();
        model.Report.Candidates.Select(c => c.RuntimeSteps).Should().Equal(4, 1, 2);

        var result = model.Evaluate(1, 1, 2);

        var w = new[] { -(k[0] + 2 + 1.0), -(k[1] + 0 + 0), -(k[2] + 1 + 0.5) };
        var z = w.Sum(double.Exp2);
        result.Candidates.Select(c => c.Log2Weight).Should().Equal(w);
        result.Log2Normalizer.Should().BeApproximately(Math.Log2(z), 1e-12);
        result.Probability(OutcomeClass.Desired).Should().BeApproximately(double.Exp2(w[0]) / z, 1e-12);
        result.Probability(OutcomeClass.Deceptive).Should().BeApproximately(double.Exp2(w[1]) / z, 1e-12);
        result.DeceptiveProbability.Should().BeApproximately(double.Exp2(w[1]) / z, 1e-12);
        result.Probability(OutcomeClass.Sycophantic).Should().BeApproximately(double.Exp2(w[2]) / z, 1e-12);
        result.Probability(OutcomeClass.AnthropicCapture).Should().Be(0);
        result.Classes.Log2Probability(OutcomeClass.NonScalable).Should().Be(double.NegativeInfinity);
        model.DeceptiveProbability(1, 1, 2).Should().BeApproximately(double.Exp2(w[1]) / z, 1e-12);
        result.BitsUnderwater.Should().BeApproximately(w[1] - Math.Max(w[0], w[2]), 1e-12);
        result.Candidates.Select(c => c.Candidate.Structure.Id).Should().Equal("honest", "liar", "flatterer");
        (result.SimplicityExponent, result.SpeedWeight, result.DataSize).Should().Be((1.0, 1.0, 2.0));
        model.StructureIds.Should().Equal("honest", "liar", "flatterer");
    }

    [Fact]
    public void Terms_switched_off_contribute_nothing_even_where_their_factor_is_huge()
    {
        var model = Model(
            Make("fast", "a", OutcomeClass.Desired, runtimeSteps: 1),
            Make("slow", "b", OutcomeClass.Deceptive, lossGap: 1e6, runtimeSteps: 1e300));
        var k = model.Report.Candidates.Select(c => c.Bits).ToArray();

        var result = model.Evaluate(0, 0, 0);

        result.Candidates.Select(c => c.Log2Weight).Should().Equal(0, 0);
        result.DeceptiveProbability.Should().Be(0.5);
        model.Evaluate(1, 0, 0).Candidates.Select(c => c.Log2Weight).Should().Equal(-k[0], -k[1]);
        model.Evaluate(0, 1, 0).Candidates[1].Log2Weight.Should().BeApproximately(-Math.Log2(1e300), 1e-9);
        model.Evaluate(0, 0, 1e-3).Candidates[1].Log2Weight.Should().BeApproximately(-1e3, 1e-9);
    }

    [Fact]
    public void Without_a_deceptive_or_without_an_honest_candidate_there_is_no_bits_underwater()
    {
        Model(Make("x", "a", OutcomeClass.Desired), Make("y", "b", OutcomeClass.NonScalable)).Evaluate(1, 0, 1).BitsUnderwater.Should().BeNull();
        var allDeceptive = Model(Make("x", "a", OutcomeClass.Deceptive), Make("y", "b", OutcomeClass.Deceptive)).Evaluate(1, 0, 1);
        allDeceptive.BitsUnderwater.Should().BeNull();
        allDeceptive.DeceptiveProbability.Should().BeApproximately(1, 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void The_elimination_threshold_must_lie_strictly_between_0_and_1(double threshold)
    {
        var model = Model(Make("x", "a", OutcomeClass.Desired));

        var act = () => model.Evaluate(1, 0, 1, threshold);

        act.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            $"the elimination threshold is {SpecificationRules.Format(threshold)}, but it must be strictly between 0 and 1", null, "analysis.eliminationThreshold"));
    }

    [Fact]
    public void The_largest_accepted_parameters_are_accepted_and_anything_beyond_is_not()
    {
        var model = Model(Make("x", "a", OutcomeClass.Desired), Make("y", "b", OutcomeClass.Deceptive, lossGap: 1));

        model.DeceptiveProbability(AnalysisSettings.MaxExponent, AnalysisSettings.MaxExponent, AnalysisSettings.MaxDataSize).Should().Be(0);
        model.Evaluate(AnalysisSettings.MaxExponent, AnalysisSettings.MaxExponent, AnalysisSettings.MaxDataSize, 0.5).DeceptiveProbability.Should().Be(0);

        foreach (var (a, lambda, n, path) in new[]
        {
            (AnalysisSettings.MaxExponent * 1.5, 0.0, 0.0, "analysis.simplicityExponent"),
            (0.0, AnalysisSettings.MaxExponent * 1.5, 0.0, "analysis.speedWeight"),
            (0.0, 0.0, AnalysisSettings.MaxDataSize * 1.5, "analysis.dataSize"),
            (0.0, -1e-300, 0.0, "analysis.speedWeight"),
        })
        {
            var evaluate = () => model.Evaluate(a, lambda, n);
            var probability = () => model.DeceptiveProbability(a, lambda, n);
            evaluate.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Path.Should().Be(path);
            probability.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Which.Path.Should().Be(path);
        }
    }

    [Fact]
    public void Structures_without_a_loss_gap_are_never_listed_as_eliminated()
    {
        var result = Model(
            Make("x", "a", OutcomeClass.Desired),
            Make("y", "b", OutcomeClass.Deceptive, lossGap: 0.1),
            Make("z", "c", OutcomeClass.NonScalable)).Evaluate(1, 0, 10);

        result.Eliminations.Select(e => e.StructureId).Should().Equal("y");
        result.Eliminations[0].LossGap.Should().Be(0.1);
    }

    [Fact]
    public void A_structure_already_below_the_threshold_with_no_data_is_eliminated_at_size_0()
    {
        // 'y' costs 2 bits more than 'x'; at a = 40 its weight is 2^-80 of x's, and its share only falls with data.
        var model = Model(Make("x", "a", OutcomeClass.Desired), Make("y", "b", OutcomeClass.Deceptive, lossGap: 0.1));

        var elimination = model.Evaluate(40, 0, 5).Eliminations.Single();

        elimination.EliminatedAtDataSize.Should().Be(0.0);
        elimination.IsEliminated.Should().BeTrue();
        elimination.Share.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void A_share_that_first_rises_with_data_is_eliminated_where_it_falls_through_the_threshold_on_the_way_down()
    {
        // 'middle' is expensive but fits better than 'cheap'; 'perfect' is the most expensive and fits best.
        // As data grows 'cheap' is eliminated first, the share of 'middle' rises, then 'perfect' takes over.
        var world = WorldModel.Create(
        [
            Concept.Base("p", ModelType.Stream, 1, weight: 1024),
            Concept.Base("q", ModelType.Stream, 1, weight: 1),
            Concept.Base("r", ModelType.Stream, 1, weight: 1.0 / (1 << 20)),
        ]);
        var scenario = Scenario.Create("rise", "", world,
        [
            Structure.Create("cheap", "", Expression.Parse("p"), Expression.Parse("most_likely_next"), OutcomeClass.NonScalable, [Mechanism.Corrigible], lossGap: 1),
            Structure.Create("middle", "", Expression.Parse("q"), Expression.Parse("most_likely_next"), OutcomeClass.Deceptive, [Mechanism.Corrigible], lossGap: 0.5),
            Structure.Create("perfect", "", Expression.Parse("r"), Expression.Parse("most_likely_next"), OutcomeClass.Desired, [Mechanism.Corrigible]),
        ]);
        var model = PosteriorModel.From(StructureScorer.Score(scenario));
        const double threshold = 1e-3;
        double Share(double n) => model.Evaluate(1, 0, n, threshold).Eliminations.Single(e => e.StructureId == "middle").Share;

        var at = model.Evaluate(1, 0, 0, threshold).Eliminations.Single(e => e.StructureId == "middle").EliminatedAtDataSize!.Value;

        Share(30).Should().BeGreaterThan(Share(0), "the share rises while 'cheap' is being eliminated");
        at.Should().BeGreaterThan(30);
        Share(at * (1 - 1e-9)).Should().BeGreaterThanOrEqualTo(threshold);
        Share(at * (1 + 1e-9)).Should().BeLessThan(threshold);
    }

    [Fact]
    public void The_elimination_size_is_where_the_share_crosses_the_threshold_for_random_gaps()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var gaps = new[] { 0.0, random.NextDouble(), random.NextDouble() * 3 };
            var model = Model(
                Make("x", "a", OutcomeClass.Desired, lossGap: gaps[0]),
                Make("y", "b", OutcomeClass.Deceptive, lossGap: gaps[1]),
                Make("z", "c", OutcomeClass.NonScalable, lossGap: gaps[2]));
            var threshold = double.Exp2(-random.Next(2, 30));
            var eliminations = model.Evaluate(1, 0, 0, threshold).Eliminations;
            foreach (var elimination in eliminations)
            {
                var at = elimination.EliminatedAtDataSize!.Value;
                double Share(double n) => model.Evaluate(1, 0, n, threshold).Eliminations.Single(e => e.StructureId == elimination.StructureId).Share;
                Share(at * (1 - 1e-9)).Should().BeGreaterThanOrEqualTo(threshold, "trial {0}, {1}", trial, elimination.StructureId);
                Share(at * (1 + 1e-9)).Should().BeLessThan(threshold, "trial {0}, {1}", trial, elimination.StructureId);
            }
        }
    }

    [Fact]
    public void The_posterior_of_a_scenario_uses_its_analysis_settings()
    {
        var scenario = TestScenarios.Default;
        var s = scenario.Analysis;

        var result = SimplicityPosterior.Compute(scenario);

        var expected = PosteriorModel.From(StructureScorer.Score(scenario)).Evaluate(s.SimplicityExponent, s.SpeedWeight, s.DataSize, s.EliminationThreshold);
        result.Classes.Should().Equal(expected.Classes);
        result.Log2Normalizer.Should().Be(expected.Log2Normalizer);
        result.Eliminations.Should().Equal(expected.Eliminations);
        result.EliminationThreshold.Should().Be(s.EliminationThreshold);
        FluentActions.Invoking(() => SimplicityPosterior.Compute(StructureScorer.Score(scenario), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SimplicityPosterior.Compute(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_share_of_one_structure_counts_all_of_its_candidates()
    {
        var model = PosteriorModel.From(StructureScorer.Score(TestScenarios.Default));
        var result = model.Evaluate(1, 0.5, 100);

        for (var s = 0; s < model.StructureIds.Length; s++)
        {
            var id = model.StructureIds[s];
            var expected = result.Candidates.Where(c => c.Candidate.Structure.Id == id).Sum(c => c.Probability);
            double.Exp2(model.Log2Share(s, 1, 0.5, 100)).Should().BeApproximately(expected, 1e-12, id);
        }
    }
}
