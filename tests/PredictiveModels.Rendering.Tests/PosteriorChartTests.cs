using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Rendering.Tests;

public sealed class PosteriorChartTests
{
    [Fact]
    public void The_class_chart_names_every_class_and_draws_one_bar_per_class_in_its_colour()
    {
        var chart = PosteriorChart.ByClass(Results.Posterior);

        Svg.Title(chart).Should().Be("Simplicity posterior by outcome class");
        Svg.Texts(chart).Should().Contain(OutcomeDistribution.Classes.Select(c => c.ToString()));
        foreach (var outcomeClass in OutcomeDistribution.Classes.Where(c => Results.Posterior.Classes[c] > 0))
        {
            Svg.RectanglesFilled(chart, OutcomePalette.Hex(outcomeClass)).Should().Be(1, $"{outcomeClass} has one bar");
        }
    }

    [Fact]
    public void A_class_whose_probability_underflowed_is_labelled_by_its_power_of_two()
    {
        var posterior = Results.Posterior;
        var underflowed = OutcomeDistribution.Classes.Where(c => posterior.Classes[c] == 0 && double.IsFinite(posterior.Classes.Log2Probability(c))).ToArray();
        underflowed.Should().NotBeEmpty("the default scenario's non-scalable class is millions of bits behind");

        Svg.Texts(PosteriorChart.ByClass(posterior)).Should().Contain(t => t.StartsWith("2^-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_candidate_chart_draws_one_bar_per_candidate_labelled_with_its_key()
    {
        var posterior = Results.Posterior;
        var chart = PosteriorChart.ByCandidate(posterior);

        var texts = Svg.Texts(chart);
        texts.Should().Contain(posterior.Candidates.Select(c => c.Candidate.Key));
        var bars = OutcomeDistribution.Classes.Sum(c => Svg.RectanglesFilled(chart, OutcomePalette.Hex(c)));
        var legendSwatches = posterior.Candidates.Select(c => c.Candidate.Class).Distinct().Count();
        bars.Should().Be(posterior.Candidates.Length + legendSwatches);
    }

    [Fact]
    public void Rendering_the_same_posterior_twice_gives_the_same_text()
    {
        PosteriorChart.ByClass(Results.Posterior).Svg.Should().Be(PosteriorChart.ByClass(Results.Posterior).Svg);
        PosteriorChart.ByCandidate(Results.Posterior).Svg.Should().Be(PosteriorChart.ByCandidate(Results.Posterior).Svg);
    }

    [Fact]
    public void A_posterior_without_candidates_renders()
    {
        var empty = Results.Posterior with { Candidates = ImmutableArray<Posterior.CandidatePosterior>.Empty };

        Svg.Parse(PosteriorChart.ByCandidate(empty)).Should().NotBeNull();
    }
}
