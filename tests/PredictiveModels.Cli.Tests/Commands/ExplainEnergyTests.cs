using System.Text.Json;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests.Commands;

/// <summary><c>explain STRUCTURE --configuration ...</c>: the energy of one configuration, term by term, and its refusals.</summary>
public sealed class ExplainEnergyTests
{
    private static readonly string Minimal = RepositoryRoot.File("samples/scenarios/minimal.yaml");

    private static double Total(JsonElement root) => root.GetProperty("energy").GetProperty("total").GetDouble();

    private static double TermsSum(JsonElement energy) => energy.GetProperty("terms").EnumerateObject().Sum(t => t.Value.GetDouble());

    [Theory]
    [InlineData("dated-predictor", "corrigible", "w=7,g=5,h=long-term,s=aware", "pre-training")]
    [InlineData("dated-predictor", "internal", "w=3,g=2", "rl-fine-tuning")]
    [InlineData("paperclip-agent", "deceptive", "w=10,k=4,origin=dated-predictor/corrigible,flag=race", "rl-fine-tuning")]
    [InlineData("none", null, "w=5,h=long-term", "rl-fine-tuning")]
    public async Task The_total_is_the_energy_the_chain_stores_for_that_configuration_to_the_bit(string structure, string? mechanism, string configuration, string phase)
    {
        // The minimal sample extended by a fine-tuning phase with every term of a phase switched on.
        using var folder = new TempFolder();
        var path = folder.Write("fine-tuned.yaml", $"""
            schemaVersion: 1
            extends: {Minimal}
            name: minimal-fine-tuned
            dynamics:
              phases:
                - name: pre-training
                  duration: 100
                - name: rl-fine-tuning
                  duration: 20
                  conditionalBits: 3
                  horizonBonus: 0.00001
                  awarenessBonus: 0.00002
                  oversightPenaltyBits: 4
                  cameraSpeedWeight: 2
                  klWeight: 0.1
                  pretrainingFraction: 0.2
            """);
        string[] args = ["explain", structure, path, "--configuration", configuration, "--phase", phase, "--format", "json", .. mechanism is null ? Array.Empty<string>() : ["-m", mechanism]];
        var run = (await CliRun.Of(args)).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        var c = root.GetProperty("configuration");

        var scenario = ScenarioLoader.Load(path);
        var space = ConfigurationSpace.Build(scenario, scenario.Dynamics, scenario.Phases.Single(p => p.Name == phase));
        var branch = space.Branches.Select((b, i) => (b, i)).Single(x => x.b.Label == c.GetProperty("branch").GetString()).i;
        var origin = c.GetProperty("origin").GetString() is { } key ? space.Branches.Select((b, i) => (b, i)).Single(x => x.b.Label == key).i : 0;
        var index = space.IndexOf(new Configuration(
            c.GetProperty("world").GetInt32(), branch, c.GetProperty("goal").GetInt32(), c.GetProperty("longTerm").GetBoolean(), c.GetProperty("aware").GetBoolean(), origin, c.GetProperty("flag").GetString() == "defection"));

        root.GetProperty("phase").GetString().Should().Be(phase);
        Total(root).Should().Be(space.Energy(index), "explain shows the chain's own energy");
        c.GetProperty("descriptionBits").GetDouble().Should().Be(space.DescriptionBits(index));
        TermsSum(root.GetProperty("energy")).Should().BeApproximately(Total(root), 1e-9 * Math.Abs(Total(root)));
    }

    [Fact]
    public async Task The_table_names_every_term_with_its_formula_and_the_total()
    {
        var run = (await CliRun.Of("explain", "paperclip-agent", Minimal, "--configuration", "w=10,k=4,origin=dated-predictor/corrigible,flag=defection")).ShouldSucceed();

        foreach (var name in EnergyTerms.Names)
        {
            run.Output.Should().Contain($"  {name} ");
        }

        run.Output.Should().Contain("energy of paperclip-agent/deceptive at w=10,k=4,origin=dated-predictor/corrigible,flag=defection in phase pre-training", "the last phase by default, the only one of the sample");
        run.Output.Should().Contain("T log2 sum 2^(-a p'/T)").And.Contain("E(c)");
    }

