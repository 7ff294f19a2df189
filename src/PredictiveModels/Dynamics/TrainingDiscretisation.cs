namespace PredictiveModels.Dynamics;

/// <summary>
/// The discretisation-error estimates of a training run's headline numbers (<see cref="Discretisation.Estimate"/>):
/// <c>P(Deceptive)</c> at the end of training and at the last phase's equilibrium, each beside its value on the
/// next coarser grid.
/// </summary>
/// <param name="GoalResolution">The grid's bits per goal step (<c>dynamics.goalResolution</c>), greater than 0.</param>
/// <param name="WorldSteps">The grid's world-model steps (<c>dynamics.worldSteps</c>), at least 1.</param>
/// <param name="CoarserGoalResolution">The coarser grid's bits per goal step: twice <paramref name="GoalResolution"/>.</param>
/// <param name="CoarserWorldSteps">The coarser grid's world-model steps: half of <paramref name="WorldSteps"/>, rounded up.</param>
/// <param name="HighPathDependence"><c>P(Deceptive)</c> at the end of training (probability, 0 to 1) on both grids.</param>
/// <param name="LowPathDependence"><c>P(Deceptive)</c> at the last phase's equilibrium (probability, 0 to 1) on both grids.</param>
public sealed record TrainingDiscretisation(
    double GoalResolution,
    int WorldSteps,
    double CoarserGoalResolution,
    int CoarserWorldSteps,
    DiscretisationEstimate HighPathDependence,
    DiscretisationEstimate LowPathDependence);
