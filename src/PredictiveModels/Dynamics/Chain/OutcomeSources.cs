using System.Collections.Immutable;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Where a distribution's outcomes come from: how the deceptive mass got there, and how much of each class's
/// mass sits on a goal that is not complete.
/// </summary>
/// <param name="Race">Probability of being deceptive after a jump from a partial aligned goal (a race: deceptive without having completed the goal it jumped from), 0 to 1.</param>
/// <param name="Defection">Probability of being deceptive after a jump from a complete aligned goal (a defection), 0 to 1. <c>Race + Defection</c> is the Deceptive probability.</param>
/// <param name="Incomplete">
/// Per outcome class, in the order of <see cref="OutcomeClass"/>, the probability of a configuration of that class whose
/// goal is not complete (goal progress below the branch's goal length): a part of the class's probability, 0 to it. It is 0
/// for Deceptive: a deceptive model plays along and has no goal of its own to complete.
/// </param>
public sealed record OutcomeSources(double Race, double Defection, ImmutableArray<double> Incomplete)
{
    /// <summary>The incomplete mass of one class, 0 to that class's probability.</summary>
    /// <param name="outcomeClass">The class.</param>
    public double IncompleteOf(OutcomeClass outcomeClass) => Incomplete[(int)outcomeClass];

    /// <summary>Sums a distribution over configurations by origin and completeness.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="p">One probability per configuration of <paramref name="space"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> has the wrong length.</exception>
    public static OutcomeSources FromConfigurations(ConfigurationSpace space, ReadOnlySpan<double> p)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (p.Length != space.Count)
        {
            throw new ArgumentException($"The distribution has {p.Length} entries; the chain has {space.Count} configurations.", nameof(p));
        }

        var incomplete = new double[Enum.GetValues<OutcomeClass>().Length];
        var race = 0.0;
        var defection = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == 0)
            {
                continue;
            }

            var c = space[i];
            if (c.Branch == space.DeceptiveBranch)
            {
                if (c.Defection)
                {
                    defection += p[i];
                }
                else
                {
                    race += p[i];
                }
            }
            else if (space.Branches[c.Branch] is { Class: { } k } branch && c.Goal < branch.Steps)
            {
                incomplete[(int)k] += p[i];
            }
        }

        return new OutcomeSources(race, defection, [.. incomplete]);
    }
}
