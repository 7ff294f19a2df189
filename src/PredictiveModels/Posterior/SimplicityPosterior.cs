using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Posterior;

/// <summary>
/// Low path dependence: training lands on whatever the inductive biases favour among the models
/// that fit the data. This solver scores a scenario's candidates and evaluates the posterior at the
/// scenario's analysis settings.
/// </summary>
public static class SimplicityPosterior
{
    /// <summary>Scores the scenario and evaluates its posterior at its analysis settings.</summary>
    /// <param name="scenario">A validated scenario.</param>
    public static PosteriorResult Compute(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Compute(StructureScorer.Score(scenario), scenario.Analysis);
    }

    /// <summary>Evaluates the posterior of scored candidates at the given settings.</summary>
    /// <param name="report">The scores (with the hole cost the settings chose).</param>
    /// <param name="settings">The simplicity exponent, speed weight, data size and elimination threshold.</param>
    public static PosteriorResult Compute(ScoreReport report, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return PosteriorModel.From(report).Evaluate(settings.SimplicityExponent, settings.SpeedWeight, settings.DataSize, settings.EliminationThreshold);
    }
}
