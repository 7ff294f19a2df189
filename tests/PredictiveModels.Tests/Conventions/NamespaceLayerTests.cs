using PredictiveModels.Tests.Scenarios;

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
        ["Uncertainty"] = 1,
        ["WorldModels"] = 2,
        ["Structures"] = 3,
        ["Scenarios"] = 4,
        ["Reproducibility"] = 5,
        ["Complexity"] = 6,
        ["Posterior"] = 7,
        ["Dynamics"] = 7,
        ["Analysis"] = 8,
    };

    /// <summary>References that break the layers today, each with why it is there.</summary>
    private static readonly Dictionary<(string From, string To), string> KnownViolations = new()
    {
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
        // A sweep's range is named by SweepRange's paths, and the paths only a training sweep can use are marked by
        // ScenarioParameter.ChangesOnlyTraining; the command line turns both into its options.
        var known = Array.Empty<string>();

        var found = NamespaceReferences.OptionNames.Where(o => !known.Contains(o.File)).Select(o => $"{o.File}:{o.Line} {o.Text}");

        found.Should().BeEmpty();
        NamespaceReferences.OptionNames.Select(o => o.File).Distinct().Should().BeEquivalentTo(known, "a file that no longer names an option leaves the list");
    }

    /// <summary>
    /// The rooms of <c>Dynamics</c> (folders sharing its namespace), in layers: the chain (space, energy, moves, generator),
    /// then the solvers and the simulation, which use the chain, then training, which uses them all.
    /// </summary>
    private static readonly Dictionary<string, int> DynamicsRoom = new()
    {
        ["Chain"] = 0,
        ["Solvers"] = 1,
        ["Simulation"] = 1,
        ["Training"] = 2,
    };

    [Fact]
    public void Every_room_of_dynamics_has_a_layer()
    {
        var dynamics = Path.Combine(TestScenarios.RepositoryRoot, "src", "PredictiveModels", "Dynamics");
        var rooms = Directory.EnumerateDirectories(dynamics).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj"));

        rooms.Should().OnlyContain(r => DynamicsRoom.ContainsKey(r!), "a new room of Dynamics needs a place in its layers");
        Directory.EnumerateFiles(dynamics, "*.cs").Should().NotBeEmpty("training itself lives directly in Dynamics/");
    }

    [Fact]
    public void A_room_of_dynamics_uses_only_the_rooms_below_it()
    {
        var violations = NamespaceReferences.Rooms
            .Where(r => DynamicsRoom[r.Key.To] >= DynamicsRoom[r.Key.From])
            .Select(r => $"{r.Key.From} -> {r.Key.To}, for example at {r.Value}");

        violations.Should().BeEmpty("the chain knows no solver, the solvers and the simulation know no training (docs/architecture.md)");
        NamespaceReferences.Rooms.Keys.Should().Contain([("Solvers", "Chain"), ("Training", "Solvers"), ("Simulation", "Chain")], "the finder must see the rooms, or an empty list would pass");
    }
}
