using MathNet.Numerics.LinearAlgebra;
using PredictiveModels.Dynamics;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>An independent absorption solve for small chains, to compare <see cref="Absorption"/> with.</summary>
internal static class DenseAbsorption
{
    /// <summary>
    /// The same absorbing chain solved densely: <c>m (-Q_TT) = p0_T</c> by LU, built from the space's neighbours and rates
    /// (not from the generator), then <c>P(k) = p0 on k's absorbing configurations + sum m_i q_ia</c> and <c>T = sum m</c>.
    /// </summary>
    public static (double[] Classes, double MeanTime) Solve(ConfigurationSpace space, double[]? initial)
    {
        var p0 = initial ?? Enumerable.Range(0, space.Count).Select(i => i == space.Start ? 1.0 : 0.0).ToArray();
        var transient = Enumerable.Range(0, space.Count).Where(i => !Absorption.IsAbsorbing(space, i)).ToArray();
        var position = new Dictionary<int, int>();
        for (var k = 0; k < transient.Length; k++)
        {
            position[transient[k]] = k;
        }

        // A = (-Q_TT)^T, so that A m^T = p0_T^T.
        var a = Matrix<double>.Build.Dense(transient.Length, transient.Length);
        var classes = new double[Enum.GetValues<OutcomeClass>().Length];
        var toAbsorbing = new List<(int From, int To, double Rate)>();
        foreach (var i in transient)
        {
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(i, j, kind);
                a[position[i], position[i]] += rate;
                if (position.TryGetValue(j, out var column))
                {
                    a[column, position[i]] -= rate;
                }
                else
                {
                    toAbsorbing.Add((i, j, rate));
                }
            });
        }

        var m = a.Solve(Vector<double>.Build.Dense([.. transient.Select(i => p0[i])]));
        for (var i = 0; i < space.Count; i++)
        {
            if (Absorption.IsAbsorbing(space, i))
            {
                classes[(int)space.ClassOf(i)!.Value] += p0[i];
            }
        }

        foreach (var (from, to, rate) in toAbsorbing)
        {
            classes[(int)space.ClassOf(to)!.Value] += m[position[from]] * rate;
        }

        return (classes, m.Sum());
    }
}
