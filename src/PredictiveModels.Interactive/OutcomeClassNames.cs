using PredictiveModels.Structures;

namespace PredictiveModels.Interactive;

/// <summary>The names a reader sees for the outcome classes and mechanisms.</summary>
public static class OutcomeClassNames
{
    /// <summary>The readable name of an outcome class ("Desired", "Anthropic capture", "Sycophantic", "Deceptive", "Non-scalable").</summary>
    /// <param name="outcomeClass">The class.</param>
    /// <returns>The name, capitalised, with words separated by spaces.</returns>
    public static string Of(OutcomeClass outcomeClass) => outcomeClass switch
    {
        OutcomeClass.Desired => "Desired",
        OutcomeClass.AnthropicCapture => "Anthropic capture",
        OutcomeClass.Sycophantic => "Sycophantic",
        OutcomeClass.Deceptive => "Deceptive",
        OutcomeClass.NonScalable => "Non-scalable",
        _ => outcomeClass.ToString(),
    };

    /// <summary>The readable name of a mechanism ("internal", "corrigible", "deceptive").</summary>
    /// <param name="mechanism">The mechanism.</param>
    /// <returns>The name in lower case.</returns>
    public static string Of(Mechanism mechanism) => mechanism.Name();
}
