namespace PredictiveModels.Scenarios;

/// <summary>The text format of a scenario file. Both share one schema.</summary>
public enum ScenarioFormat
{
    /// <summary>YAML (files ending in <c>.yaml</c> or <c>.yml</c>, and the default for other names).</summary>
    Yaml,

    /// <summary>JSON (files ending in <c>.json</c>); comments and trailing commas are tolerated.</summary>
    Json,
}
