using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Hardening;

/// <summary>Hostile document shapes: deep nesting, anchors and aliases. Each must end in a located error, never a crash.</summary>
public sealed class DocumentShapeTests
{
    private static Diagnostic SingleError(string text, ScenarioFormat format)
    {
        var parse = () => ScenarioLoader.Parse(text, "hostile", format);
        var thrown = parse.Should().Throw<ModelException>().Which;
        thrown.Diagnostics.Should().HaveCount(1, "the shape is refused before the schema is read: {0}", thrown.Message);
        return thrown.Diagnostics[0];
    }

    [Fact]
    public void Yaml_flow_lists_nested_ten_thousand_deep_are_refused_at_the_first_level_too_deep()
    {
        var text = "schemaVersion: 1\ndescription: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var error = SingleError(text, ScenarioFormat.Yaml);

        error.Message.Should().Contain("nested more than 128 levels deep");
        // The root mapping is level 1, so the 128th '[' (column 14 + 127) is level 129.
        error.Location.Should().Be(new SourceLocation("hostile", 2, 14 + 127));
    }

    [Fact]
    public void Yaml_block_mappings_nested_thousands_deep_are_refused()
    {
        var text = "schemaVersion: 1\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', i) + $"k{i}:\n"));

        var error = SingleError(text, ScenarioFormat.Yaml);

        error.Message.Should().Contain("nested more than 128 levels deep");
        error.Location!.Line.Should().Be(130);
    }

    [Fact]
    public void Yaml_nested_exactly_128_deep_is_read_and_reaches_the_schema_check()
    {
        var text = "schemaVersion: 1\ndescription: " + new string('[', 127) + new string(']', 127) + "\n";

        var parse = () => ScenarioLoader.Parse(text, "hostile");

        parse.Should().Throw<ModelException>().Which.Diagnostics.Should().NotContain(d => d.Message.Contains("levels deep"))
            .And.Contain(d => d.Message == "expected a string but found a list");
    }

    [Fact]
    public void Json_arrays_nested_ten_thousand_deep_are_refused_with_the_same_message_as_yaml()
    {
        var text = "{\"schemaVersion\": 1, \"description\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var error = SingleError(text, ScenarioFormat.Json);

        error.Message.Should().Contain("nested more than 128 levels deep");
        error.Location.Should().Be(new SourceLocation("hostile", 1, 37 + 127));
    }

    [Fact]
    public void A_yaml_anchor_is_refused_where_it_stands()
    {
        var error = SingleError("schemaVersion: 1\ndescription: &text hello\nname: *text\n", ScenarioFormat.Yaml);

        error.Message.Should().Be("YAML anchors (&text) are not supported in scenarios; write the value out where it is used");
        error.Location.Should().Be(new SourceLocation("hostile", 2, 14));
    }

    [Fact]
    public void A_yaml_alias_without_an_anchor_is_refused_where_it_stands()
    {
        var error = SingleError("schemaVersion: 1\nname: *text\n", ScenarioFormat.Yaml);

        error.Message.Should().Be("YAML aliases (*text) are not supported in scenarios; write the value out");
        error.Location.Should().Be(new SourceLocation("hostile", 2, 7));
    }

    [Fact]
    public void A_billion_laughs_file_is_refused_at_its_first_anchor_before_anything_is_expanded()
    {
        // Nine levels of nine references each: expanded, it would hold 9^10 strings (gigabytes).
        var text = "schemaVersion: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        var previous = 'a';
        for (var level = 0; level < 9; level++)
        {
            var name = (char)('b' + level);
            text += $"{name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]\n";
            previous = name;
        }

        text.Length.Should().BeLessThan(1024);

        var error = SingleError(text, ScenarioFormat.Yaml);

        error.Message.Should().StartWith("YAML anchors (&a)");
        error.Location.Should().Be(new SourceLocation("hostile", 2, 4));
    }

    [Fact]
    public void An_anchor_on_a_mapping_key_is_refused()
    {
        var error = SingleError("schemaVersion: 1\n&k name: x\n", ScenarioFormat.Yaml);

        error.Message.Should().StartWith("YAML anchors (&k)");
        error.Location!.Line.Should().Be(2);
    }
}
