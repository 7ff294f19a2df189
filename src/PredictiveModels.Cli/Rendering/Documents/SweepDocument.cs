using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>sweep</c> without <c>--dynamics</c>: the posterior at each value of one parameter.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Param">The parameter's path.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Scale">How the points are spaced: <c>linear</c> or <c>log</c>.</param>
/// <param name="Points">The posterior at each value, in the order swept.</param>
internal sealed record SweepDocument(ScenarioReference? Scenario, string Param, string Unit, string Scale, IReadOnlyList<SweepPointDocument> Points)
    : OutputDocument("sweep", Scenario)
{
    /// <summary>The document of a posterior sweep.</summary>
    public static SweepDocument Of(Scenario scenario, SweepResult result, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            result.Parameter,
            result.Unit,
            result.Scale.ToString().ToLowerInvariant(),
            [.. result.Points.Select(p => new SweepPointDocument(p.Value, ClassProbabilities.Of(p.Classes), p.DeceptiveProbability, p.BitsUnderwater))])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>The posterior at one value of the swept parameter.</summary>
/// <param name="Value">The value, in the parameter's unit.</param>
/// <param name="Classes">Each outcome class's probability.</param>
/// <param name="PDeceptive"><c>P(Deceptive)</c>, 0 to 1.</param>
/// <param name="BitsUnderwater">Bits underwater, or null.</param>
internal sealed record SweepPointDocument(double Value, IReadOnlyDictionary<string, double> Classes, double PDeceptive, double? BitsUnderwater);

/// <summary>The document of <c>sweep --dynamics</c>: training at each value of one parameter.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Param">The parameter's path.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Scale">How the points are spaced: <c>linear</c> or <c>log</c>.</param>
/// <param name="Regime">Always <c>dynamics</c>, which tells this document from a <see cref="SweepDocument"/>.</param>
/// <param name="Points">Training at each value, in the order swept.</param>
internal sealed record TrainingSweepDocument(ScenarioReference? Scenario, string Param, string Unit, string Scale, string Regime, IReadOnlyList<TrainingSweepPointDocument> Points)
    : OutputDocument("sweep", Scenario)
{
    /// <summary>The document of a training sweep.</summary>
    public static TrainingSweepDocument Of(Scenario scenario, TrainingSweepResult result, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            result.Parameter,
            result.Unit,
            result.Scale.ToString().ToLowerInvariant(),
            "dynamics",
            [.. result.Points.Select(TrainingSweepPointDocument.Of)])
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>Training at one value of the swept parameter.</summary>
/// <param name="Value">The value, in the parameter's unit.</param>
/// <param name="Classes">Each outcome class's probability at the end of training (high path dependence).</param>
/// <param name="Undecided">The probability of no goal yet at the end of training.</param>
/// <param name="EquilibriumClasses">Each outcome class's probability at the equilibrium of the last phase (low path dependence).</param>
/// <param name="PDeceptiveHigh"><c>P(Deceptive)</c> at the end of training.</param>
/// <param name="PDeceptiveLow"><c>P(Deceptive)</c> at the equilibrium of the last phase.</param>
/// <param name="RiseHigh">The change of <c>P(Deceptive)</c> over the last phase, at the end of training; -1 to 1.</param>
/// <param name="RiseLow">The change of <c>P(Deceptive)</c> over the last phase, at equilibrium; -1 to 1.</param>
/// <param name="PathDependenceIndex">The path-dependence index at the end, 0 to 1.</param>
/// <param name="ErrorBound">The sum of the phases' error bounds on the end distribution (1-norm).</param>
internal sealed record TrainingSweepPointDocument(
    double Value,
    IReadOnlyDictionary<string, double> Classes,
    double Undecided,
    IReadOnlyDictionary<string, double> EquilibriumClasses,
    double PDeceptiveHigh,
    double PDeceptiveLow,
    double RiseHigh,
    double RiseLow,
    double PathDependenceIndex,
    double ErrorBound)
{
    /// <summary>The document of one point of a training sweep.</summary>
    public static TrainingSweepPointDocument Of(TrainingSweepPoint p) =>
        new(
            p.Value,
            ClassProbabilities.Of(p.Training.Transient),
            p.Training.Transient.Undecided,
            ClassProbabilities.Of(p.Training.Equilibrium),
            p.HighPathDeceptive,
            p.LowPathDeceptive,
            p.HighPathRise,
            p.LowPathRise,
            p.Training.PathDependenceIndex,
            p.Training.Phases.Sum(f => f.ErrorBound));
}
