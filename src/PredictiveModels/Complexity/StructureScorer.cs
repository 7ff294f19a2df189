using System.Collections.Immutable;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;
using PredictiveModels.WorldModels;

namespace PredictiveModels.Complexity;

/// <summary>
/// Scores candidates: the description complexity of each structure under each of its mechanisms,
/// given the shared world model.
/// <list type="bullet">
/// <item><description>internal: <c>Linl(camera) + Lptr(procedure)</c>;</description></item>
/// <item><description>corrigible: <c>Lptr(camera) + Lptr(procedure)</c>;</description></item>
/// <item><description>deceptive: <c>Lptr(camera) + Lptr(procedure) + sum of Lptr(required concept)</c>;</description></item>
/// <item><description>deceptive-hardcoded: <c>Linl(camera) + Lptr(procedure) + sum of Lptr(required concept)</c>.</description></item>
/// </list>
/// A camera or procedure with holes is a class, costed three ways: its cheapest filling, its class mass in the
/// normalised measure and its class mass in the counting measure.
/// </summary>
public static class StructureScorer
{
    /// <summary>Scores every candidate of a scenario under its analysis settings.</summary>
    /// <param name="scenario">A validated scenario.</param>
    public static ScoreReport Score(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Score(scenario.WorldModel, scenario.Structures, scenario.Analysis) with { Provenance = Provenance.Of(scenario) };
    }

    /// <summary>Scores every candidate of the given structures.</summary>
    /// <param name="worldModel">The shared world model.</param>
    /// <param name="structures">Structures whose expressions are well typed over <paramref name="worldModel"/>.</param>
    /// <param name="settings">Hole cost and size bound.</param>
    public static ScoreReport Score(WorldModel worldModel, IEnumerable<Structure> structures, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(worldModel);
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(settings);
        var lengths = new DescriptionLengths(worldModel, settings.SizeBound);
        var scores = structures
            .SelectMany(s => s.Mechanisms.Select(m => new Candidate(s, m)))
            .Select(c => Score(c, lengths, settings.HoleCost, settings.ClassMeasure))
            .ToImmutableArray();
        return new ScoreReport(scores, settings.HoleCost, settings.SizeBound, worldModel.TotalBits) { ClassMeasure = settings.ClassMeasure };
    }

    /// <summary>Scores one candidate.</summary>
    /// <param name="candidate">The structure and mechanism.</param>
    /// <param name="lengths">The description-length calculator of the world model.</param>
    /// <param name="holeCost">Which hole cost <see cref="CandidateScore.Bits"/> uses.</param>
    /// <param name="classMeasure">Which class measure <see cref="CandidateScore.Bits"/> uses when holes cost their class.</param>
    public static CandidateScore Score(Candidate candidate, DescriptionLengths lengths, HoleCost holeCost, ClassMeasure classMeasure = ClassMeasure.Normalised)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(lengths);
        var structure = candidate.Structure;
        var world = lengths.WorldModel;
        var cameraMode = candidate.Mechanism.CarriesCamera() ? CostMode.Inlined : CostMode.Pointer;
        var camera = lengths.Measure(structure.Camera, cameraMode);
        var procedure = lengths.Measure(structure.Procedure, CostMode.Pointer);

        BitBreakdown? required = null;
        if (candidate.Mechanism.IsDeceptive() && !structure.Requires.IsEmpty)
        {
            required = BitBreakdown.Node(
                "pointers to the required concepts",
                structure.Requires.Select(name =>
                {
                    var symbol = world.Find(name)!;
                    return BitBreakdown.Leaf($"point to '{name}' ({symbol.ResultType})", world.SelectionBits(symbol));
                }));
        }

        var cameraLabel = cameraMode == CostMode.Inlined ? "camera, carried inline (Linl)" : "camera, as a pointer (Lptr)";
        BitBreakdown Build(Func<ExpressionCost, BitBreakdown> part) => BitBreakdown.Node(
            $"K({candidate.Key})",
            new[]
            {
                BitBreakdown.Node($"{cameraLabel}: {structure.Camera}", [part(camera)]),
                BitBreakdown.Node($"procedure (Lptr): {structure.Procedure}", [part(procedure)]),
                required,
            }.OfType<BitBreakdown>());

        var hasHoles = structure.Camera.HasHoles || structure.Procedure.HasHoles;
        return new CandidateScore(
            candidate,
            holeCost,
            Build(c => c.Breakdown(HoleCost.Min)),
            hasHoles ? Build(c => c.Breakdown(HoleCost.Class)) : null,
            structure.RuntimeSteps(candidate.Mechanism, world),
            [.. new[] { camera.ClassMass, procedure.ClassMass }.OfType<ClassMass>()])
        {
            CountingBreakdown = hasHoles ? Build(c => c.CountingBreakdown ?? c.MinBreakdown) : null,
            CountingClassMasses = [.. new[] { camera.CountingClassMass, procedure.CountingClassMass }.OfType<ClassMass>()],
            ClassMeasure = classMeasure,
        };
    }
}
