using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace PredictiveModels.Structures;

/// <summary>
/// A probability distribution over the outcome classes, plus the mass of models with no goal yet
/// (<see cref="Undecided"/>, 0 whenever every model has a class, as in the simplicity posterior). Read a class's
/// probability by the class (<c>d[OutcomeClass.Deceptive]</c>), by its name (<c>d["Deceptive"]</c>) or by its position
/// in the order of <see cref="OutcomeClass"/> (<c>d[3]</c>); enumerate it to get every class with its probability in
/// that order. The class probabilities and <see cref="Undecided"/> sum to 1 within <see cref="SumTolerance"/>.
/// <para>
/// A distribution computed in log space (<see cref="FromLog2Probabilities"/>) keeps its <c>log2</c> probabilities, so
/// that a class too improbable for a double keeps its exponent. One estimated from a sample (<see cref="FromCounts"/>)
/// keeps its counts in <see cref="Sample"/>.
/// </para>
/// </summary>
public sealed class OutcomeDistribution : IReadOnlyCollection<OutcomeProbability>
{
    /// <summary>
    /// How far the class probabilities and <see cref="Undecided"/> may sum from 1: ten times the millionth a solver
    /// allows its starting distribution, so that what a solver accepts and carries forward is accepted here.
    /// </summary>
    public const double SumTolerance = 1e-5;

    private static readonly ImmutableArray<OutcomeClass> ClassOrder = [.. Enum.GetValues<OutcomeClass>()];
    private readonly ImmutableArray<double> _log2Probabilities;

    private OutcomeDistribution(ImmutableArray<double> probabilities, double undecided, ImmutableArray<double> log2Probabilities, OutcomeSample? sample)
    {
        Probabilities = probabilities;
        Undecided = undecided;
        _log2Probabilities = log2Probabilities;
        Sample = sample;
    }

    /// <summary>Every outcome class, in the order of positions: the order of <see cref="OutcomeClass"/>.</summary>
    public static ImmutableArray<OutcomeClass> Classes => ClassOrder;

    /// <summary>The probability of each outcome class, in the order of <see cref="Classes"/>; each 0 to 1 (rounding may leave a few units in the last place outside).</summary>
    public ImmutableArray<double> Probabilities { get; }

    /// <summary>The probability of having no goal yet (no outcome class), 0 to 1.</summary>
    public double Undecided { get; }

    /// <summary>The counts the distribution was estimated from; null when it is exact (computed, not sampled).</summary>
    public OutcomeSample? Sample { get; }

    /// <summary>The number of outcome classes (undecided not counted).</summary>
    public int Count => ClassOrder.Length;

    /// <summary><c>P(Deceptive)</c>, 0 to 1.</summary>
    public double DeceptiveProbability => this[OutcomeClass.Deceptive];

