using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Absorption analysis: make every complete non-deceptive goal and every deceptive configuration
/// absorbing, and ask where training ends and how long it takes. Computed exactly on the
/// uniformized chain (<c>P = I + Q / Lambda</c>, each step lasting <c>1 / Lambda</c> on average):
/// the absorbed mass flows into each absorbing configuration step by step, and the mean time is
/// <c>sum_k |p0 P_TT^k| / Lambda</c> over the transient part. The iteration stops once the mass not
/// yet absorbed is below the chain's tolerance (or after <see cref="Transient.MaxProducts"/> steps,
/// in which case that mass is reported).
/// </summary>
public static class Absorption
{
    /// <summary>Whether a configuration absorbs: a complete goal on a non-deceptive branch, or the deceptive branch.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="index">0 to <see cref="ConfigurationSpace.Count"/> - 1.</param>
    public static bool IsAbsorbing(ConfigurationSpace space, int index)
    {
        ArgumentNullException.ThrowIfNull(space);
        var c = space[index];
        return c.Branch != 0 && (c.Branch == space.DeceptiveBranch || c.Goal == space.Branches[c.Branch].Steps);
    }

    /// <summary>Computes absorption probabilities by class and the mean absorption time, from the start configuration or a given distribution.</summary>
    /// <param name="space">The chain.</param>
    /// <param name="initial">The distribution at time 0; null for all mass on <see cref="ConfigurationSpace.Start"/>.</param>
    /// <param name="cancellation">Stops the computation between steps.</param>
    public static AbsorptionResult Compute(ConfigurationSpace space, double[]? initial = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        var n = space.Count;
        TransientInputs.CheckInitial(space, initial);

        var generator = space.BuildGenerator();
        var absorbing = new bool[n];
        var classOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            absorbing[i] = IsAbsorbing(space, i);
            classOf[i] = space.ClassOf(i) is { } k ? (int)k : -1;
        }

        // Exit rates of transient configurations only matter; absorbing ones never pass mass on.
        var lambda = 1e-300;
        for (var i = 0; i < n; i++)
        {
            if (!absorbing[i])
            {
                lambda = Math.Max(lambda, generator.Exit[i]);
            }
        }

        lambda *= 1.0001;
        var classes = new double[Enum.GetValues<OutcomeClass>().Length];
        var v = new double[n];
        var next = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = initial is null ? (i == space.Start ? 1.0 : 0.0) : initial[i];
            if (absorbing[i])
            {
                classes[classOf[i]] += p;
            }
            else
            {
                v[i] = p;
            }
        }

        var tolerance = space.Settings.Tolerance;
        var meanTime = 0.0;
        var remaining = v.Sum();
        var steps = 0L;
        var rowStart = generator.RowStart;
        var sources = generator.Sources;
        var rates = generator.Rates;
        var exit = generator.Exit;
        while (remaining > tolerance && steps < Transient.MaxProducts)
        {
            if ((steps & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            meanTime += remaining / lambda;
            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                var inflow = 0.0;
                for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
                {
                    inflow += v[sources[e]] * rates[e];
                }

                if (absorbing[j])
                {
                    classes[classOf[j]] += inflow / lambda;
                    next[j] = 0;
                }
                else
                {
                    next[j] = (v[j] * (1 - (exit[j] / lambda))) + (inflow / lambda);
                    total += next[j];
                }
            }

            (v, next) = (next, v);
            remaining = total;
            steps++;
        }

        return new AbsorptionResult(new ClassDistribution([.. classes], remaining), meanTime, remaining, steps);
    }
}
