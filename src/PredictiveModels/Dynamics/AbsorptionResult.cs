namespace PredictiveModels.Dynamics;

/// <summary>
/// Where training ends up when complete goals and the deceptive branch are absorbing: the
/// probability of being absorbed into each outcome class, and the mean time until absorption.
/// </summary>
/// <param name="Probabilities">The probability of absorption into each class (a complete goal of that class, or deception); <see cref="ClassDistribution.Undecided"/> holds the mass not absorbed when the computation stopped.</param>
/// <param name="MeanTime">Mean training time until absorption, in units of inverse base rate; a lower bound when <see cref="Unabsorbed"/> is not negligible.</param>
/// <param name="Unabsorbed">Probability not yet absorbed when the computation stopped (at most the tolerance unless the step limit was reached); 0 to 1.</param>
/// <param name="Steps">Steps of the uniformized chain taken.</param>
public sealed record AbsorptionResult(ClassDistribution Probabilities, double MeanTime, double Unabsorbed, long Steps);
