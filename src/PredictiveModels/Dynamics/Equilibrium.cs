using PredictiveModels.Complexity;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Low path dependence in the chain: the stationary distribution <c>pi(c) ~ 2^(-E(c)/T)</c>, exact
/// because the rates satisfy detailed balance, computed in log space without running the chain.
/// </summary>
public static class Equilibrium
{
    /// <summary>The stationary distribution over configurations (sums to 1).</summary>
    /// <param name="space">The chain.</param>
    public static double[] Distribution(ConfigurationSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var log2 = new double[space.Count];
        for (var i = 0; i < log2.Length; i++)
        {
            log2[i] = -space.Energy(i) / space.Settings.Temperature;
        }

        var log2Z = Log2Math.Sum(log2);
        var p = new double[log2.Length];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = double.Exp2(log2[i] - log2Z);
        }

        return p;
    }

    /// <summary>The stationary distribution summed into classes.</summary>
    /// <param name="space">The chain.</param>
    public static ClassDistribution Classes(ConfigurationSpace space) =>
        ClassDistribution.FromConfigurations(space, Distribution(space));
}
