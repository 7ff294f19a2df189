using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

public sealed class DiagnosticOrderTests
{
    [Fact]
    public void Problems_in_a_scenario_are_reported_in_source_order()
    {
        // The analysis section is read before the world model, but it comes last in the file.
        const string text = """
            schemaVersion: 1
            worldModel:
              concepts:
                - name: corpus
                  type: Stream
                  bits: -1
            structures:
              - id: s
                camera: corpus
                procedure: most_likely_next
                class: Honest
                mechanisms: [corrigible]
            analysis:
              sizeBound: 0
            """;

        var loading = () => ScenarioLoader.Parse(text, "order.yaml");

        loading.Should().Throw<ModelException>()
            .Which.Diagnostics.Select(d => d.Location!.Line)
            .Should().Equal(6, 11, 14);
    }
}
