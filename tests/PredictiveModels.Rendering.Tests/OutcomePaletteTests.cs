using PredictiveModels.Structures;

namespace PredictiveModels.Rendering.Tests;

public sealed class OutcomePaletteTests
{
    [Fact]
    public void Every_class_has_its_own_colour_distinct_from_the_regime_colours()
    {
        var colours = OutcomeDistribution.Classes.Select(OutcomePalette.Hex)
            .Append(OutcomePalette.HighPathDependence).Append(OutcomePalette.LowPathDependence).ToArray();

        colours.Should().OnlyHaveUniqueItems();
        colours.Should().AllSatisfy(c => c.Should().MatchRegex("^#[0-9A-F]{6}$"));
    }

    [Fact]
    public void A_value_that_is_no_class_is_refused()
    {
        var act = () => OutcomePalette.Hex((OutcomeClass)99);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
