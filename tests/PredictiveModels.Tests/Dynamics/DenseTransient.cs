using MathNet.Numerics.LinearAlgebra;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// An independent exact transient for small chains: detailed balance makes S = D^1/2 Q D^-1/2 symmetric
/// (D = diag(pi)), so exp(Q t) = D^-1/2 V exp(L t) V^T D^1/2 from a dense symmetric eigendecomposition.
/// </summary>
internal static class DenseTransient
{
    /// <summary>The dense generator <c>Q</c> (rows: from, diagonal: minus the exit rate) built from the space's moves and rates.</summary>
    public static Matrix<double> Generator(ConfigurationSpace space)
    {
        var n = space.Count;
        var q = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            var row = i;
            space.ForEachNeighbour(i, (j, kind) =>
            {
                var rate = space.Rate(row, j, kind);
                q[row, j] += rate;
                q[row, row] -= rate;
            });
        }

        return q;
    }

    /// <summary><c>D^1/2 Q D^-1/2</c> from the dense generator and the equilibrium weights (not symmetrised numerically).</summary>
    public static Matrix<double> Symmetrised(ConfigurationSpace space)
    {
        var n = space.Count;
        var pi = Equilibrium.Distribution(space);
        var q = Generator(space);
        return Matrix<double>.Build.Dense(n, n, (i, j) => Math.Sqrt(pi[i]) * q[i, j] / Math.Sqrt(pi[j]));
    }

    public static double[] Compute(ConfigurationSpace space, double time)
    {
        var n = space.Count;
        var pi = Equilibrium.Distribution(space);
        var s = Symmetrised(space);
        s = (s + s.Transpose()) / 2;
        var evd = s.Evd(Symmetricity.Symmetric);
        var expS = evd.EigenVectors * Matrix<double>.Build.Diagonal(n, n, i => Math.Exp(evd.EigenValues[i].Real * time)) * evd.EigenVectors.Transpose();
        var p0 = Vector<double>.Build.Dense(n);
        p0[space.Start] = 1;
        var sqrtPi = Vector<double>.Build.Dense(n, i => Math.Sqrt(pi[i]));
        return [.. (p0.PointwiseDivide(sqrtPi) * expS).PointwiseMultiply(sqrtPi)];
    }
}
