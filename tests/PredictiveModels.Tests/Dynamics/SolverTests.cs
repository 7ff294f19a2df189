using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

public sealed class SolverTests
{
    [Fact]
    public void The_equilibrium_sums_to_one()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2));

        Equilibrium.Distribution(space).Sum().Should().BeApproximately(1, 1e-12);
        var classes = Equilibrium.Classes(space);
        (classes.Probabilities.Sum() + classes.Undecided).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void The_equilibrium_agrees_with_the_simplicity_posterior_when_complete_configurations_dominate()
    {
        // Large n makes incomplete goals and an incomplete world model cost millions of bits, and
        // large horizon and awareness bits make honest candidates stay myopic and unaware. The override
        // is paid by the deceptive branch too, so its section-4 K is shifted by the same difference.
        var scenario = Scenario.Default;
        var settings = DynamicsSettings.Create(worldSteps: 5, goalResolution: 64, horizonBits: 60, awarenessBits: 60);
        var space = ConfigurationSpace.Build(scenario, settings);
        var derived = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 5, goalResolution: 64)).Accounting;
        var shift = 120 - derived.HorizonBits - derived.AwarenessBits;

        var chain = Equilibrium.Classes(space);
        var expected = Expected(SimplicityPosterior.Compute(scenario), m => m.Mechanism == Mechanism.Deceptive ? -shift : 0);

        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            chain[k].Should().BeApproximately(expected[k], 1e-9, k.ToString());
        }

        chain.Undecided.Should().BeLessThan(1e-12);
    }

    [Fact]
    public void With_the_derived_bits_the_equilibrium_is_the_simplicity_posterior_with_honest_candidates_also_holding_idle_precursors()
    {
        // Complete configurations dominate, and an honest candidate is also found long-term, aware or both, each at the
        // derived bits' price: its section-4 weight is multiplied by (1 + 2^-H)(1 + 2^-A), the deceptive candidate's is not.
        var scenario = Scenario.Default;
        var space = ConfigurationSpace.Build(scenario, DynamicsSettings.Create(worldSteps: 5, goalResolution: 64));
        var a = space.Accounting;
        var idle = Math.Log2((1 + double.Exp2(-a.HorizonBits)) * (1 + double.Exp2(-a.AwarenessBits)));

        var chain = Equilibrium.Classes(space);
        var expected = Expected(SimplicityPosterior.Compute(scenario), m => m.Mechanism == Mechanism.Deceptive ? 0 : idle);

        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            chain[k].Should().BeApproximately(expected[k], 1e-9, k.ToString());
        }
    }

    /// <summary>Section 4's class probabilities with each candidate's log2 weight raised by <paramref name="extra"/>.</summary>
    private static Dictionary<OutcomeClass, double> Expected(PosteriorResult posterior, Func<Candidate, double> extra)
    {
        var log2 = posterior.Candidates.Select(c => c.Log2Probability + extra(c.Candidate)).ToArray();
        var z = Log2Math.Sum(log2);
        return Enum.GetValues<OutcomeClass>().ToDictionary(k => k, k => posterior.Candidates.Select((c, i) => c.Candidate.Class == k ? double.Exp2(log2[i] - z) : 0).Sum());
    }

    [Fact]
    public void The_transient_conserves_probability_and_reports_its_error_bound()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 4, goalResolution: 2, tolerance: 1e-12));

        var result = Transient.Compute(space, [0, 1, 10, 50]);

        for (var t = 0; t < result.Times.Length; t++)
        {
            result.Distributions[t].Sum().Should().BeApproximately(1, 1e-11);
            result.Distributions[t].Should().OnlyContain(p => p >= 0);
            result.ErrorBounds[t].Should().BeLessThanOrEqualTo(1e-12);
        }

        result.Distributions[0][space.Start].Should().Be(1, "at time 0 training is at its start");
    }

    [Fact]
    public void Uniformization_matches_the_matrix_exponential_of_the_symmetrised_generator()
    {
        var space = ConfigurationSpace.Build(DynamicsTestScenarios.Tiny(), DynamicsSettings.Create(worldSteps: 2, goalResolution: 4, tolerance: 1e-13));
        var n = space.Count;
        n.Should().BeLessThan(400, "the dense reference must stay small");

        const double time = 3.0;
        var expected = DenseTransient.Compute(space, time);

        var actual = Transient.Compute(space, [time]).Distributions[0];

        var error = Enumerable.Range(0, n).Sum(i => Math.Abs(actual[i] - expected[i]));
        error.Should().BeLessThan(1e-8);
    }

    [Fact]
    public void Claim_7_with_long_training_the_transient_converges_to_the_equilibrium()
    {
        // The slowest relaxation time of this chain (from the spectrum of its symmetrised generator)
        // is about 6.7e3 time units, so 1.5e5 units leave about e^-22 of the initial distance.
        var settings = DynamicsSettings.Create(worldSteps: 3, goalResolution: 4, duration: 150_000, tolerance: 1e-10, horizonBits: 2, awarenessBits: 2);

        var result = TrainingDynamics.Train(DynamicsTestScenarios.Tiny(dataSize: 40), settings);

        result.PathDependence.First().Index.Should().BeGreaterThan(0.1, "training starts far from equilibrium");
        result.PathDependenceIndex.Should().BeLessThan(1e-3);
        result.PathDependence.Select(p => p.Index).Should().BeInDescendingOrder();
    }
}
