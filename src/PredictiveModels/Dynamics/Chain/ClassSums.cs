using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>Sums a distribution over the configurations of a chain into outcome classes and the undecided rest.</summary>
internal static class ClassSums
{
    /// <summary>Each class's probability (in the order of <see cref="OutcomeClass"/>) and the undecided mass, unchecked: the sums as they are, whatever their total.</summary>
    internal static (double[] Classes, double Undecided) Of(ConfigurationSpace space, ReadOnlySpan<double> p)
    {
        var sums = new double[OutcomeDistribution.Classes.Length];
        var undecided = 0.0;

        // A configuration's class is its branch's, and each branch's configurations are one run of indices: so the run is
        // added branch by branch, in increasing index as before (the same additions in the same order, the same sums to the
        // bit), without decoding every configuration.
        for (var b = 0; b < space.Branches.Length; b++)
        {
            var run = p[space.BranchStart(b)..space.BranchStart(b + 1)];
            if (space.Branches[b].Class is { } k)
            {
                ref var sum = ref sums[(int)k];
                foreach (var x in run)
                {
                    sum += x;
                }
            }
            else
            {
                foreach (var x in run)
                {
                    undecided += x;
                }
            }
        }

        return (sums, undecided);
    }

    /// <summary>The outcome distribution of a distribution over configurations, which must sum to 1 within <see cref="OutcomeDistribution.SumTolerance"/>.</summary>
    internal static OutcomeDistribution Distribution(ConfigurationSpace space, ReadOnlySpan<double> p)
    {
        var (classes, undecided) = Of(space, p);
        return OutcomeDistribution.FromProbabilities(classes, undecided);
    }
}
