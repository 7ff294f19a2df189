using System.Text;
using PredictiveModels.Diagnostics;
using PredictiveModels.Fuzz;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// The inputs afl-fuzz found (tests/fuzz/regressions/TARGET, each file as found or cut down by hand to the
/// fault) replayed through the same fuzzing target, through the library and through the command line; and
/// each kind of fault they showed, stated as the behaviour that replaced it.
/// </summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly TempFolder _scratch = new();

    public FuzzRegressionTests() => FuzzTargets.PrepareScratchFolder(_scratch.Path);

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(RepositoryRoot.File("tests/fuzz/regressions")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(System.IO.Path.GetFileName(folder), System.IO.Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void The_regression_folder_holds_inputs_for_known_targets_only()
    {
        var targets = Regressions().Select(row => (string)row[0]).Distinct().ToList();

        targets.Should().NotBeEmpty();
        targets.Should().OnlyContain(t => IsTarget(t), "each folder is named after the target that found its inputs");
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_found_input_keeps_the_fuzzing_targets_contract(string target, string file)
    {
        FuzzTargets.TryParse(target, out var fuzzTarget).Should().BeTrue();
        var input = File.ReadAllBytes(Regression(target, file));

        var run = () => FuzzTargets.Run(fuzzTarget, input, _scratch.Path);

        run.Should().NotThrow("every refusal is a ModelException whose diagnostics are located inside the text");
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    [InlineData("expression")]
    [InlineData("scenario")]
    public void Every_input_of_the_committed_corpus_keeps_the_fuzzing_targets_contract(string target)
    {
        // The seeds and the afl-cmin-minimised queues of the measured runs (docs/fuzzing.md): inputs that reach
        // every branch afl-fuzz reached, replayed so that a change which breaks the contract on one of them fails here.
        FuzzTargets.TryParse(target, out var fuzzTarget).Should().BeTrue();
        var files = Directory.GetFiles(RepositoryRoot.File($"tests/fuzz/corpus/{target}")).Order(StringComparer.Ordinal).ToList();
        var broken = new List<string>();
        foreach (var file in files)
        {
            try
            {
                FuzzTargets.Run(fuzzTarget, File.ReadAllBytes(file), _scratch.Path);
            }
            catch (Exception e)
            {
                broken.Add($"{System.IO.Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        files.Should().NotBeEmpty();
        broken.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_found_input_is_refused_by_the_library_with_located_diagnostics(string target, string file)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Regression(target, file)));
        var format = target == "json" ? ScenarioFormat.Json : ScenarioFormat.Yaml;

        var parse = () => ScenarioLoader.Parse(text, _scratch.File("input." + target), format);

        parse.Should().Throw<ModelException>().Which.Diagnostics.Should().OnlyContain(d => d.Location != null);
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public async Task A_found_input_makes_validate_fail_cleanly_with_a_located_message(string target, string file)
    {
        var path = _scratch.File(file);
        File.Copy(Regression(target, file), path);

        var run = (await CliRun.Of("validate", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().StartWith(path + ":");
    }

    [Fact]
    public void An_empty_tag_prefix_in_a_YAML_directive_is_malformed_YAML_not_an_argument_error()
    {
        var parse = () => ScenarioLoader.Parse("%TAG ! \t\n---\nschemaVersion: 1\n", "s.yaml");

        parse.Should().Throw<ModelException>().Which.Message.Should().StartWith("s.yaml:1:").And.Contain("malformed YAML: Tag prefix must not be empty");
    }

    [Fact]
    public void An_escaped_high_surrogate_without_its_low_half_in_YAML_is_malformed_YAML_not_an_argument_error()
    {
        var parse = () => ScenarioLoader.Parse("schemaVersion: 1\nname: \"\\ud800\\ud800\"\n", "s.yaml");

        parse.Should().Throw<ModelException>().Which.Message.Should().StartWith("s.yaml:2:").And.Contain("malformed YAML");
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"name\": \"min\\ud800imal\"}", 1, 30)]
    [InlineData("{\"schemaVersion\": 1,\n \"\\udc00name\": \"minimal\"}", 2, 2)]
    public void A_lone_surrogate_escape_in_a_JSON_string_is_malformed_JSON_located_at_the_string(string json, int line, int column)
    {
        var parse = () => ScenarioLoader.Parse(json, "s.json", ScenarioFormat.Json);

        var diagnostic = parse.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Message.Should().Be(@"malformed JSON: this string holds an escaped UTF-16 surrogate (\ud800 to \udfff) that is not half of a high-low pair");
        diagnostic.Location.Should().Be(new SourceLocation("s.json", line, column));
    }

    [Theory]
    [InlineData("schemaVersion: 1\nextends: \"minimal\\0.yaml\"\n", ScenarioFormat.Yaml, 2, 11)]
    [InlineData("{\"schemaVersion\": 1, \"extends\": \"minim\\u0000al.json\"}", ScenarioFormat.Json, 1, 34)]
    public void A_NUL_in_the_extends_path_is_refused_at_the_extends_value(string text, ScenarioFormat format, int line, int column)
    {
        var parse = () => ScenarioLoader.Parse(text, _scratch.File("s"), format);

        var diagnostic = parse.Should().Throw<ModelException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Message.Should().Be("extends names a file with the character U+0000, which no file name can hold");
        diagnostic.Path.Should().Be("extends");
        diagnostic.Location.Should().Be(new SourceLocation(_scratch.File("s"), line, column));
    }

    [Theory]
    [InlineData("{#", 1, 3)]
    [InlineData("---\n\0\0", 2, 3)]
    [InlineData("schemaVersion: 1\nworldModel: [", 2, 14)]
    public void A_YAML_error_at_the_end_of_the_text_is_located_at_the_end_of_its_last_line(string yaml, int line, int column)
    {
        var parse = () => ScenarioLoader.Parse(yaml, "s.yaml");

        parse.Should().Throw<ModelException>().Which.Diagnostics.Should().OnlyContain(d => d.Location == new SourceLocation("s.yaml", line, column));
    }

    public void Dispose() => _scratch.Dispose();

    private static bool IsTarget(string name) => FuzzTargets.TryParse(name, out _);

    private static string Regression(string target, string file) => RepositoryRoot.File($"tests/fuzz/regressions/{target}/{file}");
}
