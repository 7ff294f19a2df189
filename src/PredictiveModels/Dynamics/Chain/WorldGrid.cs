using System.Collections.Immutable;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The points of the world-model axis of the training chain: the fraction of the world model each world step holds.
/// <para>
/// The grid starts from <c>W</c> equal steps (<c>dynamics.worldSteps</c>) and puts a point exactly at every threshold where
/// a move becomes possible (a corrigible goal's camera concepts acquired, awareness, the base objective understood): the
/// equal-grid point nearest a threshold moves onto it, or, when that point already holds another threshold (or is 0 or 1),
/// the threshold is added as a point of its own. A threshold thus never rounds up to the next multiple of <c>1/W</c>,
/// so when a capability appears does not depend on <c>W</c>; a moved point stays within half a step of where it was, so the
/// steps stay between about <c>1/(2W)</c> and <c>3/(2W)</c> unless two thresholds lie closer than that.
/// </para>
/// </summary>
public sealed class WorldGrid
{
    private WorldGrid(int equalSteps, ImmutableArray<double> fractions)
    {
        EqualSteps = equalSteps;
        Fractions = fractions;
    }

    /// <summary>The equal steps the grid starts from, <c>dynamics.worldSteps</c>; at least 1.</summary>
    public int EqualSteps { get; }

    /// <summary>The fraction of the world model held at each world step, from 0 at step 0 to 1 at the last, strictly increasing.</summary>
    public ImmutableArray<double> Fractions { get; }

    /// <summary>The number of world steps: the last world index, <see cref="EqualSteps"/> or more.</summary>
    public int Steps => Fractions.Length - 1;

    /// <summary>
    /// The grid of <paramref name="equalSteps"/> equal steps with a point at each of <paramref name="thresholds"/>.
    /// </summary>
    /// <param name="equalSteps">Equal steps, at least 1.</param>
    /// <param name="thresholds">Fractions of the world model, each 0 to 1 (0 and 1 are points already; duplicates count once).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="equalSteps"/> is below 1, or a threshold is outside 0 to 1 or not a number.</exception>
    public static WorldGrid Create(int equalSteps, IEnumerable<double> thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(equalSteps, 1);
        ArgumentNullException.ThrowIfNull(thresholds);
        var points = new double[equalSteps + 1];
        var moved = new bool[equalSteps + 1];
        for (var k = 0; k <= equalSteps; k++)
        {
            points[k] = (double)k / equalSteps;
        }

        moved[0] = moved[equalSteps] = true;
        var extra = new List<double>();
        foreach (var threshold in thresholds.Distinct().Order())
        {
            if (!(threshold >= 0 && threshold <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(thresholds), threshold, "A threshold is a fraction of the world model, 0 to 1.");
            }

            if (threshold is 0 or 1)
            {
                continue;
            }

            // The nearest point of the equal grid; a threshold exactly halfway goes to the upper one. Every point stays below
            // the midpoint to its upper neighbour, so the points stay in order.
            var nearest = (int)Math.Floor((threshold * equalSteps) + 0.5);
            if (!moved[nearest])
            {
                points[nearest] = threshold;
                moved[nearest] = true;
            }
            else
            {
                extra.Add(threshold);
            }
        }

        // No two points coincide: an extra threshold differs from every other threshold, and the equal point it could
        // equal is its own nearest, which was taken, so that point moved away from it.
        return new WorldGrid(equalSteps, [.. points.Concat(extra).Order()]);
    }

    /// <summary>The first world step holding at least <paramref name="fraction"/> of the world model: exactly the threshold's step when the grid was made with it.</summary>
    /// <param name="fraction">A fraction of the world model, 0 to 1; above 1 (or not a number) gives the last step.</param>
    /// <returns>0 to <see cref="Steps"/>.</returns>
    public int StepAt(double fraction)
    {
        for (var w = 0; w < Fractions.Length; w++)
        {
            if (Fractions[w] >= fraction)
            {
                return w;
            }
        }

        return Steps;
    }

    /// <summary>
    /// The width of the step between world steps <paramref name="w"/> and <paramref name="w"/> + 1, floored at half an equal step
    /// (<c>1/(2W)</c>) so that two thresholds that lie close together do not make the chain stiff.
    /// </summary>
    /// <param name="w">0 to <see cref="Steps"/> - 1.</param>
    /// <returns>A fraction of the world model, greater than 0.</returns>
    public double Width(int w) => Math.Max(Fractions[w + 1] - Fractions[w], 0.5 / EqualSteps);

    /// <summary>Whether two grids have the same points.</summary>
    /// <param name="other">Another grid.</param>
    public bool SamePoints(WorldGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Fractions.SequenceEqual(other.Fractions);
    }
}
