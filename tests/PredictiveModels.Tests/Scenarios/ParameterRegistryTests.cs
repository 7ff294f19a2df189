using System.Text.Json.Nodes;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>
/// The registry declares each numeric parameter once; these tests hold the typed specifications, the scenario reader,
/// the JSON Schema and the levers to it.
/// </summary>
public sealed class ParameterRegistryTests
{
    private static readonly Scenario Default = Scenario.Default;

    public static TheoryData<string> Forms => [.. ParameterRegistry.All.Select(d => d.Form)];

    private static ParameterDefinition Definition(string form) => ParameterRegistry.All.Single(d => d.Form == form);

    /// <summary>A member of the definition's family in the default scenario (a base concept for bits, the last phase, the jump rate).</summary>
    private static string MemberOf(ParameterDefinition d) => d.Scope switch
    {
        ParameterScope.Concept => Default.WorldModel.Concepts.First(c => !c.IsDerived).Name,
        ParameterScope.BuiltIn => Default.WorldModel.BuiltIns[0].Name,
        ParameterScope.Structure => Default.Structures[0].Id,
        ParameterScope.Phase => Default.Phases[^1].Name,
        ParameterScope.Rate => "jump",
        _ => "",
    };

    /// <summary>The default scenario, with room for the camera's steps to reach their bound (they may not pass the runtime steps).</summary>
    private static Scenario ScenarioFor(ParameterDefinition d) => d.Key == "cameraSteps"
        ? Definition("structures.ID.runtimeSteps").Set(Default, MemberOf(d), d.Range.Maximum)
        : Default;

