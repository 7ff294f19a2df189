namespace PredictiveModels.Scenarios;

/// <summary>Where in a scenario a parameter lives, and so what its path names (nothing, a concept, a structure, a phase, ...).</summary>
public enum ParameterScope
{
    /// <summary><c>analysis.KEY</c>: a setting of the analyses.</summary>
    Analysis,

    /// <summary><c>worldModel.KEY</c>: a number of the world model as a whole.</summary>
    WorldModel,

    /// <summary><c>concepts.NAME.KEY</c>: a number of one concept.</summary>
    Concept,

    /// <summary><c>builtins.NAME.KEY</c>: a number of one built-in.</summary>
    BuiltIn,

    /// <summary><c>structures.ID.KEY</c>: a number of one candidate structure.</summary>
    Structure,

    /// <summary><c>dynamics.KEY</c>: a setting of the training chain.</summary>
    Dynamics,

    /// <summary><c>dynamics.rates.KIND</c>: the base rate of one kind of move.</summary>
    Rate,

    /// <summary><c>phases.NAME.KEY</c>: a number of one training phase (read from <c>dynamics.phases[]</c>).</summary>
    Phase,
}
