namespace PredictiveModels.Dynamics;

/// <summary>
/// A number computed on the chain's grid beside the same number on the next coarser grid
/// (<see cref="Discretisation.Coarser"/>), and their distance: an estimate of the discretisation error of
/// <see cref="Value"/>, not a bound. For a method whose error shrinks in proportion to the grid's spacing (first
/// order), the change from halving the resolution is about the size of the finer grid's own error; where the
/// numbers have not yet settled into that regime (the change does not shrink as the grid refines) it
/// understates the error, and the convergence study of docs/dynamics.md says where that is the case.
/// </summary>
/// <param name="Value">The number on the grid in use, in its own unit (a probability, or a difference of probabilities).</param>
/// <param name="Coarser">The same number on the next coarser grid, same unit.</param>
public sealed record DiscretisationEstimate(double Value, double Coarser)
{
    /// <summary>The estimate of <see cref="Value"/>'s discretisation error: <c>|Value - Coarser|</c>, same unit, at least 0.</summary>
    public double Estimate => Math.Abs(Value - Coarser);

    /// <summary>
    /// The estimate of a difference of two numbers computed on the same pair of grids (e.g. a lever's effect, the
    /// lever's value minus the baseline's): the difference on each grid, so that errors the two share cancel.
    /// </summary>
    /// <param name="other">The number subtracted, computed on the same two grids.</param>
    /// <returns><c>this - other</c> on the grid in use and on the coarser grid.</returns>
    public DiscretisationEstimate Minus(DiscretisationEstimate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new DiscretisationEstimate(Value - other.Value, Coarser - other.Coarser);
    }
}
