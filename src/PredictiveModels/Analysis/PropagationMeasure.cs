namespace PredictiveModels.Analysis;

/// <summary>Which outcome a belief propagation measures in every sample.</summary>
public enum PropagationMeasure
{
    /// <summary>The simplicity posterior: low path dependence in its closed form (always measured).</summary>
    Posterior,

    /// <summary>The training chain's distribution at the end of its last phase: high path dependence (measured with dynamics only).</summary>
    EndOfTraining,

    /// <summary>The training chain's equilibrium in its last phase: where training would settle if it went on (measured with dynamics only).</summary>
    Equilibrium,
}
