using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>
/// The six scenarios of samples/scenarios/perspectives (docs/perspectives.md): each author's statements as one file that
/// extends the default, and what the tool says of them next to what the author says.
/// </summary>
public sealed class PerspectiveScenariosTests
{
    private static readonly string[] Files =
    [
        "carlsmith.yaml", "hubinger-lm-first-path.yaml", "hubinger-lm-scaled.yaml",
        "hubinger-rl-first-path.yaml", "hubinger-rl-scaled.yaml", "ordering-argument.yaml",
    ];

    private static string Folder => Path.Combine(TestScenarios.RepositoryRoot, "samples", "scenarios", "perspectives");

    public static TheoryData<string> Perspectives => [.. Files];

    [Fact]
    public void The_folder_holds_exactly_the_six_perspectives()
    {
        Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(Files);
    }

    [Theory]
    [MemberData(nameof(Perspectives))]
    public void A_perspective_extends_the_default_and_names_itself_after_its_file(string file)
    {
        // Its schema line and its validity against the schema are checked with every sample's (ScenarioSchemaTests).
        var path = Path.Combine(Folder, file);

        File.ReadAllLines(path).Should().Contain("extends: ../default.yaml");

        var scenario = ScenarioLoader.Load(path);
        scenario.Name.Should().Be(Path.GetFileNameWithoutExtension(file));
        scenario.Description.Should().NotBeNullOrWhiteSpace();
    }

    /// <summary>
    /// Hubinger's four estimates fall in the order RL scaled (~90%) > RL first path (~80%) > LM scaled (~70%) > LM first path
    /// (~30%). "Scaled indefinitely" is read as the equilibrium of the last phase, "first path" as the end of training.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Hubingers_four_settings_come_out_in_his_order()
    {
        var (rlScaled, lmScaled) = (Train("hubinger-rl-scaled.yaml"), Train("hubinger-lm-scaled.yaml"));
        var rlFirstPath = Train("hubinger-rl-first-path.yaml").Transient.DeceptiveProbability;
        var lmFirstPath = Train("hubinger-lm-first-path.yaml").Transient.DeceptiveProbability;

        ShouldBeInHubingersOrder(rlScaled.Equilibrium.DeceptiveProbability, rlFirstPath, lmScaled.Equilibrium.DeceptiveProbability, lmFirstPath);

        // Not the chosen reading, but docs/perspectives.md says the order survives it: "scaled" read as the end of training too.
        ShouldBeInHubingersOrder(rlScaled.Transient.DeceptiveProbability, rlFirstPath, lmScaled.Transient.DeceptiveProbability, lmFirstPath);
    }

    private static void ShouldBeInHubingersOrder(double rlScaled, double rlFirstPath, double lmScaled, double lmFirstPath)
    {
        rlScaled.Should().BeGreaterThan(rlFirstPath, "RL scaled indefinitely (~90%) is above RL as the first path (~80%)");
        rlFirstPath.Should().BeGreaterThan(lmScaled, "RL as the first path (~80%) is above language models scaled indefinitely (~70%)");
        lmScaled.Should().BeGreaterThan(lmFirstPath, "language models scaled indefinitely (~70%) are above language models as the first path (~30%)");
    }

    /// <summary>
    /// The language-model ordering rests on the scaled scenario's one belief about scale: without awareness paying in
    /// pre-training, the equilibrium of pre-training alone is below its end of training, the reverse of Hubinger's order.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Without_awareness_paying_at_scale_the_language_model_order_is_reversed()
    {
        var lmFirstPath = Train("hubinger-lm-first-path.yaml");

        lmFirstPath.Equilibrium.DeceptiveProbability.Should().BeLessThan(lmFirstPath.Transient.DeceptiveProbability);
    }

    /// <summary>
    /// The ordering argument states its premise (the horizon is slow and earns nothing in fine-tuning) and the chain reaches
    /// DavidW's conclusion, below 1% at the end of training; at equilibrium, where the order is forgotten, deception wins.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void The_ordering_argument_ends_training_below_one_percent_though_its_equilibrium_is_deceptive()
    {
        var result = Train("ordering-argument.yaml");

        result.Transient.DeceptiveProbability.Should().BeLessThan(0.01);
        result.Equilibrium.DeceptiveProbability.Should().BeGreaterThan(0.99);
    }

    /// <summary>
    /// Carlsmith: the speed/simplicity trade-off decides. With the schemer's 0.1% of extra serial steps weighed like 0.1% of the
    /// model's description, P(Deceptive) at equilibrium is negligible; without the speed weight the same beliefs make it near
    /// certain. His ~25% is not reproduced (docs/perspectives.md says why).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Carlsmiths_trade_off_decides_the_equilibrium_and_the_speed_cost_wins_it()
    {
        var path = Path.Combine(Folder, "carlsmith.yaml");
        var withSpeed = ScenarioLoader.Load(path);
        var withoutSpeed = ScenarioLoader.Parse($"schemaVersion: 1\nextends: {path}\nname: carlsmith-no-speed\nanalysis:\n  speedWeight: 0\n", "no-speed.yaml");

        Train(withSpeed).Equilibrium.DeceptiveProbability.Should().BeLessThan(1e-6);
        Train(withoutSpeed).Equilibrium.DeceptiveProbability.Should().BeGreaterThan(0.99);
        SimplicityPosterior.Compute(withSpeed).DeceptiveProbability.Should().BeLessThan(SimplicityPosterior.Compute(withoutSpeed).DeceptiveProbability);
    }

    private static TrainingResult Train(string file) => Train(ScenarioLoader.Load(Path.Combine(Folder, file)));

    private static TrainingResult Train(Scenario scenario) =>
        TrainingDynamics.Train(scenario, scenario.Dynamics, scenario.Phases, absorption: false, relaxation: false);
}
