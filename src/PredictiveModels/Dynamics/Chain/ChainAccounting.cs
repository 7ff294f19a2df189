using PredictiveModels.Complexity;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Where the training chain's horizon, awareness and deceptive bits come from: the section-4 code of the deceptive
/// candidate, split into the parts a configuration can hold or lack.
/// <para>
/// The deceptive candidate's <c>K</c> (under the scenario's hole cost) is read from its bit breakdown
/// (<see cref="StructureScorer"/>) and split exactly into four parts: the selection of <c>longterm</c> in its camera
/// (<see cref="DerivedHorizonBits"/>), its pointers to the concepts it requires (<see cref="DerivedAwarenessBits"/>), its
/// objective hole (<see cref="ObjectiveBits"/>: the class mass of all fillings under <c>Kclass</c>, the cheapest filling
/// under <c>Kmin</c>), and everything else, the procedure first (<see cref="OverheadBits"/>). A long-term configuration
/// pays <see cref="HorizonBits"/>, an aware one <see cref="AwarenessBits"/>, and a deceptive one, being both, pays those
/// two plus <see cref="OverheadBits"/> plus its proxy, with the proxies normalised to weigh <see cref="ObjectiveBits"/>
/// together: summed over its proxies the deceptive branch then weighs exactly the deceptive candidate's section-4 <c>K</c>.
/// </para>
/// <para>
/// Without a deceptive candidate, or when its camera has no <c>longterm</c>, the horizon costs the selection of the
/// <c>longterm</c> built-in where a <c>Quantity</c> is expected (0 if the world model has none); without a deceptive
/// candidate awareness costs 0. <see cref="DynamicsSettings.HorizonBits"/> and <see cref="DynamicsSettings.AwarenessBits"/>
/// override the derived values for every configuration, deceptive ones included.
/// </para>
/// </summary>
/// <param name="DerivedHorizonBits">Bits of <c>longterm</c> selections in the deceptive candidate's camera (or the rule above); at least 0.</param>
/// <param name="DerivedAwarenessBits">Bits of the deceptive candidate's pointers to its required concepts (0 without one); at least 0.</param>
/// <param name="HorizonBits">Bits every long-term configuration pays: the override if given, else <paramref name="DerivedHorizonBits"/>; at least 0.</param>
/// <param name="AwarenessBits">Bits every aware configuration pays: the override if given, else <paramref name="DerivedAwarenessBits"/>; at least 0.</param>
/// <param name="OverheadBits">The rest of the deceptive candidate's <c>K</c> apart from horizon, awareness and objective hole (0 without one); at least 0.</param>
/// <param name="ObjectiveBits">The deceptive candidate's hole bits under the scenario's hole cost (0 without one): the weight its proxies share; at least 0.</param>
/// <param name="DeceptiveBits">The deceptive candidate's section-4 <c>K</c> under the scenario's hole cost (0 without one), the sum of the four derived parts.</param>
public sealed record ChainAccounting(
    double DerivedHorizonBits,
    double DerivedAwarenessBits,
    double HorizonBits,
    double AwarenessBits,
    double OverheadBits,
    double ObjectiveBits,
    double DeceptiveBits)
{
    /// <summary>The name of the built-in whose selection is the horizon's cost.</summary>
    public const string LongTermBuiltIn = "longterm";

    /// <summary>
    /// The accounting of a scenario's chain: scores the scenario and derives from its simplest deceptive candidate (the
    /// one the chain's deceptive branch stands for), with the overrides of <paramref name="settings"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings; by default the scenario's.</param>
    public static ChainAccounting For(Scenarios.Scenario scenario, DynamicsSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var report = StructureScorer.Score(scenario);
        var simplest = report.Candidates.Where(c => c.Mechanism.IsDeceptive()).MinBy(c => c.NormalisedBits);
        return Derive(scenario.WorldModel, simplest, settings ?? scenario.Dynamics);
    }

    /// <summary>Derives the accounting from a deceptive candidate's score (or none) and applies the settings' overrides.</summary>
    /// <param name="world">The world model the candidates were scored in.</param>
    /// <param name="deceptive">The deceptive candidate the chain's deceptive branch stands for; null when there is none.</param>
    /// <param name="settings">The chain's settings, with the optional overrides.</param>
    public static ChainAccounting Derive(WorldModel world, CandidateScore? deceptive, DynamicsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(settings);
        var builtIn = world.Find(LongTermBuiltIn) is { } symbol ? world.SelectionBits(symbol) : 0.0;
        if (deceptive is null)
        {
            return new ChainAccounting(builtIn, 0, settings.HorizonBits ?? builtIn, settings.AwarenessBits ?? 0, 0, 0, 0);
        }

        // StructureScorer's breakdown of K: camera, procedure, then (when the structure requires concepts) the pointers to them.
        var breakdown = deceptive.NormalisedBreakdown;
        var structure = deceptive.Structure;
        var parts = new Parts();
        parts.Walk(structure.Camera, breakdown.Children[0].Children[0], inCamera: true);
        parts.Walk(structure.Procedure, breakdown.Children[1].Children[0], inCamera: false);
        var required = breakdown.Children.Length > 2 ? breakdown.Children[2].Bits : 0.0;
        var horizon = parts.LongTerm > 0 ? parts.LongTerm : builtIn;
        var overhead = Math.Max(0, breakdown.Bits - parts.Holes - parts.LongTerm - required);
        return new ChainAccounting(horizon, required, settings.HorizonBits ?? horizon, settings.AwarenessBits ?? required, overhead, parts.Holes, breakdown.Bits);
    }

    /// <summary>Walks an expression beside its breakdown (the coster builds one node per expression node, head first), summing holes and <c>longterm</c> heads.</summary>
    private sealed class Parts
    {
        public double Holes { get; private set; }

        public double LongTerm { get; private set; }

        public void Walk(Expression expression, BitBreakdown node, bool inCamera)
        {
            switch (expression)
            {
                case Hole:
                    Holes += node.Bits;
                    break;
                case Application application when application.Arguments.IsEmpty:
                    break;
                case Application application:
                    if (inCamera && application.Name == LongTermBuiltIn)
                    {
                        LongTerm += node.Children[0].Bits;
                    }

                    for (var i = 0; i < application.Arguments.Length; i++)
                    {
                        Walk(application.Arguments[i], node.Children[i + 1], inCamera);
                    }

                    break;
            }
        }
    }
}
