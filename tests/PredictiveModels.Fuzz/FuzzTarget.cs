namespace PredictiveModels.Fuzz;

/// <summary>The parts of the library a fuzzing run can aim at; each is fed arbitrary bytes through the public API.</summary>
public enum FuzzTarget
{
    /// <summary>The YAML front end and the schema reader: <c>ScenarioLoader.Parse</c> with <c>ScenarioFormat.Yaml</c> on the input as UTF-8 text.</summary>
    Yaml,

    /// <summary>The JSON front end and the schema reader: <c>ScenarioLoader.Parse</c> with <c>ScenarioFormat.Json</c> on the input as UTF-8 text.</summary>
    Json,

    /// <summary>The expression parser and printer: <c>ExpressionParser.Parse</c>, then a print and re-parse round trip.</summary>
    Expression,

    /// <summary>
    /// Whole scenario files: the input is written to a file beside two base scenarios, loaded with
    /// <c>ScenarioLoader.Load</c> (so <c>extends</c> of <c>default</c>, <c>minimal.yaml</c> or <c>minimal.json</c>
    /// resolves), and a scenario that loads is scored with <c>SimplicityPosterior.Compute</c>.
    /// </summary>
    Scenario,
}
