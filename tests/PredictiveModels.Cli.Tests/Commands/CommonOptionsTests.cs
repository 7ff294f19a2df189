namespace PredictiveModels.Cli.Tests.Commands;

/// <summary>
/// How every command reads its scenario file and writes its result (CommonOptions): the facets
/// are in CommonOptionsTests.*.cs. The scenarios here are small and their line numbers matter:
/// the tests assert the exact line and column of each problem.
/// </summary>
public sealed partial class CommonOptionsTests
{
    /// <summary>A valid YAML scenario; each line number below is asserted by a test, so keep them.</summary>
    internal const string TinyYaml = """
        schemaVersion: 1
        name: tiny
        worldModel:
          concepts:
            - name: corpus
              type: Stream
              bits: 100
            - name: physical
              type: Predicate
              bits: 50
            - name: money
              type: Quantity
              bits: 20
        structures:
          - id: predictor
            camera: restrict(corpus, physical)
            procedure: most_likely_next
            class: Desired
            mechanisms: [internal, corrigible]
          - id: schemer
            camera: "longterm(?o: Quantity)"
            procedure: plan(2)
            class: Deceptive
            mechanisms: [deceptive]

        """;

    /// <summary>The same scenario in JSON; each line number below is asserted by a test, so keep them.</summary>
    internal const string TinyJson = """
        {
          "schemaVersion": 1,
          "name": "tiny",
          "worldModel": {
            "concepts": [
              { "name": "corpus", "type": "Stream", "bits": 100 },
              { "name": "physical", "type": "Predicate", "bits": 50 },
              { "name": "money", "type": "Quantity", "bits": 20 }
            ]
          },
          "structures": [
            { "id": "predictor", "camera": "restrict(corpus, physical)", "procedure": "most_likely_next", "class": "Desired", "mechanisms": ["internal", "corrigible"] },
            { "id": "schemer", "camera": "longterm(?o: Quantity)", "procedure": "plan(2)", "class": "Deceptive", "mechanisms": ["deceptive"] }
          ]
        }

        """;

    /// <summary>Replaces exactly one occurrence of <paramref name="old"/>, so that a typo in a test cannot silently leave the scenario valid.</summary>
    internal static string Edit(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, "the test edits '{0}', which must occur in the scenario", old);
        text.IndexOf(old, at + 1, StringComparison.Ordinal).Should().Be(-1, "the test edits '{0}', which must occur once", old);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
