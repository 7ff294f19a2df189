namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The document of <c>validate</c>: the scenario is valid, with the sizes of what it declares.</summary>
/// <param name="Scenario">The scenario validated.</param>
/// <param name="Valid">Always true: an invalid scenario is reported as an error with its location, not as a document.</param>
/// <param name="Concepts">Concepts of the world model (base and derived), at least 0.</param>
/// <param name="DerivedConcepts">Of which derived, at least 0.</param>
/// <param name="Structures">Structures declared, at least 0.</param>
/// <param name="Candidates">Candidates (structure and mechanism pairs), at least 0.</param>
internal sealed record ValidateDocument(ScenarioReference? Scenario, bool Valid, int Concepts, int DerivedConcepts, int Structures, int Candidates)
    : OutputDocument("validate", Scenario);
