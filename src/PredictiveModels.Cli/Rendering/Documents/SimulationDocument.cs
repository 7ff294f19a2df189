using PredictiveModels.Dynamics;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// The top-level <c>simulation</c> object of <c>train</c>: trajectories and seed, and, unchanged since schema version 1
/// first had it, the first phase's figures. Every phase's figures are in <see cref="PhaseDocument.Simulation"/>.
/// </summary>
/// <param name="Phase">The first phase's name.</param>
/// <param name="Trajectories">Number of trajectories.</param>
/// <param name="Seed">The seed the trajectories' random streams come from.</param>
/// <param name="Tau">The first phase's duration.</param>
/// <param name="Events">Moves made in the first phase.</param>
/// <param name="Classes">The first phase's outcome classes, and <c>undecided</c> last, each with its 95% interval.</param>
/// <param name="FirstPassage">First passages since the start of training, by the end of the first phase.</param>
internal sealed record TrainingSimulationDocument(
    string Phase,
    int Trajectories,
    ulong Seed,
    double Tau,
    long Events,
    IReadOnlyDictionary<string, ProportionDocument> Classes,
    FirstPassagesDocument FirstPassage)
{
    /// <summary>The document of a simulated training.</summary>
    public static TrainingSimulationDocument Of(TrainingSimulationResult simulation)
    {
        var s = simulation.Phases[0];
        return new(s.Phase, simulation.TrajectoryCount, simulation.Seed, s.Tau, s.Events, ProportionDocument.Classes(s), FirstPassagesDocument.SinceStart(s));
    }
}

/// <summary>One phase's simulated figures.</summary>
/// <param name="Start">Training time at the phase's start.</param>
/// <param name="End">Training time at its end.</param>
/// <param name="Events">Moves made in the phase.</param>
/// <param name="Classes">The outcome classes at its end, and <c>undecided</c> last, each with its 95% interval.</param>
/// <param name="FirstPassage">First passages since the start of training, by the end of the phase.</param>
/// <param name="FirstPassageInPhase">First passages during the phase, never before it.</param>
internal sealed record PhaseSimulationDocument(
    double Start,
    double End,
    long Events,
    IReadOnlyDictionary<string, ProportionDocument> Classes,
    FirstPassagesDocument FirstPassage,
    FirstPassagesDocument FirstPassageInPhase)
{
    /// <summary>The document of one phase's simulation.</summary>
    public static PhaseSimulationDocument Of(SimulationResult s) =>
        new(s.Start, s.End, s.Events, ProportionDocument.Classes(s), FirstPassagesDocument.SinceStart(s), new FirstPassagesDocument(
            PassageDocument.Of(s.AwarenessInPhase), PassageDocument.Of(s.LongTermInPhase), PassageDocument.Of(s.DeceptionInPhase)));
}

/// <summary>An estimated proportion with its 95% Wilson interval.</summary>
/// <param name="Value">The point estimate, 0 to 1.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
internal sealed record ProportionDocument(double Value, double Lower, double Upper)
{
    /// <summary>The document of a proportion estimate.</summary>
    public static ProportionDocument Of(ProportionEstimate e) => new(e.Value, e.Lower, e.Upper);

    /// <summary>Each outcome class's estimate in class order, then <c>undecided</c>.</summary>
    public static IReadOnlyDictionary<string, ProportionDocument> Classes(SimulationResult s)
    {
        var classes = OutcomeDistribution.Classes.ToDictionary(k => k.ToString(), k => Of(s.Estimate(k)));
        classes.Add("undecided", Of(s.UndecidedEstimate));
        return classes;
    }
}

/// <summary>First passages to awareness, a long-term horizon and deception.</summary>
/// <param name="Awareness">First situational awareness.</param>
/// <param name="LongTerm">First long-term horizon.</param>
/// <param name="Deception">First deception.</param>
internal sealed record FirstPassagesDocument(PassageDocument Awareness, PassageDocument LongTerm, PassageDocument Deception)
{
    /// <summary>The passages of a phase counted from the start of training.</summary>
    public static FirstPassagesDocument SinceStart(SimulationResult s) =>
        new(PassageDocument.Of(s.Awareness), PassageDocument.Of(s.LongTerm), PassageDocument.Of(s.Deception));
}

/// <summary>One first passage: the fraction of trajectories that reached the set, and their times (null when not finite, for instance when none reached it).</summary>
/// <param name="Reached">The fraction that reached it, with its interval.</param>
/// <param name="MeanTime">The mean first time.</param>
/// <param name="MeanTimeLower">The lower end of its 95% interval.</param>
/// <param name="MeanTimeUpper">The upper end.</param>
/// <param name="MedianTime">The median first time.</param>
internal sealed record PassageDocument(ProportionDocument Reached, double? MeanTime, double? MeanTimeLower, double? MeanTimeUpper, double? MedianTime)
{
    /// <summary>The document of a first passage.</summary>
    public static PassageDocument Of(FirstPassage p) =>
        new(ProportionDocument.Of(p.Reached), Json.FiniteOrNull(p.MeanTime), Json.FiniteOrNull(p.MeanTimeLower), Json.FiniteOrNull(p.MeanTimeUpper), Json.FiniteOrNull(p.MedianTime));
}
