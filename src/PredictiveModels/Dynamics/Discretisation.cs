using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Estimates how far a training run's headline numbers depend on the chain's grid: it trains the scenario again on
/// the next coarser grid (<see cref="Coarser"/>: half as many goal steps and half as many world-model steps) and
/// reports each number beside its coarser value (<see cref="DiscretisationEstimate"/>). Both grid parameters are
/// coarsened because both move the headline (docs/dynamics.md, "Convergence in the grid"). The coarser run skips
/// absorption and relaxation, which the estimate does not use, so it costs less than the run it checks.
/// </summary>
public static class Discretisation
{
    /// <summary>
    /// The next coarser grid: <c>dynamics.goalResolution</c> doubled and <c>dynamics.worldSteps</c> halved
    /// (rounded up, at least 1); every other setting unchanged.
    /// </summary>
    /// <param name="settings">The grid in use.</param>
    /// <returns>The coarser settings.</returns>
    public static DynamicsSettings Coarser(DynamicsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.With(goalResolution: 2 * settings.GoalResolution, worldSteps: (settings.WorldSteps + 1) / 2);
    }

    /// <summary>
    /// Trains <paramref name="scenario"/> on the grid coarser than <paramref name="settings"/> (without absorption
    /// or relaxation) and pairs the headline numbers of <paramref name="fine"/>, the run on
    /// <paramref name="settings"/>, with the coarser run's.
    /// </summary>
    /// <param name="scenario">The scenario that was trained, with the phases it was trained through.</param>
    /// <param name="settings">The settings <paramref name="fine"/> was trained with.</param>
    /// <param name="fine">The training run being checked.</param>
    /// <param name="progress">Receives the fraction of the coarser run done (0 to 1), if given.</param>
    /// <param name="cancellation">Stops the computation.</param>
    /// <returns>The estimates.</returns>
    /// <exception cref="Diagnostics.ModelException">A solver cannot meet the tolerance on the coarser grid.</exception>
    public static TrainingDiscretisation Estimate(Scenario scenario, DynamicsSettings settings, TrainingResult fine, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fine);
        var coarse = TrainingDynamics.Train(scenario, Coarser(settings), scenario.Phases, progress, cancellation, absorption: false, relaxation: false);
        return Compare(settings, fine, coarse);
    }

    /// <summary>
    /// The estimates from two runs already made: <paramref name="fine"/> with <paramref name="settings"/>, and
    /// <paramref name="coarse"/> with <see cref="Coarser"/> of them, through the same phases (what
    /// <see cref="Estimate"/> does after training the coarser grid itself).
    /// </summary>
    /// <param name="settings">The settings <paramref name="fine"/> was trained with.</param>
    /// <param name="fine">The training run being checked.</param>
    /// <param name="coarse">The same training on the coarser grid.</param>
    /// <returns>The estimates.</returns>
    public static TrainingDiscretisation Compare(DynamicsSettings settings, TrainingResult fine, TrainingResult coarse)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fine);
        ArgumentNullException.ThrowIfNull(coarse);
        var coarser = Coarser(settings);
        return new TrainingDiscretisation(
            settings.GoalResolution,
            settings.WorldSteps,
            coarser.GoalResolution,
            coarser.WorldSteps,
            new DiscretisationEstimate(fine.Transient.DeceptiveProbability, coarse.Transient.DeceptiveProbability),
            new DiscretisationEstimate(fine.Equilibrium.DeceptiveProbability, coarse.Equilibrium.DeceptiveProbability));
    }
}
