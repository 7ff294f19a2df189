namespace PredictiveModels.Scenarios;

/// <summary>The default scenario, embedded in the library (the same text as <c>samples/scenarios/default.yaml</c>).</summary>
public static class DefaultScenario
{
    /// <summary>The manifest name of the embedded resource.</summary>
    public const string ResourceName = "PredictiveModels.Scenarios.default.yaml";

    /// <summary>The label used as the scenario's source.</summary>
    public const string SourceLabel = "<embedded default>";

    private static readonly Lazy<Scenario> Lazy = new(() => ScenarioLoader.Parse(Text, SourceLabel));

    /// <summary>The parsed default scenario.</summary>
    public static Scenario Instance => Lazy.Value;

    /// <summary>The YAML text of the default scenario.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(DefaultScenario).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
