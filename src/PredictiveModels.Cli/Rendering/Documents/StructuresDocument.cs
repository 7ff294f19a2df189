using PredictiveModels.Cli.Commands;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>structures</c>: the scenario's catalog of candidate structures, in its order.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Structures">Every structure.</param>
internal sealed record StructuresDocument(ScenarioReference? Scenario, IReadOnlyList<StructureDocument> Structures)
    : OutputDocument("structures", Scenario)
{
    /// <summary>The catalog of a scenario.</summary>
    public static StructuresDocument Of(Scenario scenario, Provenance provenance) =>
        new(ScenarioReference.Of(scenario), [.. scenario.Structures.Select(StructureDocument.Of)]) { Provenance = ProvenanceDocument.Of(provenance) };
}

/// <summary>One structure as the scenario declares it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its readable name.</param>
/// <param name="Class">Its outcome class, as <see cref="OutcomeClass"/> spells it.</param>
/// <param name="Mechanisms">Its mechanisms, in lower case.</param>
/// <param name="Camera">The camera expression.</param>
/// <param name="Procedure">The output procedure expression.</param>
/// <param name="LossGap">Bits per token.</param>
/// <param name="Requires">The concepts it requires, by name.</param>
/// <param name="Description">Its description; null when it has none.</param>
internal sealed record StructureDocument(
    string Id,
    string Name,
    string Class,
    IReadOnlyList<string> Mechanisms,
    string Camera,
    string Procedure,
    double LossGap,
    IReadOnlyList<string> Requires,
    string? Description)
{
    /// <summary>The document of one structure.</summary>
    public static StructureDocument Of(Structure s) =>
        new(s.Id, s.Name, s.Class.ToString(), [.. s.Mechanisms.Select(ScoreCommand.Name)], s.Camera.ToString(), s.Procedure.ToString(), s.LossGap, [.. s.Requires], s.Description);
}
