using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Posterior;

/// <summary>
/// Where a parameter's value goes in a <see cref="PosteriorEvaluator"/>: a posterior parameter, a number of the world
/// model (which changes scores), a number of a structure (its loss gap or runtime), or nowhere (a parameter of the
/// training chain, which changes neither the scores nor the posterior). <see cref="Index"/> is the symbol or structure
/// index the kind needs.
/// </summary>
internal readonly record struct ParameterEffect(ParameterEffectKind Kind, int Index)
{
    /// <summary>The effect of a parsed parameter on the posterior of <paramref name="scenario"/>.</summary>
    public static ParameterEffect Of(ScenarioParameter parameter, Scenario scenario, IncrementalScorer scorer)
    {
        var definition = parameter.Definition;
        var name = definition.IsFamily ? parameter.Path.Split('.')[1] : "";
        int Structure() => scenario.Structures.IndexOf(scenario.FindStructure(name)!);
        return (definition.Scope, definition.Key) switch
        {
            (ParameterScope.Analysis, "simplicityExponent") => new(ParameterEffectKind.SimplicityExponent, 0),
            (ParameterScope.Analysis, "speedWeight") => new(ParameterEffectKind.SpeedWeight, 0),
            (ParameterScope.Analysis, "dataSize") => new(ParameterEffectKind.DataSize, 0),
            (ParameterScope.Concept, "bits") => new(ParameterEffectKind.ConceptBits, scorer.SymbolIndex(name)),
            (ParameterScope.Concept or ParameterScope.BuiltIn, "weight") => new(ParameterEffectKind.Weight, scorer.SymbolIndex(name)),
            (ParameterScope.WorldModel, "literalWeight") => new(ParameterEffectKind.LiteralWeight, 0),
            (ParameterScope.Structure, "lossGap") => new(ParameterEffectKind.LossGap, Structure()),
            (ParameterScope.Structure, "runtimeSteps") => new(ParameterEffectKind.RuntimeSteps, Structure()),
            (ParameterScope.Structure, "deriveSteps") => new(ParameterEffectKind.DeriveSteps, Structure()),
            _ when definition.ChangesOnlyTraining => new(ParameterEffectKind.None, 0),
            _ => new(ParameterEffectKind.Unknown, 0),
        };
    }

    /// <summary>True when the value changes the world model's numbers, so candidates must be rescored.</summary>
    public bool ChangesWorldModel => Kind is ParameterEffectKind.Weight or ParameterEffectKind.ConceptBits or ParameterEffectKind.LiteralWeight;

    /// <summary>True when the value changes a structure's runtime steps.</summary>
    public bool ChangesRuntime => Kind is ParameterEffectKind.RuntimeSteps or ParameterEffectKind.DeriveSteps;
}
