namespace PredictiveModels.Posterior;

/// <summary>The kinds of <see cref="ParameterEffect"/>.</summary>
internal enum ParameterEffectKind
{
    /// <summary>A parameter this evaluator does not know: every sample is scored in full.</summary>
    Unknown,

    /// <summary>A parameter of the training chain: the posterior does not depend on it.</summary>
    None,

    /// <summary><c>analysis.simplicityExponent</c>.</summary>
    SimplicityExponent,

    /// <summary><c>analysis.speedWeight</c>.</summary>
    SpeedWeight,

    /// <summary><c>analysis.dataSize</c>.</summary>
    DataSize,

    /// <summary>A concept's or built-in's weight.</summary>
    Weight,

    /// <summary>A base concept's bits.</summary>
    ConceptBits,

    /// <summary>The literal production's weight.</summary>
    LiteralWeight,

    /// <summary>A structure's loss gap.</summary>
    LossGap,

    /// <summary>A structure's runtime steps.</summary>
    RuntimeSteps,

    /// <summary>A structure's derive steps.</summary>
    DeriveSteps,
}
