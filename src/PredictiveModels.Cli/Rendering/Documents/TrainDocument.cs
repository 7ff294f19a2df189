using PredictiveModels.Cli.Commands;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using System.Text.Json.Serialization;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>train</c>: every phase of training as a Markov chain, the last phase's equilibrium, the discretisation estimates and, when asked for, the simulation.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Phases">Every phase, in training order.</param>
/// <param name="Equilibrium">The equilibrium of the last phase's energy.</param>
/// <param name="Discretisation">The grids and estimates of the discretisation error; null when not computed.</param>
/// <param name="Simulation">The trajectories' settings and the first phase's figures (each phase's are in <see cref="PhaseDocument.Simulation"/>); absent without a simulation.</param>
internal sealed record TrainDocument(
    ScenarioReference? Scenario,
    IReadOnlyList<PhaseDocument> Phases,
    EquilibriumClassesDocument Equilibrium,
    DiscretisationDocument? Discretisation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrainingSimulationDocument? Simulation)
    : OutputDocument("train", Scenario)
{
    /// <summary>The document of a training, with its discretisation estimates and simulation when there are any.</summary>
    public static TrainDocument Of(Scenario scenario, TrainingResult result, TrainingSimulationResult? simulation, TrainingDiscretisation? discretisation, Provenance provenance) =>
        new(
            ScenarioReference.Of(scenario),
            [.. result.Phases.Select((p, i) => PhaseDocument.Of(p, simulation?.Phases[i]))],
            new EquilibriumClassesDocument(ClassProbabilities.Of(result.Equilibrium)),
            DiscretisationDocument.Of(discretisation),
            simulation is null ? null : TrainingSimulationDocument.Of(simulation))
        {
            Provenance = ProvenanceDocument.Of(provenance),
        };
}

/// <summary>The outcome classes of an equilibrium, without the undecided mass.</summary>
/// <param name="Classes">Each outcome class's probability.</param>
internal sealed record EquilibriumClassesDocument(IReadOnlyDictionary<string, double> Classes);

/// <summary>A distribution over outcome classes with the undecided mass beside it.</summary>
/// <param name="Classes">Each outcome class's probability.</param>
/// <param name="Undecided">The probability of no goal yet.</param>
internal sealed record ClassesDocument(IReadOnlyDictionary<string, double> Classes, double Undecided);

