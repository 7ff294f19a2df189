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
        for (var i = 0; i < p.Length; i++)
        {
            if (space.ClassOf(i) is { } k)
            {
                sums[(int)k] += p[i];
            }
            else
            {
                undecided += p[i];
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
