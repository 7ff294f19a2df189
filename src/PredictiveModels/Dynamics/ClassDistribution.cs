using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// A distribution over outcome classes, plus the mass of configurations that have no goal yet
/// ("undecided"). The probabilities and <see cref="Undecided"/> sum to 1.
/// </summary>
/// <param name="Probabilities">The probability of each outcome class, in the order of <see cref="OutcomeClass"/>.</param>
/// <param name="Undecided">The probability of having no goal yet, between 0 and 1.</param>
public sealed record ClassDistribution(ImmutableArray<double> Probabilities, double Undecided)
{
    /// <summary>The probability of one outcome class.</summary>
    /// <param name="outcomeClass">The class.</param>
    public double Probability(OutcomeClass outcomeClass) => Probabilities[(int)outcomeClass];

    /// <summary><c>P(Deceptive)</c>.</summary>
    public double DeceptiveProbability => Probability(OutcomeClass.Deceptive);

    /// <summary>
    /// The total-variation distance to another distribution (half the sum of absolute differences, including the
    /// undecided mass); 0 to 1. Two distributions that each sum to 1 only to rounding can give a sum a few units in
    /// the last place above 2; the distance is then 1, the largest it can be.
    /// </summary>
    /// <param name="other">The other distribution.</param>
    public double TotalVariation(ClassDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = Math.Abs(Undecided - other.Undecided);
        for (var i = 0; i < Probabilities.Length; i++)
        {
            sum += Math.Abs(Probabilities[i] - other.Probabilities[i]);
        }

        return Math.Min(1, 0.5 * sum);
    }

    /// <summary>Sums a distribution over configurations into classes.</summary>
    internal static ClassDistribution FromConfigurations(ConfigurationSpace space, ReadOnlySpan<double> p)
    {
        var sums = new double[Enum.GetValues<OutcomeClass>().Length];
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

        return new ClassDistribution([.. sums], undecided);
    }
}
