namespace PredictiveModels.Structures;

/// <summary>What kind of model a structure is, judged by what it does outside training.</summary>
public enum OutcomeClass
{
    /// <summary>A predictive model with fixed, physical cameras: the structure we want.</summary>
    Desired,

    /// <summary>A general inductor: predicts, but over any data stream, so it can be captured by simulated cameras.</summary>
    AnthropicCapture,

    /// <summary>An agent that optimises its training signal (cross-entropy, long-run accuracy).</summary>
    Sycophantic,

    /// <summary>An agent with another long-term goal that plays along in training.</summary>
    Deceptive,

    /// <summary>A structure that does not scale with capability (heuristics, n-grams, proxies).</summary>
    NonScalable,
}