/// <summary>One phase of training (see <see cref="PhaseResult"/> for the meaning of each number).</summary>
/// <param name="Name">The phase's name.</param>
/// <param name="Duration">Its training time.</param>
/// <param name="Configurations">Configurations of its chain.</param>
/// <param name="Classes">Each class's probability at the end of the phase (high path dependence).</param>
/// <param name="Undecided">The probability of no goal yet at the end of the phase.</param>
/// <param name="ErrorBound">Bound on the 1-norm error of the end distribution.</param>
/// <param name="PathDependenceIndex">The path-dependence index at the end, 0 to 1.</param>
/// <param name="Equilibrium">The classes at the equilibrium of the phase's energy (low path dependence).</param>
/// <param name="PathDependence">The index at a series of times through the phase.</param>
/// <param name="DeceptiveOrigin">The deceptive mass split into race and defection; absent when not computed.</param>
/// <param name="Incomplete">Each class's mass on incomplete goals; absent when not computed.</param>
/// <param name="UniformizationRate"><c>Lambda</c> of the transient, per unit of training time.</param>
/// <param name="Products">Matrix-vector products made.</param>
/// <param name="Absorption">Where the phase would end if run until absorption; null when not computed.</param>
/// <param name="AbsorptionProblem">Why absorption is null although asked for; absent otherwise.</param>
internal sealed record PhaseDocument(
    string Name,
    double Duration,
    int Configurations,
    IReadOnlyDictionary<string, double> Classes,
    double Undecided,
    double ErrorBound,
    double PathDependenceIndex,
    ClassesDocument Equilibrium,
    IReadOnlyList<PathDependencePointDocument> PathDependence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeceptiveOriginDocument? DeceptiveOrigin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Incomplete,
    double UniformizationRate,
    long Products,
    AbsorptionDocument? Absorption,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AbsorptionProblem)
{
    /// <summary>The relaxation time, null when not computed or beyond a double (see <see cref="RelaxationTimeReason"/>).</summary>
    public double? RelaxationTime { get; init; }

    /// <summary>Its <c>log10</c>, or that of its lower bound; null when not computed.</summary>
    public double? RelaxationTimeLog10 { get; init; }

    /// <summary>Whether the relaxation time is only a lower bound.</summary>
    public bool RelaxationTimeIsLowerBound { get; init; }

    /// <summary>Why the relaxation time is null; absent when it is a number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RelaxationTimeReason { get; init; }

    /// <summary>The details of the relaxation computation; absent when not computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RelaxationDocument? Relaxation { get; init; }

    /// <summary>When the transient gets within the threshold of the equilibrium, training time; null when not (see <see cref="EquilibriumReachedAtReason"/>).</summary>
    public double? EquilibriumReachedAt { get; init; }

    /// <summary>The same, as time after the phase's end; null when not reached.</summary>
    public double? EquilibriumReachedAfter { get; init; }

    /// <summary>Why the equilibrium's time is null; absent when it is a number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EquilibriumReachedAtReason { get; init; }

    /// <summary>The details of the reachability search; absent when not computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReachabilityDocument? Reachability { get; init; }

    /// <summary>The phase's simulated figures; absent without a simulation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PhaseSimulationDocument? Simulation { get; init; }

    /// <summary>The document of a phase, with its simulated figures when there are any.</summary>
    public static PhaseDocument Of(PhaseResult p, SimulationResult? simulation)
    {
        var r = p.Relaxation;
        var e = p.Reachability;
        return new PhaseDocument(
            p.Name,
            p.Duration,
            p.Configurations,
            ClassProbabilities.Of(p.Transient),
            p.Transient.Undecided,
            p.ErrorBound,
            p.PathDependenceIndex,
            new ClassesDocument(ClassProbabilities.Of(p.Equilibrium), p.Equilibrium.Undecided),
            [.. p.PathDependence.Select(x => new PathDependencePointDocument(x.Time, x.Index))],
            p.Sources is { } s ? new DeceptiveOriginDocument(s.Race, s.Defection) : null,
            p.Sources is { } t ? OutcomeDistribution.Classes.ToDictionary(k => k.ToString(), t.IncompleteOf) : null,
            p.UniformizationRate,
            p.Products,
            p.Absorption is { } a ? new AbsorptionDocument(ClassProbabilities.Of(a.Probabilities), a.MeanTime, a.Unaccounted, a.Residual, a.Sweeps) : null,
            p.AbsorptionProblem)
        {
            RelaxationTime = Json.FiniteOrNull(r?.Time),
            RelaxationTimeLog10 = Json.FiniteOrNull(r?.Log10Lower is { } log10 && r.IsLowerBound ? log10 : r?.Time is { } time ? Math.Log10(time) : null),
            RelaxationTimeIsLowerBound = r?.IsLowerBound ?? false,
            RelaxationTimeReason = RelaxationText.Reason(r),
            Relaxation = r is null ? null : RelaxationDocument.Of(r),
            EquilibriumReachedAt = Json.FiniteOrNull(e?.ReachedAt),
            EquilibriumReachedAfter = Json.FiniteOrNull(e?.ReachedAfter),
            EquilibriumReachedAtReason = e is null ? "not computed" : e.Problem,
            Reachability = e is null ? null : ReachabilityDocument.Of(e),
            Simulation = simulation is null ? null : PhaseSimulationDocument.Of(simulation),
        };
    }
}

/// <summary>The path-dependence index at one time.</summary>
/// <param name="Time">Training time into the phase.</param>
/// <param name="Index">The index, 0 to 1.</param>
internal sealed record PathDependencePointDocument(double Time, double Index);

/// <summary>The deceptive mass at the end of a phase, by how it became deceptive.</summary>
/// <param name="Race">Probability of deception reached by racing, 0 to 1.</param>
/// <param name="Defection">Probability of deception reached by defecting from a goal, 0 to 1.</param>
internal sealed record DeceptiveOriginDocument(double Race, double Defection);

/// <summary>Where a phase would end if it ran until absorption.</summary>
/// <param name="Classes">The probability of absorption into each class.</param>
/// <param name="MeanTime">Mean training time until absorption (a lower bound).</param>
/// <param name="Unaccounted">The mass not accounted for, 0 to 1.</param>
/// <param name="Residual">The residual's 1-norm.</param>
/// <param name="Sweeps">Gauss–Seidel sweeps made.</param>
internal sealed record AbsorptionDocument(IReadOnlyDictionary<string, double> Classes, double MeanTime, double Unaccounted, double Residual, int Sweeps);

