using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Complexity;

public sealed class IncrementalScorerTests
{
    [Fact]
    public void At_the_world_models_own_numbers_the_scores_are_the_structure_scorers_to_the_bit()
    {
        var (scorer, report) = Compile(TestScenarios.Default);
        var bits = new double[scorer.CandidateCount];

        scorer.TryScore(scorer.CreateState(), bits).Should().BeTrue();

        bits.Should().Equal(report.Candidates.Select(c => c.Bits));
    }

    [Fact]
    public void A_holes_class_mass_is_recomputed_only_when_the_grammar_it_reaches_changes()
    {
        // The deceptive agent's hole is a Quantity behind a pointer: corpus (a Stream) is outside its grammar, paperclips inside.
        var (scorer, report) = Compile(TestScenarios.Default);
        var state = scorer.CreateState();
        var bits = new double[scorer.CandidateCount];
        var pointerTable = state.Tables[(int)CostMode.Pointer]!;
        state.Tables[(int)CostMode.Inlined].Should().BeNull("no hole is carried inline in the default scenario");

        foreach (var weight in new[] { 1.0, 2.0, 5.0, 20.0 })
        {
            state.SetWeight(scorer.SymbolIndex("corpus"), weight);
            scorer.TryScore(state, bits).Should().BeTrue();
        }

        pointerTable.Recomputations.Should().Be(1);
        bits.Should().NotEqual(report.Candidates.Select(c => c.Bits), "the corpus's weight moves every Stream pointer");

        state.SetWeight(scorer.SymbolIndex("paperclips"), 3.0);
        scorer.TryScore(state, bits).Should().BeTrue();
        scorer.TryScore(state, bits).Should().BeTrue();

        pointerTable.Recomputations.Should().Be(2);
    }

    private static (IncrementalScorer Scorer, ScoreReport Report) Compile(Scenario scenario)
    {
        var report = StructureScorer.Score(scenario);
        var scorer = IncrementalScorer.For(scenario.WorldModel, [.. report.Candidates.Select(c => c.Candidate)], scenario.Analysis.HoleCost, scenario.Analysis.SizeBound);
        return (scorer, report);
    }
}
