namespace PredictiveModels.Cli.Tests.Commands;

public sealed partial class CommonOptionsTests
{
    /// <summary>
    /// Bad YAML scenarios: the edit that breaks <see cref="TinyYaml"/>, the line and column where the
    /// problem is, and a phrase the message must hold.
    /// </summary>
    public static TheoryData<string, string, string, int, int, string> BadYamlScenarios => new()
    {
        // name, edit: old, new, line, column, message
        { "malformed", "  - id: predictor", "  - id: predictor: oops", 15, 18, "malformed YAML" },
        { "unknown-key", "\nname: tiny", "\nnmae: tiny", 2, 1, "unknown key 'nmae'" },
        { "misspelt-concept-key", "      bits: 50", "      bits: 50\n      wieght: 2", 11, 7, "did you mean 'weight'" },
        { "unknown-concept-in-camera", "restrict(corpus, physical)", "restrict(corpsu, physical)", 16, 22, "unknown concept 'corpsu'; did you mean 'corpus'?" },
        { "type-error-in-camera", "restrict(corpus, physical)", "restrict(physical, corpus)", 16, 22, "'physical' is a Predicate, but a Stream is expected here" },
        { "wrong-arity", "restrict(corpus, physical)", "restrict(corpus)", 16, 13, "'restrict' takes 2 arguments" },
        { "duplicate-concept", "    - name: money", "    - name: corpus", 11, 7, "concept 'corpus' is declared twice" },
        { "definition-cycle", "      bits: 20", "      definition: longterm(money)", 11, 7, "cycle: money -> money" },
        { "negative-bits", "      bits: 50", "      bits: -5", 10, 13, "cannot be negative" },
        { "nan-bits", "      bits: 50", "      bits: .nan", 10, 13, "cannot be NaN" },
        { "infinite-weight", "      bits: 50", "      bits: 50\n      weight: .inf", 11, 15, "cannot be infinite" },
        { "zero-weight", "      bits: 50", "      bits: 50\n      weight: 0", 11, 15, "must be greater than 0" },
        { "schema-version-2", "schemaVersion: 1", "schemaVersion: 2", 1, 16, "schemaVersion 2 is not supported" },
        { "unknown-class", "class: Desired", "class: Desire", 18, 12, "did you mean 'Desired'" },
        { "unclosed-flow-list", "mechanisms: [internal, corrigible]", "mechanisms: [internal, corrigible", 19, 17, "never closed" },
        {
            "hole-cheaper-than-size-bound",
            "      bits: 20",
            "      bits: 20\n      params: [Stream]",
            22,
            23,
            "raise analysis.sizeBound to at least 2"
        },
    };

    public static TheoryData<string, string, string, int, int, string> BadJsonScenarios => new()
    {
        { "malformed", "\"bits\": 50 }", "\"bits\": 50 ]", 7, 61, "malformed JSON" },
        { "malformed-after-non-ascii", "\"name\": \"tiny\",", "\"name\": \"ñandú\", ]", 3, 20, "malformed JSON" },
        { "unknown-key", "\"name\": \"tiny\",", "\"nmae\": \"tiny\",", 3, 3, "unknown key 'nmae'" },
        { "type-error-in-camera", "restrict(corpus, physical)", "restrict(physical, corpus)", 12, 46, "'physical' is a Predicate, but a Stream is expected here" },
        { "negative-bits", "\"bits\": 50 }", "\"bits\": -5 }", 7, 58, "cannot be negative" },
        { "zero-weight", "\"bits\": 50 }", "\"bits\": 50, \"weight\": 0 }", 7, 72, "must be greater than 0" },
        { "duplicate-concept", "{ \"name\": \"money\"", "{ \"name\": \"corpus\"", 8, 7, "concept 'corpus' is declared twice" },
        { "duplicate-key", "\"name\": \"tiny\",", "\"name\": \"tiny\", \"name\": \"again\",", 3, 19, "appears twice" },
        { "schema-version-2", "\"schemaVersion\": 1", "\"schemaVersion\": 2", 2, 20, "schemaVersion 2 is not supported" },
    };

