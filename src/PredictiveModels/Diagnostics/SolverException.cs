using System.Collections.Immutable;
using System.Globalization;

namespace PredictiveModels.Diagnostics;

/// <summary>
/// Thrown when a numerical solver cannot give a result that meets its accuracy within its limits on
/// work: the input is valid, but this computation of it did not converge (a <see cref="ModelException"/>
/// is for invalid input). It says which solver, what did not converge, the figures that show it, and
/// what to change. The Math.NET convention applies: an internal <c>Try</c> form returns the failure,
/// the public method throws this.
/// </summary>
public sealed class SolverException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="solver">The solver, e.g. <c>Krylov transient</c>, <c>absorption</c>, <c>equilibrium with resets</c>.</param>
    /// <param name="problem">What did not converge, in words, with its figures.</param>
    /// <param name="figures">The figures by name (residual, sweeps, products, tolerance, training time...); may be empty.</param>
    /// <param name="advice">What to change, naming the settings.</param>
    /// <param name="path">The specification path of the setting to change first, e.g. <c>dynamics.tolerance</c>.</param>
    public SolverException(string solver, string problem, IEnumerable<KeyValuePair<string, double>> figures, string advice, string path)
        : base($"{solver}: {problem}; {advice}")
    {
        Solver = solver;
        Problem = problem;
        Figures = figures.ToImmutableDictionary();
        Advice = advice;
        Path = path;
    }

    /// <summary>The solver that did not converge.</summary>
    public string Solver { get; }

    /// <summary>What did not converge, with its figures.</summary>
    public string Problem { get; }

    /// <summary>The figures by name: e.g. <c>residual</c>, <c>sweeps</c>, <c>products</c>, <c>tolerance</c>, <c>time</c>.</summary>
    public ImmutableDictionary<string, double> Figures { get; }

    /// <summary>What to change.</summary>
    public string Advice { get; }

    /// <summary>The specification path of the setting to change first.</summary>
    public string Path { get; }

    /// <summary>The figures as <c>name value</c> pairs, invariant culture, in name order.</summary>
    public string FormatFigures() =>
        string.Join(", ", Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value:G6}")));
}
