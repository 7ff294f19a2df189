using PredictiveModels.Diagnostics;

namespace PredictiveModels.Dynamics;

/// <summary>The argument checks the transient and absorption solvers share.</summary>
internal static class TransientInputs
{
    /// <summary>Every training time must be finite and at least 0.</summary>
    public static void CheckTimes(IReadOnlyList<double> times)
    {
        foreach (var t in times)
        {
            if (SpecificationRules.CheckNonNegative(t, "a training time") is { } error)
            {
                throw new ModelException(error, null, "dynamics.duration");
            }
        }
    }

    /// <summary>A starting distribution, when given, has one entry per configuration of the chain.</summary>
    public static void CheckInitial(ConfigurationSpace space, double[]? initial)
    {
        if (initial is not null && initial.Length != space.Count)
        {
            throw new ArgumentException($"The initial distribution has {initial.Length} entries; the chain has {space.Count} configurations.", nameof(initial));
        }
    }
}
