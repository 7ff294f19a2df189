using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Tests.Complexity;

public sealed class UnfillableHoleTests
{
    // Quantity's only alternative is longterm(Quantity): no finite Quantity expression exists.
    private static readonly WorldModel StreamsOnly = WorldModel.Create([Concept.Base("corpus", ModelType.Stream, 4000)]);

    [Theory]
    [InlineData(CostMode.Pointer)]
    [InlineData(CostMode.Inlined)]
    public void A_hole_of_a_type_without_finite_expressions_is_reported_at_the_hole(CostMode mode)
    {
        var expression = ExpressionParser.Parse("longterm(?objective: Quantity)", new SourceLocation("s.yaml", 3, 13));
        var lengths = new DescriptionLengths(StreamsOnly);

        var measuring = () => lengths.Measure(expression, mode);

        measuring.Should().Throw<ModelException>()
            .Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d =>
                d.Location == new SourceLocation("s.yaml", 3, 22) && d.Message.Contains("'?objective'"));
    }
}
