using PredictiveModels.Dynamics;

namespace PredictiveModels.Analysis;

/// <summary>
/// What one lever does to a scenario's three headline numbers, each beside the baseline's: the lever's
/// <c>P(Deceptive)</c> under the simplicity posterior and after training, on the scenario's grid and on the
/// next coarser one.
/// </summary>
/// <param name="Lever">The lever pulled.</param>
/// <param name="SimplicityPosterior"><c>P(Deceptive)</c> under the simplicity posterior with the lever pulled (probability, 0 to 1; the posterior has no grid).</param>
/// <param name="Discretisation">The lever's <c>P(Deceptive)</c> at the end of training (high path dependence) and at the last phase's equilibrium (low path dependence), on both grids.</param>
/// <param name="HighPathDependenceEffect">The lever minus the baseline at the end of training, on both grids (a difference of probabilities, -1 to 1).</param>
/// <param name="LowPathDependenceEffect">The lever minus the baseline at the last phase's equilibrium, on both grids (-1 to 1).</param>
/// <param name="Sources">Where the lever's deceptive mass at the end of training comes from (a race or a defection), as the last phase reports it; null when that phase does not compute it.</param>
public sealed record LeverOutcome(
    Lever Lever,
    double SimplicityPosterior,
    TrainingDiscretisation Discretisation,
    DiscretisationEstimate HighPathDependenceEffect,
    DiscretisationEstimate LowPathDependenceEffect,
    OutcomeSources? Sources)
{
    /// <summary><c>P(Deceptive)</c> at the last phase's equilibrium with the lever pulled (probability, 0 to 1).</summary>
    public double LowPathDependence => Discretisation.LowPathDependence.Value;

    /// <summary><c>P(Deceptive)</c> at the end of training with the lever pulled (probability, 0 to 1).</summary>
    public double HighPathDependence => Discretisation.HighPathDependence.Value;
}
