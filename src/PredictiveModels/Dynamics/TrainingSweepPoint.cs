namespace PredictiveModels.Dynamics;

/// <summary>One point of a <see cref="TrainingSweep"/>: the parameter's value and the training run there.</summary>
/// <param name="Value">The parameter's value, in its unit.</param>
/// <param name="Training">The whole training run at that value, phase by phase.</param>
public sealed record TrainingSweepPoint(double Value, TrainingResult Training)
{
    /// <summary><c>P(Deceptive)</c> at the end of training (high path dependence), 0 to 1.</summary>
    public double HighPathDeceptive => Training.Transient.DeceptiveProbability;

    /// <summary><c>P(Deceptive)</c> at the equilibrium of the last phase (low path dependence), 0 to 1.</summary>
    public double LowPathDeceptive => Training.Equilibrium.DeceptiveProbability;

    /// <summary>
    /// How much the last phase changes <c>P(Deceptive)</c> under high path dependence: its value at the
    /// end of the last phase minus at the end of the phase before (minus 0, the start of training, when
    /// there is one phase); -1 to 1.
    /// </summary>
    public double HighPathRise => HighPathDeceptive - (Training.Phases.Length > 1 ? Training.Phases[^2].Transient.DeceptiveProbability : 0);

    /// <summary>
    /// How much the last phase changes <c>P(Deceptive)</c> under low path dependence: the last phase's
    /// equilibrium minus the previous phase's (minus 0 when there is one phase); -1 to 1.
    /// </summary>
    public double LowPathRise => LowPathDeceptive - (Training.Phases.Length > 1 ? Training.Phases[^2].Equilibrium.DeceptiveProbability : 0);
}
