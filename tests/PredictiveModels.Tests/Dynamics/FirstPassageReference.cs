using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Exact first-passage probabilities for small chains, independent of the simulator: the target
/// configurations are made absorbing, and the absorbed mass at each time is the probability of
/// having reached the target by then. The chain is propagated over a grid of times by
/// uniformization, step by step (the semigroup property keeps each step's Poisson mean small).
/// </summary>
internal static class FirstPassageReference
{
    /// <summary>
    /// The probability of having reached a target configuration by each of the times
    /// 0, tau/steps, ..., tau (steps + 1 values), from the start configuration.
    /// </summary>
    public static double[] ReachedBy(ConfigurationSpace space, Func<Configuration, bool> isTarget, double tau, int steps) =>
        ReachedAcrossPhases([space], isTarget, [tau], steps)[0];

    /// <summary>
    /// The probability of having reached a target configuration since the start of training, phase by
    /// phase: for phase k, at the times start_k + d_k s / steps, s = 0..steps (steps + 1 values). Between
    /// phases the distribution, absorbed mass included, is carried by <see cref="ConfigurationSpace.MapFrom"/>;
    /// the target must be a property the carry keeps (awareness, horizon, branch).
    /// </summary>
    public static double[][] ReachedAcrossPhases(IReadOnlyList<ConfigurationSpace> spaces, Func<Configuration, bool> isTarget, IReadOnlyList<double> durations, int steps)
    {
        var result = new double[spaces.Count][];
        double[]? v = null;
        for (var k = 0; k < spaces.Count; k++)
        {
            var space = spaces[k];
            var n = space.Count;
            var target = new bool[n];
            var edges = new List<(int To, double Rate)>[n];
            var exit = new double[n];
            for (var i = 0; i < n; i++)
            {
                target[i] = isTarget(space[i]);
                edges[i] = [];
                if (target[i])
                {
                    continue;
                }

                var from = i;
                space.ForEachNeighbour(i, (j, kind) =>
                {
                    var rate = space.Rate(from, j, kind);
                    edges[from].Add((j, rate));
                    exit[from] += rate;
                });
            }

            if (v is null)
            {
                v = new double[n];
                v[space.Start] = 1;
            }
            else
            {
                v = space.MapFrom(spaces[k - 1], v);
            }

            var lambda = Math.Max(exit.Max(), 1e-12) * 1.0001;
            var reached = new double[steps + 1];
            reached[0] = Absorbed(v, target);
            var dt = durations[k] / steps;
            for (var s = 1; s <= steps; s++)
            {
                v = Propagate(v, edges, exit, lambda, dt);
                reached[s] = Absorbed(v, target);
            }

            result[k] = reached;
        }

        return result;
    }

    /// <summary>The mean first-passage time among paths that reach the target by tau: (tau F(tau) - integral of F) / F(tau), by the trapezoidal rule.</summary>
    public static double ConditionalMeanTime(double[] reachedBy, double tau)
    {
        var steps = reachedBy.Length - 1;
        var integral = 0.0;
        for (var s = 0; s < steps; s++)
        {
            integral += 0.5 * (reachedBy[s] + reachedBy[s + 1]) * tau / steps;
        }

        return ((tau * reachedBy[^1]) - integral) / reachedBy[^1];
    }

    private static double Absorbed(double[] v, bool[] target) => v.Where((_, i) => target[i]).Sum();

    /// <summary>v exp(Q dt) = sum_k Poisson(k; lambda dt) v P^k, with P = I + Q / lambda, to 1e-15.</summary>
    private static double[] Propagate(double[] v, List<(int To, double Rate)>[] edges, double[] exit, double lambda, double dt)
    {
        var n = v.Length;
        var result = new double[n];
        var term = (double[])v.Clone();
        var mean = lambda * dt;
        var weight = Math.Exp(-mean);
        var cumulative = 0.0;
        for (var k = 0; cumulative < 1 - 1e-15 && k < 10_000; k++)
        {
            if (k > 0)
            {
                var next = new double[n];
                for (var i = 0; i < n; i++)
                {
                    next[i] += term[i] * (1 - (exit[i] / lambda));
                    foreach (var (to, rate) in edges[i])
                    {
                        next[to] += term[i] * rate / lambda;
                    }
                }

                term = next;
                weight *= mean / k;
            }

            for (var i = 0; i < n; i++)
            {
                result[i] += weight * term[i];
            }

            cumulative += weight;
        }

        return result;
    }
}