    [Theory]
    [MemberData(nameof(BadYamlScenarios))]
    public async Task A_bad_yaml_scenario_exits_1_naming_the_file_line_and_column(string name, string old, string replacement, int line, int column, string message)
    {
        using var folder = new TempFolder();
        var scenario = Edit(TinyYaml, old, replacement);
        if (name == "hole-cheaper-than-size-bound")
        {
            scenario += "analysis:\n  sizeBound: 1\n";
        }

        var path = folder.Write(name + ".yaml", scenario);

        await ShouldReport(path, line, column, message);
    }

    [Theory]
    [MemberData(nameof(BadJsonScenarios))]
    public async Task A_bad_json_scenario_exits_1_naming_the_file_line_and_column(string name, string old, string replacement, int line, int column, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name + ".json", Edit(TinyJson, old, replacement));

        await ShouldReport(path, line, column, message);
    }

    [Theory]
    [InlineData("zero-bytes.yaml", "")]
    [InlineData("blank-lines.yaml", "\n\n")]
    [InlineData("comment-only.yaml", "# nothing yet\n")]
    [InlineData("zero-bytes.json", "")]
    [InlineData("blank-lines.json", "  \n\n")]
    public async Task An_empty_scenario_file_exits_1_at_line_1_column_1_saying_it_is_empty(string name, string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, text);

        await ShouldReport(path, 1, 1, "the file is empty");
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_1_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("no-such-scenario.yaml");

        var run = (await CliRun.Of("score", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain(path).And.Contain("does not exist");
    }

    [Fact]
    public async Task A_folder_given_as_the_scenario_exits_1_naming_it()
    {
        using var folder = new TempFolder();

        var run = (await CliRun.Of("score", folder.Path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain(folder.Path).And.Contain("directory");
    }

    [Fact]
    public async Task Every_problem_of_a_scenario_is_reported_in_one_run()
    {
        using var folder = new TempFolder();
        var scenario = Edit(Edit(TinyYaml, "      bits: 50", "      bits: -5"), "      bits: 20", "      bits: .nan");
        var path = folder.Write("two-problems.yaml", scenario);

        var run = (await CliRun.Of("score", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{path}:10:13: error:").And.Contain($"{path}:13:13: error:");
    }

    [Fact]
    public async Task A_runtime_formula_that_overflows_is_reported_at_the_procedure()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge-plan.yaml", Edit(TinyYaml, "plan(2)", $"plan({new string('9', 400)})"));

        await ShouldReport(path, 22, 16, "runtime");
    }

    [Fact]
    public async Task Concept_bits_whose_sum_overflows_are_reported_instead_of_crashing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge-bits.yaml", Edit(Edit(TinyYaml, "bits: 100", "bits: 1e308"), "bits: 50", "bits: 1e308"));

        var run = await CliRun.Of("score", path, "--format", "json");

        run.ShouldFailCleanly(ExitCodes.ModelError);
        run.Error.Should().Contain(path).And.Contain("more than the largest accepted");
    }

    [Fact]
    public async Task The_scenario_problem_is_reported_the_same_by_every_command_that_reads_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("type-error.yaml", Edit(TinyYaml, "restrict(corpus, physical)", "restrict(physical, corpus)"));

        foreach (var args in new[] { new[] { "structures", path }, ["score", path], ["explain", "predictor", path], ["validate", path] })
        {
            var run = (await CliRun.Of(args)).ShouldFailCleanly(ExitCodes.ModelError);
            run.Error.Should().Contain($"{path}:16:22: error:", "'{0}' reads the same file", args[0]);
        }
    }

    private static async Task ShouldReport(string path, int line, int column, string message)
    {
        foreach (var command in new[] { "score", "validate" })
        {
            var run = (await CliRun.Of(command, path)).ShouldFailCleanly(ExitCodes.ModelError);
            run.Error.Should().Contain($"{path}:{line}:{column}: error:", "'{0}' must point at the problem", command);
            run.Error.Should().Contain(message);
        }
    }
}
