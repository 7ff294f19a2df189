using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// The split of the deceptive candidate's K worked out by hand on the tiny scenario: Quantity has longterm and
/// money (1 bit each), Predicate has between, and, or, not, physical, training_process and self_model (log2 7 bits
/// each), Procedure has eight built-ins (3 bits each), and the literal 1 in plan(1) costs its Elias delta code of 2 (4 bits).
/// </summary>
public sealed class ChainAccountingTests
{
    private static readonly double Log2Of7 = Math.Log2(7);

    /// <summary>The mass of Quantity expressions up to 12 nodes is 1 - 2^-12 (fillings longterm^k(money) of k + 1 bits).</summary>
    private static readonly double QuantityHoleBits = -Math.Log2(1 - double.Exp2(-12));

    private static Scenario WithDeceiver(string camera, HoleCost holeCost = HoleCost.Class)
    {
        var tiny = DynamicsTestScenarios.Tiny();
        var structures = tiny.Structures.Where(s => s.Class != OutcomeClass.Deceptive)
            .Append(Structure.Create("deceiver", "", Expression.Parse(camera), Expression.Parse("plan(1)"), OutcomeClass.Deceptive, [Mechanism.Deceptive], requires: ["training_process", "self_model"]));
        return tiny.With(structures: structures, analysis: AnalysisSettings.Create(holeCost: holeCost, dataSize: 10));
    }

    [Fact]
    public void The_deceptive_candidates_K_splits_into_its_longterm_selection_its_required_pointers_its_hole_and_the_rest()
    {
        var scenario = DynamicsTestScenarios.Tiny();

        var accounting = ChainAccounting.For(scenario);

        accounting.DerivedHorizonBits.Should().Be(1);
        accounting.HorizonBits.Should().Be(1);
        accounting.DerivedAwarenessBits.Should().BeApproximately(2 * Log2Of7, 1e-12);
        accounting.AwarenessBits.Should().Be(accounting.DerivedAwarenessBits);
        accounting.ObjectiveBits.Should().BeApproximately(QuantityHoleBits, 1e-12);
        accounting.OverheadBits.Should().BeApproximately(3 + 4, 1e-12);
        accounting.DeceptiveBits.Should().BeApproximately(1 + QuantityHoleBits + 7 + (2 * Log2Of7), 1e-12);
        accounting.DeceptiveBits.Should().Be(StructureScorer.Score(scenario).Candidates.Single(c => c.Mechanism == Mechanism.Deceptive).Bits);
    }

    [Fact]
    public void Under_Kmin_the_objective_weighs_its_cheapest_filling()
    {
        var accounting = ChainAccounting.For(WithDeceiver("longterm(?o: Quantity)", HoleCost.Min));

        accounting.ObjectiveBits.Should().Be(1, "money is one of two Quantity alternatives");
        accounting.OverheadBits.Should().BeApproximately(7, 1e-12);
        accounting.DeceptiveBits.Should().BeApproximately(1 + 1 + 7 + (2 * Log2Of7), 1e-12);
    }

    [Fact]
    public void Every_longterm_of_the_camera_counts_toward_the_horizon_and_every_hole_toward_the_objective()
    {
        var accounting = ChainAccounting.For(WithDeceiver("longterm(longterm(?o: Quantity))", HoleCost.Min));

        accounting.DerivedHorizonBits.Should().Be(2);
        accounting.ObjectiveBits.Should().Be(1);
        accounting.OverheadBits.Should().BeApproximately(7, 1e-12);
    }

    [Fact]
    public void A_deceptive_camera_without_longterm_costs_the_horizon_the_selection_of_longterm_and_holes_inside_applications_are_found()
    {
        var accounting = ChainAccounting.For(WithDeceiver("restrict(corpus, ?p: Predicate)", HoleCost.Min));

        // Stream: restrict, any_stream (1 each) and corpus (2): restrict 2 bits, corpus 1 bit; the cheapest Predicate is
        // one of the seven at log2 7 bits.
        accounting.DerivedHorizonBits.Should().Be(1, "the selection of longterm among the two Quantity alternatives");
        accounting.ObjectiveBits.Should().BeApproximately(Log2Of7, 1e-12);
        accounting.OverheadBits.Should().BeApproximately(2 + 1 + 7, 1e-12);
        accounting.DeceptiveBits.Should().BeApproximately(2 + 1 + Log2Of7 + 7 + (2 * Log2Of7), 1e-12);
    }

    [Fact]
    public void The_settings_override_the_horizon_and_awareness_bits_but_not_the_derived_ones()
    {
        var scenario = DynamicsTestScenarios.Tiny();
        var settings = DynamicsSettings.Create(horizonBits: 5, awarenessBits: 0);

        var accounting = ChainAccounting.For(scenario, settings);

        accounting.HorizonBits.Should().Be(5);
        accounting.AwarenessBits.Should().Be(0);
        accounting.DerivedHorizonBits.Should().Be(1);
        accounting.DerivedAwarenessBits.Should().BeApproximately(2 * Log2Of7, 1e-12);
    }

    [Fact]
    public void Without_a_deceptive_candidate_only_the_horizon_has_a_cost()
    {
        var tiny = DynamicsTestScenarios.Tiny();
        var honest = tiny.With(structures: tiny.Structures.Where(s => s.Class != OutcomeClass.Deceptive));

        ChainAccounting.For(honest).Should().Be(new ChainAccounting(1, 0, 1, 0, 0, 0, 0));
        ChainAccounting.For(honest, DynamicsSettings.Create(horizonBits: 3, awarenessBits: 4)).Should().Be(new ChainAccounting(1, 0, 3, 4, 0, 0, 0));
        ChainAccounting.Derive(honest.WorldModel, null, DynamicsSettings.Create()).Should().Be(new ChainAccounting(1, 0, 1, 0, 0, 0, 0));
    }
}