    /// <summary>The probability of the class at a position in the order of <see cref="Classes"/>, 0 to 1.</summary>
    /// <param name="position">0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the classes.</exception>
    public double this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
            return Probabilities[position];
        }
    }

    /// <summary>The probability of an outcome class, 0 to 1.</summary>
    /// <param name="outcomeClass">The class.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not an outcome class.</exception>
    public double this[OutcomeClass outcomeClass] => Probabilities[PositionOf(outcomeClass)];

    /// <summary>The probability of the outcome class with this name, 0 to 1.</summary>
    /// <param name="className">The class's name as <see cref="OutcomeClass"/> spells it, e.g. <c>"Deceptive"</c>; case matters.</param>
    /// <exception cref="KeyNotFoundException">No outcome class has this name.</exception>
    public double this[string className]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(className);
            for (var i = 0; i < ClassOrder.Length; i++)
            {
                if (string.Equals(ClassOrder[i].ToString(), className, StringComparison.Ordinal))
                {
                    return Probabilities[i];
                }
            }

            throw new KeyNotFoundException($"'{className}' is not an outcome class; the classes are {string.Join(", ", ClassOrder)}");
        }
    }

    /// <summary>Makes a distribution from each class's probability and the undecided mass.</summary>
    /// <param name="probabilities">One probability per class, in the order of <see cref="Classes"/>; finite, none below <c>-</c><see cref="SumTolerance"/>.</param>
    /// <param name="undecided">The probability of no goal yet; finite, not below <c>-</c><see cref="SumTolerance"/>.</param>
    /// <exception cref="ArgumentException">There is not one probability per class, one is not finite or negative, or they do not sum to 1 within <see cref="SumTolerance"/>.</exception>
    public static OutcomeDistribution FromProbabilities(ReadOnlySpan<double> probabilities, double undecided = 0)
    {
        CheckLength(probabilities.Length, nameof(probabilities));
        var sum = undecided;
        foreach (var p in probabilities)
        {
            CheckProbability(p, nameof(probabilities));
            sum += p;
        }

        CheckProbability(undecided, nameof(undecided));
        CheckSum(sum, nameof(probabilities));
        return new OutcomeDistribution([.. probabilities], undecided, default, null);
    }

    /// <summary>Makes a distribution, with no undecided mass, from each class's <c>log2</c> probability, which it keeps (<see cref="Log2Probability"/>).</summary>
    /// <param name="log2Probabilities">One <c>log2</c> probability per class, in the order of <see cref="Classes"/>; at most about 0, <c>-infinity</c> for a class that cannot occur.</param>
    /// <exception cref="ArgumentException">There is not one value per class, one is NaN or above 0 by more than rounding, or the probabilities do not sum to 1 within <see cref="SumTolerance"/>.</exception>
    public static OutcomeDistribution FromLog2Probabilities(ReadOnlySpan<double> log2Probabilities)
    {
        CheckLength(log2Probabilities.Length, nameof(log2Probabilities));
        var probabilities = new double[log2Probabilities.Length];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (double.IsNaN(log2Probabilities[i]))
            {
                throw new ArgumentException($"the log2 probability of {ClassOrder[i]} is NaN", nameof(log2Probabilities));
            }

            probabilities[i] = double.Exp2(log2Probabilities[i]);
            CheckProbability(probabilities[i], nameof(log2Probabilities));
            sum += probabilities[i];
        }

        CheckSum(sum, nameof(log2Probabilities));
        return new OutcomeDistribution([.. probabilities], 0, [.. log2Probabilities], null);
    }

    /// <summary>Estimates a distribution from counts: each class's fraction of the trials, the counts kept in <see cref="Sample"/>.</summary>
    /// <param name="counts">How many trials ended in each class, in the order of <see cref="Classes"/>; each at least 0.</param>
    /// <param name="undecided">How many trials had no goal yet, at least 0.</param>
    /// <exception cref="ArgumentException">There is not one count per class, a count is negative, or there is no trial at all.</exception>
    public static OutcomeDistribution FromCounts(ReadOnlySpan<int> counts, int undecided)
    {
        CheckLength(counts.Length, nameof(counts));
        var total = (long)undecided;
        foreach (var c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(counts));
            total += c;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(undecided);
        if (total is < 1 or > int.MaxValue)
        {
            throw new ArgumentException($"the counts sum to {total}, but a sample needs 1 to {int.MaxValue} trials", nameof(counts));
        }

        var sample = new OutcomeSample([.. counts], undecided);
        var n = (double)total;
        var probabilities = new double[counts.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = counts[i] / n;
        }

        return new OutcomeDistribution([.. probabilities], undecided / n, default, sample);
    }

    /// <summary>
    /// The <c>log2</c> probability of an outcome class, in bits (at most about 0, <c>-infinity</c> when it cannot occur):
    /// the value it was made from when made in log space, otherwise <c>log2</c> of its probability.
    /// </summary>
    /// <param name="outcomeClass">The class.</param>
    public double Log2Probability(OutcomeClass outcomeClass)
    {
        var i = PositionOf(outcomeClass);
        return _log2Probabilities.IsDefault ? Math.Log2(Probabilities[i]) : _log2Probabilities[i];
    }

    /// <summary>
    /// The total-variation distance to another distribution (half the sum of absolute differences, including the
    /// undecided mass); 0 to 1. Two distributions that each sum to 1 only to rounding can give a sum a few units in
    /// the last place above 2; the distance is then 1, the largest it can be.
    /// </summary>
    /// <param name="other">The other distribution.</param>
    public double TotalVariation(OutcomeDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TotalVariation(Probabilities.AsSpan(), Undecided, other.Probabilities.AsSpan(), other.Undecided);
    }

    /// <summary>Every class with its probability, in the order of <see cref="Classes"/>.</summary>
    public IEnumerator<OutcomeProbability> GetEnumerator()
    {
        for (var i = 0; i < ClassOrder.Length; i++)
        {
            yield return new OutcomeProbability(ClassOrder[i], Probabilities[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The classes and their probabilities, e.g. <c>Desired 0.25, ..., undecided 0</c>, for reading in a debugger or a log.</summary>
    public override string ToString() =>
        string.Join(", ", this.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Class} {c.Probability:G6}")).Append(string.Create(CultureInfo.InvariantCulture, $"undecided {Undecided:G6}")));

    /// <summary>The total-variation distance between two distributions given as class probabilities and undecided mass, capped at 1.</summary>
    internal static double TotalVariation(ReadOnlySpan<double> a, double aUndecided, ReadOnlySpan<double> b, double bUndecided)
    {
        var sum = Math.Abs(aUndecided - bUndecided);
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return Math.Min(1, 0.5 * sum);
    }

    /// <summary>The position of a class in the order of <see cref="Classes"/>.</summary>
    internal static int PositionOf(OutcomeClass outcomeClass)
    {
        var i = (int)outcomeClass;
        if (i < 0 || i >= ClassOrder.Length || ClassOrder[i] != outcomeClass)
        {
            throw new ArgumentOutOfRangeException(nameof(outcomeClass), outcomeClass, "not an outcome class");
        }

        return i;
    }

    private static void CheckLength(int length, string name)
    {
        if (length != ClassOrder.Length)
        {
            throw new ArgumentException($"there are {ClassOrder.Length} outcome classes ({string.Join(", ", ClassOrder)}), but {length} values were given", name);
        }
    }

    private static void CheckProbability(double p, string name)
    {
        if (!double.IsFinite(p) || p < -SumTolerance)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a probability is {p}, but it must be finite and not negative"), name);
        }
    }

    private static void CheckSum(double sum, string name)
    {
        if (!(Math.Abs(sum - 1) <= SumTolerance))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the probabilities sum to {sum:G10}, not 1 within {SumTolerance:0e0}"), name);
        }
    }
}
