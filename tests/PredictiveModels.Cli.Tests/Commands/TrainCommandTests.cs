using System.Text.Json;

namespace PredictiveModels.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    /// <summary>A chain of a few hundred configurations, so that each run takes well under a second.</summary>
    private const string Small = """
        schemaVersion: 1
        extends: {0}
        name: small-dynamics
        dynamics:
          worldSteps: 3
          goalResolution: 2000
          phases:
            - name: pre-training
              duration: 20
            - name: rl-fine-tuning
              duration: 5
              conditionalBits: 3000
              horizonBonus: 0.001
        """;

    /// <summary>Writes the small two-phase scenario (shared with the run tests) and returns its path.</summary>
    internal static string WriteSmall(TempFolder folder) =>
        folder.Write("small.yaml", Small.Replace("{0}", RepositoryRoot.File("samples/scenarios/minimal.yaml"), StringComparison.Ordinal));

    [Fact]
    public async Task Json_lists_each_phase_with_its_classes_path_dependence_index_and_the_final_equilibrium()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("command").GetString().Should().Be("train");
        var phases = root.GetProperty("phases").EnumerateArray().ToArray();
        phases.Select(p => p.GetProperty("name").GetString()).Should().Equal("pre-training", "rl-fine-tuning");
        foreach (var phase in phases)
        {
            var classes = phase.GetProperty("classes").EnumerateObject().Sum(c => c.Value.GetDouble()) + phase.GetProperty("undecided").GetDouble();
            classes.Should().BeApproximately(1, 1e-9);
            phase.GetProperty("pathDependenceIndex").GetDouble().Should().BeInRange(0, 1);
            phase.GetProperty("errorBound").GetDouble().Should().BeLessThan(1e-9);
        }

        root.GetProperty("equilibrium").GetProperty("classes").EnumerateObject().Select(c => c.Name)
            .Should().Equal("Desired", "AnthropicCapture", "Sycophantic", "Deceptive", "NonScalable");
    }

    [Fact]
    public async Task The_minimal_sample_trained_for_ten_thousand_time_units_ends_with_all_its_probability_and_a_small_true_bound()
    {
        // Issue 8's reproduction: this printed an end-of-phase row of zeros with an error bound of 1.85e-26, exit 0.
        using var folder = new TempFolder();
        var path = folder.Write("long.yaml", $"""
            schemaVersion: 1
            extends: {RepositoryRoot.File("samples/scenarios/minimal.yaml")}
            dynamics:
              duration: 1e4
            """);

        var run = (await CliRun.Of("train", path, "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var phase = document.RootElement.GetProperty("phases").EnumerateArray().Single();
        var classes = phase.GetProperty("classes").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble());
        (classes.Values.Sum() + phase.GetProperty("undecided").GetDouble()).Should().BeApproximately(1, 1e-9);
        classes.Values.Max().Should().BeGreaterThan(0.5, "the probability is still there, not lost to a row of zeros");
        classes["Deceptive"].Should().BeGreaterThan(0);
        // The bound is the tolerance plus the rounding estimate, which grows with time x largest exit rate (see docs/dynamics.md).
        phase.GetProperty("errorBound").GetDouble().Should().BeInRange(1e-15, 1e-9);
    }

    [Fact]
    public async Task Json_gives_each_phase_its_absorption_classes_mean_time_and_accuracy()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        foreach (var phase in document.RootElement.GetProperty("phases").EnumerateArray())
        {
            var absorption = phase.GetProperty("absorption");
            var classes = absorption.GetProperty("classes").EnumerateObject().ToArray();
            classes.Select(c => c.Name).Should().Equal("Desired", "AnthropicCapture", "Sycophantic", "Deceptive", "NonScalable");
            var unaccounted = absorption.GetProperty("unaccounted").GetDouble();
            unaccounted.Should().BeInRange(0, 1e-9);
            Math.Abs(1 - classes.Sum(c => c.Value.GetDouble())).Should().BeApproximately(unaccounted, 1e-15);
            absorption.GetProperty("residual").GetDouble().Should().BeInRange(0, 1e-10);
            absorption.GetProperty("meanTime").GetDouble().Should().BeGreaterThan(0);
            absorption.GetProperty("sweeps").GetInt32().Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public async Task A_phase_whose_absorption_has_no_answer_still_trains_and_says_why()
    {
        // At 22,000 tokens a fine-tuning world step costs more bits than it saves loss, so runs that
        // are still at world step 0 can never finish a goal: absorption has no finite answer.
        using var folder = new TempFolder();
        var scenario = folder.Write("n22k.yaml", "schemaVersion: 1\nextends: default\nname: n22k\ndynamics:\n  phases:\n    - name: pre-training\n      duration: 100\n    - name: rl-fine-tuning\n      duration: 20\n      conditionalBits: 24\n      dataSize: 22000\n");

        var table = (await CliRun.Of("train", scenario, "--skip-relaxation")).ShouldSucceed();
        var json = (await CliRun.Of("train", scenario, "--format", "json", "--skip-relaxation")).ShouldSucceed();

        table.Output.Should().Contain("Absorption not available: the absorption analysis has no finite answer");
        using var document = JsonDocument.Parse(json.Output);
        var fineTuning = document.RootElement.GetProperty("phases")[1];
        fineTuning.GetProperty("absorption").ValueKind.Should().Be(JsonValueKind.Null);
        fineTuning.GetProperty("absorptionProblem").GetString().Should().Contain("no finite answer");
        fineTuning.GetProperty("classes").GetProperty("Deceptive").GetDouble().Should().BeInRange(0, 1);
    }

    [Fact]
    public async Task Json_gives_each_phase_the_origin_of_its_deception_and_the_incomplete_mass_of_each_class()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        foreach (var phase in document.RootElement.GetProperty("phases").EnumerateArray())
        {
            var classes = phase.GetProperty("classes");
            var origin = phase.GetProperty("deceptiveOrigin");
            (origin.GetProperty("race").GetDouble() + origin.GetProperty("defection").GetDouble())
                .Should().BeApproximately(classes.GetProperty("Deceptive").GetDouble(), 1e-12);
            var incomplete = phase.GetProperty("incomplete").EnumerateObject().ToArray();
            incomplete.Select(c => c.Name).Should().Equal("Desired", "AnthropicCapture", "Sycophantic", "Deceptive", "NonScalable");
            foreach (var c in incomplete)
            {
                c.Value.GetDouble().Should().BeInRange(0, classes.GetProperty(c.Name).GetDouble() + 1e-15, c.Name);
            }

            phase.GetProperty("incomplete").GetProperty("Deceptive").GetDouble().Should().Be(0);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task Every_text_format_says_where_each_phases_end_comes_from(string format)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", format)).ShouldSucceed();

        run.Output.Split("Deceptive by origin: race").Length.Should().Be(3, "both phases say it");
        run.Output.Should().Contain("defection").And.Contain("on an incomplete goal: Desired");
    }

    [Fact]
    public async Task Csv_gives_race_defection_and_the_incomplete_mass_on_the_end_of_phase_rows_only()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", "csv")).ShouldSucceed();

        var rows = CsvText.Parse(run.Output);
        var header = rows[0];
        var race = Array.IndexOf(header, "race");
        header.Skip(race).Take(7).Should().Equal("race", "defection", "incompleteDesired", "incompleteAnthropicCapture", "incompleteSycophantic", "incompleteDeceptive", "incompleteNonScalable");
        var deceptive = Array.IndexOf(header, "Deceptive");
        foreach (var row in rows.Skip(1))
        {
            if (row[1] == "transient")
            {
                (double.Parse(row[race], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(row[race + 1], System.Globalization.CultureInfo.InvariantCulture))
                    .Should().BeApproximately(double.Parse(row[deceptive], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
            }
            else
            {
                row.Skip(race).Take(7).Should().OnlyContain(x => x.Length == 0, row[1]);
            }
        }
    }

    [Theory]
    [InlineData("table", "absorption")]
    [InlineData("markdown", "| absorption |")]
    [InlineData("csv", ",absorption,")]
    public async Task Every_text_format_shows_each_phases_absorption(string format, string row)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--format", format)).ShouldSucceed();

        run.Output.Split(row).Length.Should().BeGreaterThanOrEqualTo(3, "both phases have an absorption row");
        if (format != "csv")
        {
            run.Output.Split("Absorption from the phase's start: mean time").Length.Should().Be(3);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("markdown")]
    public async Task Every_format_succeeds_and_gives_identical_output_twice(string format)
    {
        using var folder = new TempFolder();
        var path = WriteSmall(folder);

        var first = (await CliRun.Of("train", path, "--format", format)).ShouldSucceed();
        var second = (await CliRun.Of("train", path, "--format", format)).ShouldSucceed();

        second.Output.Should().Be(first.Output);
    }

    [Fact]
    public async Task A_bad_dynamics_value_exits_1_naming_the_file_line_and_column()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.yaml", Small.Replace("{0}", "default", StringComparison.Ordinal).Replace("worldSteps: 3", "worldSteps: 0", StringComparison.Ordinal));

        var run = (await CliRun.Of("train", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain($"{path}:5:15: error:").And.Contain("dynamics.worldSteps");
    }

    [Fact]
    public async Task A_chain_over_the_configuration_limit_is_refused_with_the_parameter_to_change()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge.yaml", "schemaVersion: 1\nextends: default\ndynamics:\n  goalResolution: 0.001\n");

        var run = (await CliRun.Of("train", path)).ShouldFailCleanly(ExitCodes.ModelError);

        run.Error.Should().Contain("dynamics.goalResolution").And.Contain("configurations");
    }

    [Fact]
    public async Task Help_explains_the_chain_and_the_path_dependence_index()
    {
        var run = await CliRun.Of("train", "--help");

        run.ExitCode.Should().Be(ExitCodes.Success);
        run.Output.Should().Contain("Markov chain").And.Contain("path-dependence index").And.Contain("equilibrium");
    }

    [Fact]
    public async Task Trajectories_add_a_simulation_with_first_passage_times_and_the_same_seed_repeats_it()
    {
        using var folder = new TempFolder();
        var path = WriteSmall(folder);

        var first = (await CliRun.Of("train", path, "--trajectories", "500", "--seed", "3", "--format", "json")).ShouldSucceed();
        var again = (await CliRun.Of("train", path, "--trajectories", "500", "--seed", "3", "--format", "json")).ShouldSucceed();
        var other = (await CliRun.Of("train", path, "--trajectories", "500", "--seed", "4", "--format", "json")).ShouldSucceed();

        again.Output.Should().Be(first.Output);
        using var document = JsonDocument.Parse(first.Output);
        var simulation = document.RootElement.GetProperty("simulation");
        simulation.GetProperty("trajectories").GetInt32().Should().Be(500);
        simulation.GetProperty("firstPassage").EnumerateObject().Select(p => p.Name).Should().Equal("awareness", "longTerm", "deception");
        other.Output.Should().NotBe(first.Output, "another seed draws other trajectories");
    }

    [Fact]
    public async Task Json_has_the_simulation_of_every_phase_and_keeps_the_first_phase_at_the_top_level()
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--trajectories", "2000", "--seed", "7", "--format", "json")).ShouldSucceed();

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        var phases = root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("simulation")).ToArray();
        phases.Select(s => (s.GetProperty("start").GetDouble(), s.GetProperty("end").GetDouble())).Should().Equal((0.0, 20.0), (20.0, 25.0));
        foreach (var s in phases)
        {
            var classes = s.GetProperty("classes").EnumerateObject().ToArray();
            classes.Select(c => c.Name).Should().Equal("Desired", "AnthropicCapture", "Sycophantic", "Deceptive", "NonScalable", "undecided");
            classes.Sum(c => c.Value.GetProperty("value").GetDouble()).Should().BeApproximately(1, 1e-12);
            classes.Should().OnlyContain(c => c.Value.GetProperty("lower").GetDouble() <= c.Value.GetProperty("value").GetDouble() && c.Value.GetProperty("value").GetDouble() <= c.Value.GetProperty("upper").GetDouble());
            s.GetProperty("firstPassageInPhase").EnumerateObject().Select(p => p.Name).Should().Equal("awareness", "longTerm", "deception");
        }

        // Fine-tuning's horizon bonus makes long horizons appear in the second phase; since the start of training counts them together with the first phase's.
        double Reached(JsonElement s, string kind, string passage) => s.GetProperty(kind).GetProperty(passage).GetProperty("reached").GetProperty("value").GetDouble();
        Reached(phases[1], "firstPassageInPhase", "longTerm").Should().BeGreaterThan(0.1);
        Reached(phases[1], "firstPassage", "longTerm").Should().BeApproximately(Reached(phases[0], "firstPassage", "longTerm") + Reached(phases[1], "firstPassageInPhase", "longTerm"), 1e-12);
        phases[1].GetProperty("firstPassageInPhase").GetProperty("longTerm").GetProperty("meanTime").GetDouble().Should().BeInRange(0, 5);
        phases[1].GetProperty("firstPassage").GetProperty("longTerm").GetProperty("meanTime").GetDouble().Should().BeInRange(0, 25);

        var top = root.GetProperty("simulation");
        top.GetProperty("phase").GetString().Should().Be("pre-training");
        top.GetProperty("tau").GetDouble().Should().Be(20);
        top.GetProperty("events").GetInt64().Should().Be(phases[0].GetProperty("events").GetInt64());
        Values(top.GetProperty("classes")).Should().Equal(Values(phases[0].GetProperty("classes")));
        Values(top.GetProperty("firstPassage")).Should().Equal(Values(phases[0].GetProperty("firstPassage")));

        static IEnumerable<string> Values(JsonElement e) => e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().SelectMany(p => Values(p.Value).Select(v => p.Name + "=" + v))
            : [e.GetRawText()];
    }

    [Theory]
    [InlineData("table", "Simulated: 2,000 trajectories (seed 7)")]
    [InlineData("markdown", "Simulated: 2,000 trajectories (seed 7)")]
    [InlineData("csv", ",simulated,")]
    public async Task Every_text_format_shows_the_simulation_of_every_phase(string format, string marker)
    {
        using var folder = new TempFolder();
        var run = (await CliRun.Of("train", WriteSmall(folder), "--trajectories", "2000", "--seed", "7", "--format", format)).ShouldSucceed();

        run.Output.Split(marker).Should().HaveCount(3, "one simulation per phase");
        if (format == "csv")
        {
            var rows = CsvText.Parse(run.Output);
            rows[0].Should().Contain(["deceptionReached", "deceptionMeanTime", "longTermReachedInPhase", "longTermMeanTimeInPhase"]);
            rows.Skip(1).Select(r => (r[0], r[1])).Where(r => r.Item2.StartsWith("simulated", StringComparison.Ordinal)).Should().Equal(
                ("pre-training", "simulated"), ("pre-training", "simulated-lower"), ("pre-training", "simulated-upper"),
                ("rl-fine-tuning", "simulated"), ("rl-fine-tuning", "simulated-lower"), ("rl-fine-tuning", "simulated-upper"));
            rows.Should().OnlyContain(r => r.Length == rows[0].Length, "every row has a cell for every column");
        }
        else
        {
            run.Output.Should().Contain("first in this phase").And.Contain("t=20 to 25");
        }
    }

    [Fact]
    public async Task Too_much_simulation_work_over_all_phases_is_a_usage_error_naming_trajectories_before_training_starts()
    {
        using var folder = new TempFolder();
        // Training this long would take far longer than the test allows, so the refusal must come first.
        var path = folder.Write("long.yaml", Small.Replace("{0}", RepositoryRoot.File("samples/scenarios/minimal.yaml"), StringComparison.Ordinal)
            .Replace("duration: 20", "duration: 1e9", StringComparison.Ordinal));

        var run = (await CliRun.Of("train", path, "--trajectories", "1000")).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain("--trajectories 1,000").And.Contain("2 phase(s)").And.MatchRegex(@"give --trajectories [\d,]+ or fewer");
    }

    [Fact]
    public async Task A_cancelled_simulation_exits_130_with_no_output()
    {
        using var folder = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Of(["train", WriteSmall(folder), "--trajectories", "1000"], cancelled.Token);

        run.ExitCode.Should().Be(ExitCodes.Cancelled);
        run.Output.Should().BeEmpty();
        run.ShouldShowNoStackTrace();
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10000001")]
    public async Task An_out_of_range_number_of_trajectories_is_a_usage_error(string count)
    {
        var run = await CliRun.Of("train", "--trajectories", count);

        run.ShouldFailCleanly(ExitCodes.UsageError);
        run.Error.Should().Contain("--trajectories");
    }
}
