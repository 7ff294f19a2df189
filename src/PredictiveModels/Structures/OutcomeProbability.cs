namespace PredictiveModels.Structures;

/// <summary>One entry of an <see cref="OutcomeDistribution"/>: an outcome class and its probability.</summary>
/// <param name="Class">The outcome class.</param>
/// <param name="Probability">Its probability, 0 to 1.</param>
public readonly record struct OutcomeProbability(OutcomeClass Class, double Probability);