    [Fact]
    public void Every_form_is_declared_once()
    {
        ParameterRegistry.All.Select(d => d.Form).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_types_that_hold_a_parameter_accept_its_bounds(string form)
    {
        var d = Definition(form);
        var scenario = ScenarioFor(d);
        var name = MemberOf(d);

        var atMinimum = d.Range.MinimumExclusive ? Math.BitIncrement(d.Range.Minimum) : d.Range.Minimum;
        d.Set(scenario, name, atMinimum).Should().NotBeNull();
        if (d.Range.HasMaximum)
        {
            var atMaximum = d.Range.MaximumExclusive ? Math.BitDecrement(d.Range.Maximum) : d.Range.Maximum;
            d.Get(d.Set(scenario, name, atMaximum), name).Should().Be(atMaximum);
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_types_that_hold_a_parameter_refuse_what_its_range_refuses_in_the_same_words(string form)
    {
        var d = Definition(form);
        var scenario = ScenarioFor(d);
        var name = MemberOf(d);
        var outside = new List<double> { d.Range.MinimumExclusive ? d.Range.Minimum : d.Range.Minimum - Math.Max(1, Math.Abs(d.Range.Minimum)) };
        if (!d.Range.WholeNumbers)
        {
            // A whole-number setting is an integer in its type: NaN cannot reach it.
            outside.Add(double.NaN);
        }

        if (d.Range.HasMaximum)
        {
            outside.Add(d.Range.MaximumExclusive ? d.Range.Maximum : d.Range.Maximum * 2);
        }

        foreach (var value in outside)
        {
            d.Range.Contains(value).Should().BeFalse();
            var act = () => d.Set(scenario, name, value);
            act.Should().Throw<ModelException>($"{form} = {value} is out of its range {d.Range}")
                .Which.Diagnostics.Select(x => x.Message).Should().Contain(d.Check(value, name));
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_parameter_states_its_unit_meaning_and_default(string form)
    {
        var d = Definition(form);

        d.Unit.Should().NotBeNullOrWhiteSpace();
        d.Description.Should().EndWith(".");
        d.DefaultSource.Should().NotBeNullOrWhiteSpace();
        if (d.Default is { } value)
        {
            d.Range.Contains(value).Should().BeTrue($"the default of {form} is valid");
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_schema_states_each_parameters_range(string form)
    {
        var d = Definition(form);
        var property = SchemaProperty(d);

        Number(property, d.Range.MinimumExclusive ? "exclusiveMinimum" : "minimum").Should().Be(d.Range.Minimum, form);
        Number(property, d.Range.MinimumExclusive ? "minimum" : "exclusiveMinimum").Should().BeNull(form);
        Number(property, d.Range.MaximumExclusive ? "exclusiveMaximum" : "maximum").Should().Be(d.Range.HasMaximum ? d.Range.Maximum : null, form);
        Number(property, d.Range.MaximumExclusive ? "maximum" : "exclusiveMaximum").Should().BeNull(form);
        TypeOf(property).Should().Be(d.Range.WholeNumbers ? "integer" : "number,string", form, "a whole number sets a chain's size and takes no belief; every other parameter takes a number or a belief as a string");
    }

    [Theory]
    [InlineData("analysis", ParameterScope.Analysis)]
    [InlineData("worldModel", ParameterScope.WorldModel)]
    [InlineData("concept", ParameterScope.Concept)]
    [InlineData("structure", ParameterScope.Structure)]
    [InlineData("dynamics", ParameterScope.Dynamics)]
    [InlineData("phase", ParameterScope.Phase)]
    public void The_schemas_numeric_keys_of_a_mapping_are_the_registrys(string schemaDefinition, ParameterScope scope)
    {
        var properties = Schema()["$defs"]![schemaDefinition]!["properties"]!.AsObject();

        var numeric = properties.Where(p => TypeOf(Resolve(p.Value!)) is "number,string" or "integer").Select(p => p.Key);

        numeric.Should().BeEquivalentTo(ParameterRegistry.InScope(scope).Select(d => d.Key));
    }

    [Fact]
    public void The_schemas_kinds_of_rate_are_the_registrys()
    {
        Schema()["$defs"]!["dynamics"]!["properties"]!["rates"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().Equal(ParameterRegistry.RateKinds);
    }

    [Fact]
    public void Asking_for_a_key_no_definition_of_the_scope_has_names_the_key_and_the_scope()
    {
        var act = () => ParameterRegistry.Get(ParameterScope.Phase, "klweight");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'klweight'*Phase*");
    }

    [Theory]
    [InlineData("analysis.sizeBound", "*precision of the computation*")]
    [InlineData("analysis.eliminationThreshold", "*no probability*")]
    [InlineData("structures.general-inductor.cameraSteps", "*sweep structures.ID.runtimeSteps*")]
    public void A_parameter_a_sweep_cannot_vary_is_refused_with_its_reason(string path, string reason)
    {
        var act = () => ScenarioParameter.Parse(path, Default);

        act.Should().Throw<ModelException>().WithMessage(reason).Which.Diagnostics[0].Path.Should().Be(path);
    }

    [Fact]
    public void The_horizon_bits_without_an_override_are_left_to_the_chain_which_derives_them()
    {
        var horizon = Definition("dynamics.horizonBits");

        horizon.Get(Default).Should().BeNull();
        horizon.Get(horizon.Set(Default, "", 12)).Should().Be(12);
        ChainAccounting.For(Default).HorizonBits.Should().BePositive("the chain derives the bits the scenario leaves out");
    }

    [Fact]
    public void A_lever_that_sets_a_number_sets_the_value_its_description_states()
    {
        var kl = Lever.Standard.Single(l => l.Name == "kl-regularisation");
        var klWeight = Definition("phases.NAME.klWeight").Get(kl.Apply(Default), Default.Phases[^1].Name)!.Value;

        kl.Description.Should().StartWith($"KL weight {klWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)} ");

        var mix = Lever.Standard.Single(l => l.Name == "interspersed-pre-training");
        var fraction = Definition("phases.NAME.pretrainingFraction").Get(mix.Apply(Default), Default.Phases[^1].Name)!.Value;
        mix.Description.Should().Contain($"{(fraction * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}%");
    }

    [Fact]
    public void The_reader_refuses_a_value_out_of_range_with_the_registrys_words_at_the_value()
    {
        var yaml = """
            schemaVersion: 1
            extends: default
            dynamics:
              phases:
                - name: pre-training
                - name: rl-fine-tuning
                  klWeight: 2e6
            """;

        var act = () => ScenarioLoader.Parse(yaml, "kl.yaml");

        var error = act.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Be(Definition("phases.NAME.klWeight").Check(2e6));
        error.Path.Should().Be("dynamics.phases[1].klWeight");
        error.Location!.Line.Should().Be(7);
    }

    private static JsonNode Schema() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "scenario.schema.json")))!;

    private static JsonNode SchemaProperty(ParameterDefinition d)
    {
        var defs = Schema()["$defs"]!;
        var node = d.Scope switch
        {
            ParameterScope.Analysis => defs["analysis"]!["properties"]![d.Key],
            ParameterScope.WorldModel => defs["worldModel"]!["properties"]![d.Key],
            ParameterScope.Concept => defs["concept"]!["properties"]![d.Key],
            ParameterScope.BuiltIn => defs["builtinWeights"]!["properties"]!.AsObject().First().Value,
            ParameterScope.Structure => defs["structure"]!["properties"]![d.Key],
            ParameterScope.Dynamics => defs["dynamics"]!["properties"]![d.Key],
            ParameterScope.Rate => defs["dynamics"]!["properties"]!["rates"]!["properties"]!["jump"],
            _ => defs["phase"]!["properties"]![d.Key],
        };
        return Resolve(node ?? throw new InvalidOperationException($"the schema has no property for {d.Form}"));
    }

    private static JsonNode Resolve(JsonNode node) =>
        node["$ref"] is { } reference
            ? Schema()["$defs"]![((string)reference!)["#/$defs/".Length..]]!
            : node;

    private static double? Number(JsonNode property, string key) => property[key]?.GetValue<double>();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PredictiveModels.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PredictiveModels.sln.");
    }

    /// <summary>A schema property's type: one name, or the names of a list of types joined by commas.</summary>
    private static string? TypeOf(System.Text.Json.Nodes.JsonNode property) => property["type"] switch
    {
        System.Text.Json.Nodes.JsonArray names => string.Join(",", names.Select(n => (string?)n)),
        { } name => (string?)name,
        null => null,
    };
}
