using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class SweepCommandTests
{
    private static readonly string[] DataSizeSweep = ["sweep", "--param", "n", "--from", "0", "--to", "200", "--steps", "5"];

    private static async Task<JsonElement> SweepAsJson(params string[] args)
    {
        var run = (await CliRun.Of([.. args, "--format", "json"])).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    private static double[] Values(JsonElement root) =>
        [.. root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble())];

    private static double ClassProbability(JsonElement point, string outcomeClass) =>
        point.GetProperty("classes").GetProperty(outcomeClass).GetDouble();

    [Fact]
    public async Task Json_names_the_canonical_path_of_an_alias()
    {
        var root = await SweepAsJson(DataSizeSweep);

        root.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        root.GetProperty("command").GetString().Should().Be("sweep");
        root.GetProperty("param").GetString().Should().Be("analysis.dataSize");
    }

    [Fact]
    public async Task A_linear_sweep_has_evenly_spaced_points_from_one_end_to_the_other()
    {
        var root = await SweepAsJson(DataSizeSweep);

        Values(root).Should().Equal(0, 50, 100, 150, 200);
    }

    [Fact]
    public async Task The_classes_of_every_point_are_the_five_outcome_classes_and_sum_to_1()
    {
        var root = await SweepAsJson(DataSizeSweep);

        foreach (var point in root.GetProperty("points").EnumerateArray())
        {
            var classes = point.GetProperty("classes").EnumerateObject().ToArray();
            classes.Select(c => c.Name).Should().Equal(PosteriorCommandTests.Classes);
            classes.Sum(c => c.Value.GetDouble()).Should().BeApproximately(1, 1e-12);
            point.GetProperty("pDeceptive").GetDouble().Should().Be(ClassProbability(point, "Deceptive"));
        }
    }

    [Fact]
    public async Task The_last_point_of_a_data_size_sweep_agrees_with_the_posterior_at_that_data_size()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("n200.yaml", "schemaVersion: 1\nextends: default\nname: n200\nanalysis:\n  dataSize: 200\n");
        var sweep = await SweepAsJson(DataSizeSweep);
        var run = (await CliRun.Of("posterior", scenario, "--format", "json")).ShouldSucceed();
        using var posterior = JsonDocument.Parse(run.Output);

        var last = sweep.GetProperty("points").EnumerateArray().Last();

        foreach (var outcomeClass in PosteriorCommandTests.Classes)
        {
            ClassProbability(last, outcomeClass).Should().BeApproximately(posterior.RootElement.GetProperty("classes").GetProperty(outcomeClass).GetDouble(), 1e-12);
        }
    }

    [Fact]
    public async Task A_log_sweep_has_geometric_values_with_exact_ends()
    {
        var root = await SweepAsJson("sweep", "--param", "n", "--from", "0.01", "--to", "100", "--steps", "5", "--log");

        var values = Values(root);

        root.GetProperty("scale").GetString().Should().Be("log");
        values.Should().HaveCount(5);
        values[0].Should().Be(0.01, "the first end is exactly --from");
        values[^1].Should().Be(100, "the last end is exactly --to");
        for (var i = 1; i < values.Length; i++)
        {
            (values[i] / values[i - 1]).Should().BeApproximately(10, 1e-9, "point {0} is ten times point {1}", i, i - 1);
        }
    }

    [Fact]
    public async Task Csv_has_a_header_that_starts_with_the_parameter_path_and_one_row_per_point()
    {
        var run = (await CliRun.Of([.. DataSizeSweep, "--format", "csv"])).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);

        rows[0].Should().Equal(["analysis.dataSize", .. PosteriorCommandTests.Classes, "bitsUnderwater"]);
        rows.Skip(1).Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).Should().Equal(0, 50, 100, 150, 200);
        rows.Should().AllSatisfy(r => r.Should().HaveSameCount(rows[0]));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Every_format_exits_0(string format)
    {
        var run = (await CliRun.Of([.. DataSizeSweep, "--format", format])).ShouldSucceed();

        run.Output.Should().NotBeNullOrWhiteSpace().And.EndWith("\n");
    }

    [Fact]
    public async Task One_step_evaluates_only_the_first_end()
    {
        var root = await SweepAsJson("sweep", "--param", "n", "--from", "7", "--to", "200", "--steps", "1");

        Values(root).Should().Equal(7);
    }

    public static TheoryData<string[], string[]> UsageErrors => new()
    {
        { ["--param", "nope", "--from", "0", "--to", "1"], ["'nope' is not a parameter path", "concepts.NAME.bits"] },
        { ["--param", "concepts.corpsu.bits", "--from", "0", "--to", "1"], ["'corpsu'", "did you mean 'corpus'"] },
        { ["--param", "n", "--from", "0", "--to", "1", "--steps", "0"], ["number of steps is 0", "100000", "(at --steps)"] },
        { ["--param", "n", "--from", "0", "--to", "1", "--steps", "100001"], ["number of steps is 100001", "100000"] },
        { ["--param", "n", "--from", "NaN", "--to", "1"], ["first value is NaN", "finite", "(at --from)"] },
        { ["--param", "n", "--from", "0", "--to", "1", "--log"], ["logarithmic", "greater than 0", "(at --log)"] },
        { ["--param", "n", "--from", "1", "--to", "-1", "--log"], ["logarithmic", "greater than 0"] },
        { ["--param", "concepts.corpus.bits", "--from", "-1", "--to", "5"], ["concepts.corpus.bits = -1", "negative"] },
        { ["--param", "concepts.human_preferences.bits", "--from", "1", "--to", "5"], ["'human_preferences' is derived"] },
        { ["--from", "0", "--to", "1"], ["--param"] },
        { ["--param", "n", "--to", "1"], ["--from"] },
        { ["--param", "n", "--from", "0"], ["--to"] },
        { ["--param", "phases.pre-training.duration", "--from", "1", "--to", "2"], ["changes only the training chain", "--dynamics"] },
        { ["--dynamics", "--param", "phases.pretraining.duration", "--from", "1", "--to", "2"], ["no phase 'pretraining'", "did you mean 'pre-training'"] },
        { ["--dynamics", "--param", "phases.pre-training.speed", "--from", "1", "--to", "2"], ["'speed' is not a numeric parameter of a phase"] },
        { ["--dynamics", "--param", "phases.pre-training.duration", "--from", "-1", "--to", "2"], ["phases.pre-training.duration = -1", "negative"] },
        { ["--dynamics", "--param", "phases.pre-training.duration", "--from", "1", "--to", "2", "--steps", "1001"], ["--steps is 1001", "1000"] },
        { ["--param", "dynamics.temperature", "--from", "1", "--to", "2"], ["dynamics.temperature changes only the training chain", "--dynamics"] },
        { ["--dynamics", "--param", "dynamics.temperature", "--from", "0", "--to", "2"], ["dynamics.temperature = 0", "greater than 0", "(at dynamics.temperature)"] },
        { ["--dynamics", "--param", "dynamics.goalResolution", "--from", "4", "--to", "0.001", "--log"], ["dynamics.goalResolution = 0.001", "an end of the sweep", "configurations", "(at dynamics.goalResolution)"] },
        { ["--dynamics", "--param", "dynamics.worldSteps", "--from", "2", "--to", "7.5"], ["last value is 7.5", "whole numbers", "(at --to)"] },
        { ["--dynamics", "--param", "dynamics.worldSteps", "--from", "0", "--to", "7"], ["dynamics.worldSteps = 0", "between 1 and 10000"] },
        { ["--dynamics", "--param", "dynamics.rates.reset", "--from", "1", "--to", "2"], ["reset has no base rate", "oversightDetectionRate"] },
        { ["--dynamics", "--param", "dynamics.maxConfigurations", "--from", "1", "--to", "2"], ["limit on the chain's size"] },
        { ["--dynamics", "--param", "dynamics.duration", "--from", "1", "--to", "2"], ["every phase of scenario 'default' gives its own duration", "phases.NAME.duration"] },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_usage_error_exits_2_with_nothing_on_stdout_and_a_message_naming_the_problem(string[] args, string[] named)
    {
        var run = (await CliRun.Of(["sweep", .. args])).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().StartWith("error: ").And.ContainAll(named);
    }

    [Fact]
    public async Task A_sweep_of_a_concepts_bits_rescores_the_candidates_at_every_point()
    {
        // With 'physical' free, the internal predictor carries little more than the corpus inline,
        // so the corpus's bits decide whether it competes with the pointer (corrigible) variant.
        using var folder = new TempFolder();
        var scenario = folder.Write("tiny.yaml", CommonOptionsTests.Edit(CommonOptionsTests.TinyYaml, "      bits: 50", "      bits: 0"));

        var root = await SweepAsJson("sweep", scenario, "--param", "concepts.corpus.bits", "--from", "0", "--to", "20", "--steps", "3");

        var points = root.GetProperty("points").EnumerateArray().ToArray();
        root.GetProperty("unit").GetString().Should().Be("bits");
        ClassProbability(points[0], "Desired").Should().BeGreaterThan(ClassProbability(points[^1], "Desired") + 0.1, "an inline corpus of 0 bits makes the internal predictor cheap");
        ClassProbability(points[1], "Desired").Should().BeInRange(ClassProbability(points[^1], "Desired"), ClassProbability(points[0], "Desired"));
    }

    [Fact]
    public async Task The_help_example_sweep_moves_p_deceptive_between_its_ends()
    {
        var root = await SweepAsJson("sweep", "--param", "concepts.corpus.weight", "--from", "0.01", "--to", "100", "--steps", "9", "--log");

        var points = root.GetProperty("points").EnumerateArray().ToArray();
        points.Should().HaveCount(9);
        points[^1].GetProperty("pDeceptive").GetDouble().Should().NotBe(points[0].GetProperty("pDeceptive").GetDouble());
    }

    [Fact]
    public async Task A_dynamics_sweep_trains_at_every_point_and_its_last_point_matches_the_train_command()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("short.yaml", "schemaVersion: 1\nextends: default\nname: short\ndynamics:\n  phases:\n    - name: pre-training\n      duration: 100\n    - name: rl-fine-tuning\n      duration: 5\n      conditionalBits: 24\n      dataSize: 1e6\n      horizonBonus: 1e-5\n      awarenessBonus: 1e-5\n");

        var root = await SweepAsJson("sweep", "--dynamics", "--param", "phases.rl-fine-tuning.duration", "--from", "0", "--to", "5", "--steps", "2");
        var run = (await CliRun.Of("train", scenario, "--format", "json", "--skip-relaxation")).ShouldSucceed();
        using var train = JsonDocument.Parse(run.Output);

        root.GetProperty("regime").GetString().Should().Be("dynamics");
        var points = root.GetProperty("points").EnumerateArray().ToArray();
        points.Select(p => p.GetProperty("value").GetDouble()).Should().Equal(0, 5);
        points[0].GetProperty("riseHigh").GetDouble().Should().Be(0, "a fine-tuning phase of length 0 leaves the distribution where pre-training ended");
        var trained = train.RootElement.GetProperty("phases")[1].GetProperty("classes").GetProperty("Deceptive").GetDouble();
        points[1].GetProperty("pDeceptiveHigh").GetDouble().Should().Be(trained);
        points[1].GetProperty("pDeceptiveLow").GetDouble().Should().Be(points[0].GetProperty("pDeceptiveLow").GetDouble(), "the duration does not change the equilibrium");
        foreach (var point in points)
        {
            (point.GetProperty("classes").EnumerateObject().Sum(c => c.Value.GetDouble()) + point.GetProperty("undecided").GetDouble()).Should().BeApproximately(1, 1e-9);
        }
    }

    [Fact]
    public async Task A_world_steps_sweep_trains_at_whole_numbers_and_its_points_match_the_train_command()
    {
        using var folder = new TempFolder();
        var minimal = RepositoryRoot.File("samples/scenarios/minimal.yaml");
        var scenario = folder.Write("steps.yaml", $"schemaVersion: 1\nextends: {minimal.Replace('\\', '/')}\nname: steps\ndynamics:\n  worldSteps: 3\n");

        var root = await SweepAsJson("sweep", minimal, "--dynamics", "--param", "dynamics.worldSteps", "--from", "1", "--to", "4", "--steps", "7");
        var run = (await CliRun.Of("train", scenario, "--format", "json")).ShouldSucceed();
        using var train = JsonDocument.Parse(run.Output);

        root.GetProperty("param").GetString().Should().Be("dynamics.worldSteps");
        root.GetProperty("unit").GetString().Should().Be("steps");
        var points = root.GetProperty("points").EnumerateArray().ToArray();
        points.Select(p => p.GetProperty("value").GetDouble()).Should().Equal([1, 2, 3, 4], "the points between the ends are rounded and repeats dropped");
        points[2].GetProperty("pDeceptiveHigh").GetDouble().Should().Be(train.RootElement.GetProperty("phases")[0].GetProperty("classes").GetProperty("Deceptive").GetDouble());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task A_dynamics_sweep_renders_every_format_with_the_high_and_low_columns(string format)
    {
        var run = (await CliRun.Of("sweep", RepositoryRoot.File("samples/scenarios/minimal.yaml"), "--dynamics", "--param", "phases.pre-training.duration", "--from", "1", "--to", "10", "--steps", "2", "--format", format)).ShouldSucceed();

        run.Output.Should().ContainAll("phases.pre-training.duration", "1", "10");
        run.Output.Should().Contain(format == "csv" ? "pDeceptiveHigh" : "P(Deceptive) high");
    }

    [Fact]
    public async Task Output_writes_the_file_and_nothing_to_stdout()
    {
        using var folder = new TempFolder();
        var target = folder.File("sweep.csv");
        var toStdout = (await CliRun.Of([.. DataSizeSweep, "--format", "csv"])).ShouldSucceed();

        var toFile = (await CliRun.Of([.. DataSizeSweep, "--format", "csv", "--output", target])).ShouldSucceed();

        toFile.Output.Should().BeEmpty();
        File.ReadAllText(target).Should().Be(toStdout.Output);
        folder.FileNames().Should().Equal("sweep.csv");
    }

    [Fact]
    public async Task A_usage_error_with_output_leaves_no_file()
    {
        using var folder = new TempFolder();

        (await CliRun.Of("sweep", "--param", "nope", "--from", "0", "--to", "1", "--output", folder.File("sweep.json"))).ShouldFailCleanly(ExitCodes.UsageError);

        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task A_cancelled_sweep_exits_130_and_writes_no_output_file()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of([.. DataSizeSweep, "--output", folder.File("sweep.json")], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.Output.Should().BeEmpty();
        run.ShouldShowNoStackTrace();
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task No_progress_bar_appears_in_captured_output_by_default()
    {
        var run = (await CliRun.Of(DataSizeSweep)).ShouldSucceed();

        run.Output.Should().NotContain("\u001b", "no terminal control sequence reaches captured output");
        run.Output.Should().NotContain("%").And.NotContain("sweep analysis.dataSize");
        run.Output.Should().StartWith("Sweep of analysis.dataSize");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Drawing_a_progress_bar_leaves_standard_output_exactly_as_without_it(string format)
    {
        // Spectre.Console draws nothing on a writer that is no terminal, so this checks that the
        // progress code path runs to the end and leaves standard output and standard error alone.
        var quiet = (await CliRun.Of([.. DataSizeSweep, "--format", format])).ShouldSucceed();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await CliApp.RunAsync([.. DataSizeSweep, "--format", format], output, error, CancellationToken.None, new CliContext(true, progress));

        exitCode.Should().Be(ExitCodes.Success, "stderr was:\n{0}", error);
        error.ToString().Should().BeEmpty();
        output.ToString().Should().Be(quiet.Output);
    }

    [Fact]
    public async Task Help_exits_0_and_lists_every_path_form()
    {
        var run = (await CliRun.Of("sweep", "--help")).ShouldSucceed();
        var text = Regex.Replace(run.Output, @"\s+", " ");

        text.Should().ContainAll(ScenarioParameter.PathForms);
        text.Should().ContainAll(ScenarioParameter.PathDescriptions.Select(d => Regex.Replace(d, @"\s+", " ")), "every path is listed with its unit and range");
        text.Should().ContainAll("--param", "--from", "--to", "--steps", "--log", "table|json|csv|markdown", "default scenario");
        text.Should().Contain("predictive-models sweep --param concepts.corpus.weight", "the help shows an example");
    }
}
