using System.Text.Json.Serialization;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>
/// The head every JSON document of the CLI starts with: the schema's version, the command, the scenario it ran on
/// (absent for a command that reads none) and the provenance of its numbers. The fields come first whatever the command
/// adds after them.
/// </summary>
/// <param name="Command">The command's name, the key of its definition in docs/output.schema.json.</param>
/// <param name="Scenario">The scenario's name and source; null (and absent) for a command that reads no scenario.</param>
internal abstract record OutputDocument(
    [property: JsonPropertyOrder(-3)] string Command,
    [property: JsonPropertyOrder(-2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ScenarioReference? Scenario)
{
    /// <summary>The version of the CLI's JSON output (<see cref="Json.SchemaVersion"/>).</summary>
    [JsonPropertyOrder(-4)]
    public int SchemaVersion => Json.SchemaVersion;

    /// <summary>
    /// The version that computed the document, the fingerprint of the scenario as read and the seed where one was used:
    /// right after the head, in every document (required, so that no document is written without it).
    /// </summary>
    [JsonPropertyOrder(-1)]
    public required ProvenanceDocument Provenance { get; init; }
}

/// <summary>Which scenario a document describes.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Source">Where it was read from: a path, or <c>&lt;embedded default&gt;</c>.</param>
internal sealed record ScenarioReference(string Name, string Source)
{
    /// <summary>The reference to a scenario, or null for none.</summary>
    public static ScenarioReference? Of(Scenario? scenario) => scenario is null ? null : new(scenario.Name, scenario.Source);
}
