using PredictiveModels.Structures;

namespace PredictiveModels.Interactive.Tests;

public sealed class PlainTextFormatterTests
{
    [Fact]
    public void Every_formatted_type_has_plain_text()
    {
        object[] results = [Results.Scores, Results.Scores.Candidates[0], Results.Posterior, Results.Sweep(), Results.TrainingSweep, Results.Training, Results.Analysis, Results.Propagation, Results.Posterior.Classes, Rendering.SweepChart.Of(Results.TrainingSweep)];

        results.Select(r => r.GetType()).Should().BeEquivalentTo(FormattedTypes.All);
        results.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(PlainTextFormatter.FormatObject(r)));
    }

    [Fact]
    public void The_posterior_names_the_classes_and_writes_tiny_probabilities_as_powers_of_two()
    {
        var text = PlainTextFormatter.Format(Results.Posterior);

        text.Should().Contain("Anthropic capture").And.Contain("Non-scalable").And.Contain("2^-");
        text.Should().NotContain("<");
    }

    [Fact]
    public void Columns_line_up()
    {
        var lines = PlainTextFormatter.Format(Results.Posterior.Classes).TrimEnd('\n').Split('\n');

        lines.Should().HaveCount(1 + OutcomeDistribution.Classes.Length);
        lines.Select(l => l.IndexOf("  ", StringComparison.Ordinal) >= 0).Should().OnlyContain(b => b);
        lines.Skip(1).Select(l => l.Length - l.TrimStart().Length).Should().OnlyContain(n => n == 0);
        lines.Select(l => l.TrimEnd().Split("  ", StringSplitOptions.RemoveEmptyEntries)[^1]).Skip(1).Should().HaveCount(OutcomeDistribution.Classes.Length);
    }
}
