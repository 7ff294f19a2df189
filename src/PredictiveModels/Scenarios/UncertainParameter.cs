using PredictiveModels.Uncertainty;

namespace PredictiveModels.Scenarios;

/// <summary>
/// A parameter that a scenario file states as a belief (a distribution in Squiggle's notation, such as
/// <c>100 to 10000</c>) instead of a number. The scenario holds the distribution's median as the parameter's value, so
/// every command that takes one value per parameter uses the median.
/// </summary>
/// <param name="Path">The parameter's path as <c>sweep --param</c> names it, e.g. <c>analysis.dataSize</c> or <c>concepts.corpus.weight</c>.</param>
/// <param name="Distribution">The belief; its mass lies within the parameter's valid range.</param>
/// <param name="Notation">The belief as the file writes it, e.g. <c>100 to 10000</c> (the distribution's own <c>ToString</c> writes an interval as the lognormal or normal it stands for).</param>
public sealed record UncertainParameter(string Path, BeliefDistribution Distribution, string Notation)
{
    /// <summary>The value the scenario holds for the parameter: the distribution's median, in the parameter's unit.</summary>
    public double Median => Distribution.Median;
}
