namespace PredictiveModels.Scenarios;

/// <summary>How the points of a sweep are spaced between its ends.</summary>
public enum SweepScale
{
    /// <summary>Evenly spaced values.</summary>
    Linear,

    /// <summary>Evenly spaced logarithms (both ends greater than 0).</summary>
    Log,
}
