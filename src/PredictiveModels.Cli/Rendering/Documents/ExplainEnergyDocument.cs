using PredictiveModels.Cli.Commands;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>explain STRUCTURE --configuration ...</c>: the energy of one configuration of the training chain in one phase, term by term.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Structure">The id of the structure of the configuration's branch; null on the branch with no goal.</param>
/// <param name="Phase">The phase's name.</param>
/// <param name="Configuration">The configuration.</param>
/// <param name="Energy">Its energy in the phase.</param>
internal sealed record ExplainEnergyDocument(ScenarioReference? Scenario, string? Structure, string Phase, ConfigurationDocument Configuration, EnergyDocument Energy)
    : OutputDocument("explain", Scenario)
{
    /// <summary>The document of a configuration's energy terms (<see cref="EnergyModel.Terms"/>) in the model's phase.</summary>
    public static ExplainEnergyDocument Of(Scenarios.Scenario scenario, EnergyModel model, Configuration c, EnergyTerms terms, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            model.Branches[c.Branch].Candidate?.Structure.Id,
            model.Phase.Name,
            ConfigurationDocument.Of(model, c),
            new EnergyDocument(
                EnergyDocument.TermsOf(terms),
                terms.PhaseEnergy,
                terms.Pretraining is { } pre ? new PretrainingEnergyDocument(EnergyDocument.TermsOf(pre), pre.Total) : null,
                terms.Total))
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>One configuration of the training chain, its steps spelled out. On a goal branch origin and flag are null.</summary>
/// <param name="Text">The configuration as <c>--configuration</c> reads it, every key written.</param>
/// <param name="Branch">The branch's label: a candidate's key, <c>none</c> or the deceptive branch's.</param>
/// <param name="World">The world step.</param>
/// <param name="WorldSteps">The number of world steps.</param>
/// <param name="WorldFraction">The fraction of the world model learned at the world step, 0 to 1.</param>
/// <param name="Goal">The goal step (on the deceptive branch, the kept proxy's steps).</param>
/// <param name="GoalSteps">The number of goal steps (on the deceptive branch, those of the origin's goal).</param>
/// <param name="LongTerm">Whether the horizon is long-term.</param>
/// <param name="Aware">Whether it is aware of training.</param>
/// <param name="Origin">On the deceptive branch, the label of the branch its proxy comes from; null elsewhere.</param>
/// <param name="Flag">On the deceptive branch, <c>race</c> or <c>defection</c>; null elsewhere.</param>
/// <param name="DescriptionBits">The configuration's description bits K(c).</param>
internal sealed record ConfigurationDocument(
    string Text,
    string Branch,
    int World,
    int WorldSteps,
    double WorldFraction,
    int Goal,
    int GoalSteps,
    bool LongTerm,
    bool Aware,
    string? Origin,
    string? Flag,
    double DescriptionBits)
{
    /// <summary>The document of a configuration of <paramref name="model"/>'s chain.</summary>
    public static ConfigurationDocument Of(EnergyModel model, Configuration c)
    {
        var branch = model.Branches[c.Branch];
        var deceptive = c.Branch == model.DeceptiveBranch;
        return new(
            ConfigurationText.Format(model, c),
            branch.Label,
            c.World,
            model.World.Steps,
            model.World.Fractions[c.World],
            c.Goal,
            deceptive ? model.Branches[c.Origin].Steps : branch.Steps,
            c.LongTerm,
            c.Aware,
            deceptive ? model.Branches[c.Origin].Label : null,
            deceptive ? (c.Defection ? "defection" : "race") : null,
            model.DescriptionBits(c));
    }
}

/// <summary>A configuration's energy in one phase.</summary>
/// <param name="Terms">Every term in bits, named as <see cref="EnergyTerms.Names"/> spells them, in their order.</param>
/// <param name="PhaseEnergy">E_phase, the phase's own energy, bits.</param>
/// <param name="Pretraining">The pre-training energy of the same configuration when the phase mixes it in; null otherwise.</param>
/// <param name="Total">The energy E(c), bits.</param>
internal sealed record EnergyDocument(IReadOnlyDictionary<string, double> Terms, double PhaseEnergy, PretrainingEnergyDocument? Pretraining, double Total)
{
    /// <summary>The terms of an energy by name, in the order of <see cref="EnergyTerms.Terms"/>.</summary>
    public static IReadOnlyDictionary<string, double> TermsOf(EnergyTerms terms)
    {
        var named = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms.Terms)
        {
            named.Add(term.Name, term.Bits);
        }

        return named;
    }
}

/// <summary>The pre-training energy a phase mixes in.</summary>
/// <param name="Terms">Its terms in bits, by name, in the order of <see cref="EnergyTerms.Terms"/>.</param>
/// <param name="Total">Its total, E_pre, bits.</param>
internal sealed record PretrainingEnergyDocument(IReadOnlyDictionary<string, double> Terms, double Total);