    [Fact]
    public async Task A_phase_with_a_kl_weight_shows_the_pre_training_energy_it_weighs()
    {
        var run = (await CliRun.Of("explain", "physical-camera-predictor", RepositoryRoot.File("samples/scenarios/kl-regularisation.yaml"), "-m", "corrigible", "--configuration", "w=9,g=20,h=long-term,s=aware", "--format", "json")).ShouldSucceed();
        using var document = JsonDocument.Parse(run.Output);
        var energy = document.RootElement.GetProperty("energy");
        var pre = energy.GetProperty("pretraining");

        pre.ValueKind.Should().Be(JsonValueKind.Object);
        energy.GetProperty("terms").GetProperty("klRegularisation").GetDouble().Should().BeApproximately(0.001 * pre.GetProperty("total").GetDouble(), 1e-9, "the sample's klWeight is 0.001");
        energy.GetProperty("total").GetDouble().Should().BeApproximately(energy.GetProperty("phaseEnergy").GetDouble() + (0.001 * pre.GetProperty("total").GetDouble()), 1e-6);
        TermsSum(pre).Should().BeApproximately(pre.GetProperty("total").GetDouble(), 1e-6);
    }

    [Theory]
    [InlineData("w=3,g", "at character 5 ('g'): expected key=value")]
    [InlineData("w=3,,g=1", "at character 5 (''): an empty item")]
    [InlineData("w=3,q=1", "at character 5 ('q=1'): unknown key 'q' off the deceptive branch; the keys are w, g, h, s")]
    [InlineData("w=99", "at character 1 ('w=99'): the world step is 99, outside 0 to 11")]
    [InlineData("w=x", "at character 1 ('w=x'): the world step must be a whole number, 0 to 11")]
    [InlineData("w=3, g=999", "at character 6 ('g=999'): the goal step of 'physical-camera-predictor/corrigible' is 999, outside 0 to 35")]
    [InlineData("w=3,h=longterm", "at character 5 ('h=longterm'): h is 'myopic' or 'long-term'; did you mean 'long-term'?")]
    [InlineData("w=3,w=4", "at character 5 ('w=4'): 'w' is given twice")]
    [InlineData("g=3", "w= is required: the world step, 0 to 11")]
    public async Task A_malformed_or_out_of_range_configuration_is_refused_at_the_item_it_breaks(string configuration, string message)
    {
        var run = (await CliRun.Of("explain", "physical-camera-predictor", "-m", "corrigible", "--configuration", configuration)).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain($"--configuration '{configuration}'").And.Contain(message);
    }

    [Theory]
    [InlineData("w=3,k=1,origin=general-inductor/corrigible,flag=race,h=myopic", "a deceptive configuration is always long-term and aware")]
    [InlineData("w=3,k=1,flag=race", "a deceptive configuration needs origin=KEY")]
    [InlineData("w=3,k=1,origin=general-inductr/corrigible,flag=race", "did you mean 'general-inductor/corrigible'?")]
    [InlineData("w=3,k=1,origin=general-inductor/corrigible", "needs flag=race")]
    [InlineData("w=3,g=1,origin=general-inductor/corrigible,flag=race", "unknown key 'g' on the deceptive branch; the keys are w, k, origin, flag, h, s")]
    public async Task A_deceptive_configuration_must_name_its_origin_and_flag(string configuration, string message)
    {
        var run = (await CliRun.Of("explain", "deceptive-agent", "--configuration", configuration)).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain(message);
    }

    [Theory]
    [InlineData(new[] { "explain", "general-inductor", "--configuration", "w=1" }, "has 2 mechanisms (internal, corrigible), each a branch of its own; choose one with --mechanism")]
    [InlineData(new[] { "explain", "none", "-m", "internal", "--configuration", "w=1" }, "the branch 'none' has no goal")]
    [InlineData(new[] { "explain", "nothing", "--configuration", "w=1" }, "has no structure 'nothing'")]
    [InlineData(new[] { "explain", "deceptive-agent", "--configuration", "w=1,k=0,origin=general-inductor/corrigible,flag=race", "--phase", "rl" }, "has no phase 'rl'; its phases are: pre-training, rl-fine-tuning")]
    [InlineData(new[] { "explain", "deceptive-agent", "--phase", "pre-training" }, "--phase chooses the phase of --configuration's energy")]
    public async Task A_branch_or_phase_that_the_chain_lacks_is_refused(string[] args, string message)
    {
        var run = (await CliRun.Of(args)).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task A_configuration_of_a_million_characters_is_refused_without_echoing_it()
    {
        var run = (await CliRun.Of("explain", "none", "--configuration", new string('w', 1_000_000))).ShouldFailCleanly(ExitCodes.UsageError);

        run.Error.Length.Should().BeLessThan(1000);
    }
}