/// <summary>The details of a relaxation time (see <see cref="RelaxationResult"/>); a number that is absent or not finite is null.</summary>
/// <param name="Lower">A lower bound on the relaxation time.</param>
/// <param name="Log10Lower">Its <c>log10</c>.</param>
/// <param name="Upper">An upper bound.</param>
/// <param name="LanczosLower">The Lanczos lower bound.</param>
/// <param name="BottleneckLog10Lower">The bottleneck's <c>log10</c> lower bound.</param>
/// <param name="BottleneckSet">The bottleneck set; absent when none.</param>
/// <param name="RitzValue">The Ritz value.</param>
/// <param name="RitzResidual">Its residual.</param>
/// <param name="Rounding">The rounding estimate.</param>
/// <param name="Iterations">Iterations made.</param>
internal sealed record RelaxationDocument(
    double? Lower,
    double? Log10Lower,
    double? Upper,
    double? LanczosLower,
    double? BottleneckLog10Lower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BottleneckSet,
    double? RitzValue,
    double? RitzResidual,
    double? Rounding,
    int Iterations)
{
    /// <summary>The document of a relaxation result.</summary>
    public static RelaxationDocument Of(RelaxationResult r) =>
        new(
            Json.FiniteOrNull(r.Lower),
            Json.FiniteOrNull(r.Log10Lower),
            Json.FiniteOrNull(r.Upper),
            Json.FiniteOrNull(r.LanczosLower),
            Json.FiniteOrNull(r.BottleneckLog10Lower),
            r.BottleneckSet,
            Json.FiniteOrNull(r.RitzValue),
            Json.FiniteOrNull(r.Residual),
            Json.FiniteOrNull(r.Rounding),
            r.Iterations);
}

/// <summary>The details of a reachability search (see <see cref="ReachabilityResult"/>).</summary>
/// <param name="Threshold">The index the transient must get below.</param>
/// <param name="HorizonFactor">How many times the phase's duration the search goes on.</param>
/// <param name="Resolution">The relative resolution of the time found.</param>
/// <param name="SearchedUntil">The time searched until; null when not finite.</param>
/// <param name="Index">The index there; null when not finite.</param>
/// <param name="ErrorBound">The transient's error bound there; null when not finite.</param>
/// <param name="Products">Matrix-vector products made.</param>
internal sealed record ReachabilityDocument(double Threshold, double HorizonFactor, double Resolution, double? SearchedUntil, double? Index, double? ErrorBound, long Products)
{
    /// <summary>The document of a reachability result.</summary>
    public static ReachabilityDocument Of(ReachabilityResult e) =>
        new(Dynamics.Reachability.Threshold, Dynamics.Reachability.HorizonFactor, Dynamics.Reachability.Resolution, Json.FiniteOrNull(e.SearchedUntil), Json.FiniteOrNull(e.IndexThere), Json.FiniteOrNull(e.ErrorBound), e.Products);
}

/// <summary>The grids of the discretisation estimates and each headline number's value, coarser value and estimate.</summary>
/// <param name="GoalResolution">The scenario's grid: bits per goal step.</param>
/// <param name="WorldSteps">The scenario's grid: world steps.</param>
/// <param name="CoarserGoalResolution">The coarser grid's bits per goal step.</param>
/// <param name="CoarserWorldSteps">The coarser grid's world steps.</param>
/// <param name="HighPathDependence"><c>P(Deceptive)</c> at the end of training on both grids.</param>
/// <param name="LowPathDependence"><c>P(Deceptive)</c> at equilibrium on both grids.</param>
internal sealed record DiscretisationDocument(
    double GoalResolution,
    int WorldSteps,
    double CoarserGoalResolution,
    int CoarserWorldSteps,
    EstimateDocument HighPathDependence,
    EstimateDocument LowPathDependence)
{
    /// <summary>The document of the discretisation estimates, or null when there are none.</summary>
    public static DiscretisationDocument? Of(TrainingDiscretisation? d) =>
        d is null ? null : new(d.GoalResolution, d.WorldSteps, d.CoarserGoalResolution, d.CoarserWorldSteps, EstimateDocument.Of(d.HighPathDependence), EstimateDocument.Of(d.LowPathDependence));
}

/// <summary>A number on the scenario's grid and on the coarser one, with the estimate of its discretisation error.</summary>
/// <param name="Value">On the scenario's grid.</param>
/// <param name="Coarser">On the coarser grid.</param>
/// <param name="Estimate"><c>|Value - Coarser|</c>.</param>
internal sealed record EstimateDocument(double Value, double Coarser, double Estimate)
{
    /// <summary>The document of a discretisation estimate.</summary>
    public static EstimateDocument Of(DiscretisationEstimate e) => new(e.Value, e.Coarser, e.Estimate);
}
