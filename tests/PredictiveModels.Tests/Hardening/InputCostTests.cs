using System.Numerics;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Tests.Scenarios;

namespace PredictiveModels.Tests.Hardening;

/// <summary>Every cost an input drives is bounded before it is paid: bytes read, literal and name lengths, suggestions, chain memory.</summary>
public sealed class InputCostTests
{
    private static readonly string Minimal = File.ReadAllText(TestScenarios.Sample("minimal.yaml"));

    [Fact]
    public void Reading_a_device_of_unstated_length_stops_at_the_size_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        // /dev/zero states a length of 0 and never ends: only a limit on what is read stops it.
        var load = () => ScenarioLoader.Load("/dev/zero");

        load.Should().Throw<ModelException>().WithMessage($"the scenario file '/dev/zero' holds more than {ScenarioLoader.MaxFileBytes} bytes*");
    }

    [Fact]
    public void A_base_scenario_of_unstated_length_is_refused_at_the_extends_key()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var parse = () => ScenarioLoader.Parse("schemaVersion: 1\nextends: /dev/zero\n", "child.yaml");

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Contain("holds more than");
        error.Location.Should().Be(new SourceLocation("child.yaml", 2, 10));
    }

    [Fact]
    public void A_scenario_file_with_a_byte_order_mark_is_still_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-bom-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Minimal, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            ScenarioLoader.Load(path).Name.Should().Be("minimal");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_natural_literal_of_a_million_digits_is_refused_at_its_first_digit()
    {
        var text = "year(" + new string('7', 1_000_000) + ")";

        var parse = () => ExpressionParser.Parse(text);

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Be($"a natural-number literal has at most {ExpressionParser.MaxLiteralDigits} digits");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, 6));
    }

    [Fact]
    public void A_natural_literal_of_the_largest_length_is_read()
    {
        var digits = new string('9', ExpressionParser.MaxLiteralDigits);

        var parsed = ExpressionParser.Parse($"year({digits})");

        ((NatLiteral)((Application)parsed).Arguments![0]).Value.Should().Be(BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_scenario_with_a_million_digit_literal_in_a_camera_gets_a_located_error()
    {
        var text = Minimal.Replace("year(2015)", "year(" + new string('1', 1_000_000) + ")", StringComparison.Ordinal);

        var parse = () => ScenarioLoader.Parse(text, "big.yaml");

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Contain("at most 1000 digits");
        error.Path.Should().Be("structures[0].camera");
        error.Location!.Line.Should().Be(21);
    }

    [Fact]
    public void A_name_of_a_hundred_thousand_characters_in_an_expression_is_refused_where_it_starts()
    {
        var parse = () => ExpressionParser.Parse("restrict(corpus, " + new string('x', 100_000) + ")");

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Be($"a name has at most {ExpressionParser.MaxIdentifierLength} characters");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, 18));
    }

    [Fact]
    public void A_concept_name_of_a_hundred_thousand_characters_is_refused_without_echoing_it()
    {
        var text = Minimal.Replace("- name: physical", "- name: " + new string('p', 100_000), StringComparison.Ordinal);

        var parse = () => ScenarioLoader.Parse(text, "long.yaml");

        var thrown = parse.Should().Throw<ModelException>().Which;
        thrown.Diagnostics.Should().Contain(d => d.Message == "a concept name has 100000 characters; at most 256 are allowed" && d.Location!.Line == 13);
    }

    [Fact]
    public void Suggestions_for_a_hundred_thousand_character_name_are_skipped()
    {
        var candidates = Enumerable.Range(0, 20).Select(i => new string('n', 100_000) + i).ToArray();

        // The edit distance would cost 20 x 10^10 steps; a name this long gets no suggestion at all.
        NameSuggestions.DidYouMean(new string('n', 100_000), candidates).Should().BeEmpty();
    }

    [Fact]
    public void Suggestions_still_find_a_near_name_among_long_candidates()
    {
        var candidates = new[] { new string('q', 100_000), "physical", "corpus" };

        NameSuggestions.DidYouMean("physcal", candidates).Should().Be("; did you mean 'physical'?");
    }

    [Fact]
    public void An_expression_with_two_hundred_thousand_arguments_on_many_lines_is_parsed_in_linear_time()
    {
        // Locating each token used to count lines from the start of the text: quadratic in the number of tokens.
        var text = "f(" + string.Join(",\n", Enumerable.Repeat("a", 200_000)) + ")";

        var parsed = (Application)ExpressionParser.Parse(text);

        parsed.Arguments.Should().HaveCount(200_000);
        parsed.Arguments![^1].Location.Should().Be(new SourceLocation("<expression>", 200_000, 1));
    }

    [Fact]
    public void Expressions_nested_ten_thousand_deep_are_refused_with_a_location()
    {
        var text = string.Concat(Enumerable.Repeat("f(", 10_000)) + "a" + new string(')', 10_000);

        var parse = () => ExpressionParser.Parse(text);

        var error = parse.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Be($"expression nested deeper than {ExpressionParser.MaxDepth} levels");
        error.Location.Should().Be(new SourceLocation("<expression>", 1, (2 * (ExpressionParser.MaxDepth + 1)) + 1));
    }

    [Fact]
    public void A_chain_that_needs_more_memory_than_is_available_is_refused_before_allocating_with_the_estimate_and_the_key()
    {
        var text = "schemaVersion: 1\nextends: default\ndynamics:\n  goalResolution: 2\n  worldSteps: 10000\n  maxConfigurations: 1000000000\n";
        var scenario = ScenarioLoader.Parse(text, "memory.yaml");

        var check = () => ChainBudget.Check(scenario, availableBytes: 8L << 30);

        var error = check.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().Match("the training chain of phase 'pre-training' would have 652,365,230 configurations, needing about 273.4 GiB of memory (450 bytes each), but only 8 GiB is available; raise dynamics.goalResolution*");
        error.Location.Should().Be(new SourceLocation("memory.yaml", 4, 3));
    }

    [Fact]
    public void Building_a_chain_larger_than_the_machines_memory_throws_a_model_exception_not_out_of_memory()
    {
        var scenario = Scenario.Default.With(dynamics: DynamicsSettings.Create(goalResolution: 2, worldSteps: 10_000, maxConfigurations: 1_000_000_000));
        ChainBudget.EstimateBytes(ConfigurationSpace.CountConfigurations(scenario, scenario.Dynamics)).Should().BeGreaterThan(ChainBudget.AvailableBytes(), "the test needs a chain this machine cannot hold");

        var build = () => ConfigurationSpace.Build(scenario, scenario.Dynamics);

        build.Should().Throw<ModelException>().WithMessage("*needing about*GiB of memory*");
    }

    [Fact]
    public void The_default_scenario_fits_the_budget_of_this_machine()
    {
        var check = () => ChainBudget.Check(Scenario.Default);

        check.Should().NotThrow();
    }

    [Fact]
    public void A_chain_too_large_for_its_limit_is_located_at_the_key_that_causes_it()
    {
        var text = "schemaVersion: 1\nextends: default\ndynamics:\n  worldSteps: 10000\n  goalResolution: 0.5\n";
        var scenario = ScenarioLoader.Parse(text, "large.yaml");

        var check = () => ChainBudget.Check(scenario, long.MaxValue);

        var error = check.Should().Throw<ModelException>().Which.Diagnostics.Single();
        error.Message.Should().StartWith("the training chain would have");
        error.Location.Should().Be(new SourceLocation("large.yaml", 5, 3));
    }

    [Fact]
    public void A_chain_too_large_in_a_scenario_that_sets_no_dynamics_is_located_at_the_start_of_the_file()
    {
        var text = Minimal.Replace("bits: 4000", "bits: 40000000", StringComparison.Ordinal);
        var scenario = ScenarioLoader.Parse(text, "huge-goal.yaml");

        var check = () => ChainBudget.Check(scenario, long.MaxValue);

        // The first line after the comments: where the scenario's mapping, which would hold dynamics, begins.
        check.Should().Throw<ModelException>().Which.Diagnostics.Single().Location.Should().Be(new SourceLocation("huge-goal.yaml", 5, 1));
    }
}
