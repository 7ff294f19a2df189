namespace PredictiveModels.Scenarios;

/// <summary>
/// A Spearman rank correlation that a scenario file states between two of its beliefs (under
/// <c>uncertainty.correlations</c>). A sampler imposes it by reordering independent draws (the Iman-Conover method), so
/// each belief's own distribution is untouched.
/// </summary>
/// <param name="PathA">The path of one belief, as <see cref="UncertainParameter.Path"/> names it, e.g. <c>analysis.dataSize</c>.</param>
/// <param name="PathB">The path of the other belief; different from <paramref name="PathA"/>.</param>
/// <param name="Rank">The target Spearman rank correlation, from -1 to 1 inclusive; the scenario's correlations together are positive semi-definite.</param>
public sealed record BeliefCorrelation(string PathA, string PathB, double Rank);
