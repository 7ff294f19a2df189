using System.Collections.Immutable;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Uncertainty;

namespace PredictiveModels.Analysis;

/// <summary>
/// Where each evaluation of a belief propagation takes its beliefs' values: the sampling design (one row per base
/// sample, or Saltelli's A, B and AB rows) and the scenario each row stands for. Immutable; shared by the threads.
/// </summary>
internal sealed class PropagationDesign
{
    private readonly Scenario _scenario;
    private readonly ImmutableArray<UncertainParameter> _beliefs;
    private readonly ScenarioParameter[] _parameters;
    private readonly ulong _seed;
    private readonly double[]? _arranged;

    private PropagationDesign(Scenario scenario, ImmutableArray<UncertainParameter> beliefs, ScenarioParameter[] parameters, ulong seed, int evaluationsPerSample, double[]? arranged)
    {
        _scenario = scenario;
        _beliefs = beliefs;
        _parameters = parameters;
        _seed = seed;
        EvaluationsPerSample = evaluationsPerSample;
        _arranged = arranged;
    }

    /// <summary>The number of beliefs d.</summary>
    public int Dimensions => _beliefs.Length;

    /// <summary>Evaluations per base sample: 1, or d + 2 for Sobol indices.</summary>
    public int EvaluationsPerSample { get; }

    /// <summary>The design of a scenario's propagation.</summary>
    /// <exception cref="ModelException">The scenario states no belief, or one that cannot be varied.</exception>
    public static PropagationDesign Of(Scenario scenario, PropagationSettings settings)
    {
        var beliefs = scenario.UncertainParameters;
        if (beliefs.IsEmpty)
        {
            throw new ModelException($"scenario '{scenario.Name}' states no belief as a distribution, so there is nothing to propagate; write one where a number goes, e.g. 'dataSize: 1e3 to 1e5'");
        }

        var parameters = beliefs.Select(b => ScenarioParameter.Parse(b.Path, scenario)).ToArray();
        var correlations = scenario.BeliefCorrelations;
        if (correlations.IsEmpty)
        {
            return new PropagationDesign(scenario, beliefs, parameters, settings.Seed, settings.EvaluationsPerSample(beliefs.Length), null);
        }

        if (settings.Sensitivity == SensitivityMethod.Sobol)
        {
            throw new ModelException($"scenario '{scenario.Name}' correlates its beliefs ({string.Join(", ", correlations.Select(c => $"{c.PathA} with {c.PathB}"))}), and Sobol indices assume independent beliefs; take rank correlations instead");
        }

        // Iman-Conover rearranges the N base samples' uniforms (ranks survive the inverse CDFs) so that the beliefs'
        // rank correlations approach the stated ones. The arrangement depends on the whole sample, so every shard
        // computes it for all N samples (cheap beside the evaluations) and uses its own rows.
        var d = beliefs.Length;
        var index = beliefs.Select((b, j) => (b.Path, j)).ToDictionary(x => x.Path, x => x.j);
        var target = RankCorrelationMatrix.Create(d, correlations.Select(c => new CorrelationPair(index[c.PathA], index[c.PathB], c.Rank)));
        var uniforms = new double[(long)settings.Samples * d];
        for (var i = 0; i < settings.Samples; i++)
        {
            for (var j = 0; j < d; j++)
            {
                uniforms[((long)i * d) + j] = CounterStream.Uniform(settings.Seed, i, j);
            }
        }

        var arranged = ImanConover.Arrange(uniforms, d, target, settings.Seed);
        return new PropagationDesign(scenario, beliefs, parameters, settings.Seed, 1, arranged);
    }

    /// <summary>
    /// Draws a base sample's rows: A (belief j from uniform (seed, sample, j), rearranged by Iman-Conover when the
    /// scenario correlates its beliefs) and, for Sobol indices, B (from (seed, sample, d + j)); <paramref name="b"/> is
    /// left alone otherwise.
    /// </summary>
    public void Draw(long sample, Span<double> a, Span<double> b)
    {
        var d = Dimensions;
        for (var j = 0; j < d; j++)
        {
            var u = _arranged is null ? CounterStream.Uniform(_seed, sample, j) : _arranged[(sample * d) + j];
            a[j] = _beliefs[j].Distribution.Quantile(u);
            if (EvaluationsPerSample > 1)
            {
                b[j] = _beliefs[j].Distribution.Quantile(CounterStream.Uniform(_seed, sample, d + j));
            }
        }
    }

    /// <summary>Writes the beliefs' values of one evaluation (<see cref="Draw"/> then <see cref="SaltelliDesign.WriteRow"/>).</summary>
    public void Values(long sample, int evaluation, Span<double> values)
    {
        Span<double> a = stackalloc double[Dimensions];
        Span<double> b = stackalloc double[Dimensions];
        Draw(sample, a, b);
        SaltelliDesign.WriteRow(a, b, evaluation, values);
    }

    /// <summary>The scenario with every belief set to its value.</summary>
    /// <exception cref="ModelException">A value is invalid for its parameter (a belief whose mass the reader let stray outside the range).</exception>
    public Scenario Apply(ReadOnlySpan<double> values)
    {
        var changed = _scenario;
        for (var j = 0; j < _parameters.Length; j++)
        {
            changed = _parameters[j].Set(changed, values[j]);
        }

        return changed;
    }
}
