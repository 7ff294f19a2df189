namespace PredictiveModels.Tests.Conventions;

/// <summary>
/// The library's namespaces form layers, and a namespace may use only the layers below it (docs/architecture.md).
/// The references that break the rule today are listed below: each is a debt of the one-house issue, and the list
/// may only shrink.
/// </summary>
public sealed class NamespaceLayerTests
{
    /// <summary>The layer of each top-level namespace: a namespace may use those of lower layers only, none of its own layer or above.</summary>
    private static readonly Dictionary<string, int> Layer = new()
    {
        ["Diagnostics"] = 0,
        ["Expressions"] = 1,
        ["WorldModels"] = 2,
        ["Structures"] = 3,
        ["Scenarios"] = 4,
        ["Complexity"] = 5,
        ["Posterior"] = 6,
        ["Dynamics"] = 6,
        ["Analysis"] = 7,
    };

    /// <summary>References that break the layers today, each with why it is there.</summary>
    private static readonly Dictionary<(string From, string To), string> KnownViolations = new()
    {
        [("Scenarios", "Dynamics")] = "ScenarioParameter reads the horizon and awareness bits in force from ChainAccounting",
    };

    [Fact]
    public void Every_top_level_namespace_of_the_library_has_a_layer()
    {
        var namespaces = typeof(PredictiveModels.Scenarios.Scenario).Assembly.GetTypes()
            .Select(t => t.Namespace?.Split('.'))
            .Where(parts => parts is { Length: >= 2 } && parts[0] == "PredictiveModels")
            .Select(parts => parts![1])
            .Distinct();

        namespaces.Should().OnlyContain(n => Layer.ContainsKey(n), "a new namespace needs a place in the layers");
    }

    [Fact]
    public void No_namespace_uses_one_of_its_own_layer_or_above_beyond_the_known_debts()
    {
        var violations = NamespaceReferences.All
            .Where(r => Layer[r.Key.To] >= Layer[r.Key.From] && !KnownViolations.ContainsKey(r.Key))
            .Select(r => $"{r.Key.From} -> {r.Key.To} (layer {Layer[r.Key.From]} -> {Layer[r.Key.To]}), for example at {r.Value}");

        violations.Should().BeEmpty("a namespace may use only the layers below it (docs/architecture.md)");
    }

    [Fact]
    public void Every_known_debt_is_still_there_so_that_a_paid_one_is_struck_off_the_list()
    {
        var paid = KnownViolations.Keys.Where(k => !NamespaceReferences.All.ContainsKey(k)).Select(k => $"{k.From} -> {k.To}");

        paid.Should().BeEmpty("a reference that is gone must leave the list of known violations, so that it cannot come back unnoticed");
    }

    [Fact]
    public void The_reference_finder_sees_references_through_types_members_and_var()
    {
        // Without this, an empty list of references would pass every test above.
        NamespaceReferences.All.Keys.Should().Contain([("Analysis", "Dynamics"), ("Dynamics", "Scenarios"), ("Complexity", "WorldModels")]);
    }

    [Fact]
    public void No_command_line_option_name_appears_in_the_library_beyond_the_known_debts()
    {
        // The core names parameters by their scenario paths; "--from" and the like belong to the command line.
        // A sweep's range is named by SweepRange's paths, which the command line maps to its options. ScenarioParameter
        // still marks the paths only a training sweep can use with "--dynamics" (issue 10).
        var known = new[] { "Scenarios/ScenarioParameter.cs" };

        var found = NamespaceReferences.OptionNames.Where(o => !known.Contains(o.File)).Select(o => $"{o.File}:{o.Line} {o.Text}");

        found.Should().BeEmpty();
        NamespaceReferences.OptionNames.Select(o => o.File).Distinct().Should().BeEquivalentTo(known, "a file that no longer names an option leaves the list");
    }
}
