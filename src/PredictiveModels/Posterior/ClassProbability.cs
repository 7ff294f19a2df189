using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>The posterior probability of one outcome class: the sum over its candidates.</summary>
/// <param name="Class">The class.</param>
/// <param name="Log2Probability"><c>log2</c> of the probability; <c>-infinity</c> when the class has no candidate.</param>
public sealed record ClassProbability(OutcomeClass Class, double Log2Probability)
{
    /// <summary>The probability, between 0 and 1.</summary>
    public double Probability => double.Exp2(Log2Probability);
}
