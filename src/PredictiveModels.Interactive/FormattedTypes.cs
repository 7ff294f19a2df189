using System.Collections.Immutable;
using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Posterior;
using PredictiveModels.Rendering;
using PredictiveModels.Structures;

namespace PredictiveModels.Interactive;

/// <summary>The result types that <see cref="HtmlFormatter"/> and <see cref="PlainTextFormatter"/> format; the kernel extension registers a formatter for each.</summary>
public static class FormattedTypes
{
    /// <summary>Every formatted type: the scores, a candidate's score, the posterior, a sweep of the posterior and one of training, training, the analysis, belief propagation, a distribution over outcome classes, and a chart on its own.</summary>
    public static ImmutableArray<Type> All { get; } =
    [
        typeof(ScoreReport),
        typeof(CandidateScore),
        typeof(PosteriorResult),
        typeof(SweepResult),
        typeof(TrainingSweepResult),
        typeof(TrainingResult),
        typeof(AnalysisResult),
        typeof(BeliefPropagationResult),
        typeof(OutcomeDistribution),
        typeof(SvgChart),
    ];
}
