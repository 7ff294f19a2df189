using System.Collections.Immutable;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>
/// The simplicity posterior of one scenario as a fast function of some of its parameters, for Monte Carlo over
/// beliefs: <see cref="Worker.Evaluate"/> gives what <see cref="SimplicityPosterior.Compute(Scenario)"/> gives for the
/// scenario with each parameter set by <see cref="ScenarioParameter.Set"/>, bit for bit, without building a scenario.
/// Everything that does not depend on the parameters is computed once by <see cref="For"/>:
/// <list type="bullet">
/// <item><description>posterior parameters (<c>a</c>, <c>lambda</c>, <c>n</c>) and a structure's loss gap, runtime
/// steps or derive steps change only the posterior's inputs, so a sample costs one posterior evaluation;</description></item>
/// <item><description>a concept's bits or weight, a built-in's weight and the literal weight change scores: selection
/// bits are recomputed in closed form from the weights, derived concepts' bits from their definitions, and a hole's
/// class mass only when the weights or bits of the grammar it reaches change;</description></item>
/// <item><description>a parameter of the training chain (<c>phases.*</c>, <c>dynamics.*</c>) changes nothing here; its
/// value is still checked against its range.</description></item>
/// </list>
/// A value outside its parameter's range, or one whose scenario cannot be scored, is handed to the full computation,
/// which throws the same <see cref="ModelException"/> as the slow path. Immutable and thread-safe; each thread
/// evaluates through its own <see cref="Worker"/>.
/// </summary>
public sealed class PosteriorEvaluator
{
    private static readonly int ClassCount = OutcomeDistribution.Classes.Length;
    private static readonly int DeceptivePosition = OutcomeDistribution.Classes.IndexOf(OutcomeClass.Deceptive);

    private readonly ParameterEffect[] _effects;
    private readonly IncrementalScorer? _scorer;
    private readonly bool _scoreEverySample;
    private readonly double[] _bits;
    private readonly double[] _log2Steps;
    private readonly int[] _structureOf;
    private readonly bool[] _isDeceptive;
    private readonly int[][] _classMembers;
    private readonly double[] _gaps;
    private readonly double[] _steps;
    private readonly double[] _deriveSteps;
    private readonly int[] _runtimeCandidates;
    private readonly double _a;
    private readonly double _lambda;
    private readonly double _n;

    private PosteriorEvaluator(Scenario scenario, ImmutableArray<ScenarioParameter> parameters)
    {
        Scenario = scenario;
        Parameters = parameters;
        var report = StructureScorer.Score(scenario);
        var candidates = report.Candidates;
        var settings = scenario.Analysis;
        (_a, _lambda, _n) = (settings.SimplicityExponent, settings.SpeedWeight, settings.DataSize);
        _bits = [.. candidates.Select(c => c.Bits)];
        _log2Steps = [.. candidates.Select(c => Math.Log2(c.RuntimeSteps))];
        _structureOf = [.. candidates.Select(c => scenario.Structures.IndexOf(c.Structure))];
        _isDeceptive = [.. candidates.Select(c => c.Mechanism.IsDeceptive())];
        _classMembers = [.. OutcomeDistribution.Classes.Select(k => Enumerable.Range(0, candidates.Length).Where(i => candidates[i].Class == k).ToArray())];
        _gaps = [.. scenario.Structures.Select(s => s.LossGap)];
        _steps = [.. scenario.Structures.Select(s => s.RuntimeSteps(Mechanism.Internal, scenario.WorldModel))];
        _deriveSteps = [.. scenario.Structures.Select(s => s.DeriveSteps)];

        var scorer = IncrementalScorer.For(scenario.WorldModel, [.. candidates.Select(c => c.Candidate)], settings.HoleCost, settings.SizeBound, settings.ClassMeasure);
        _effects = [.. parameters.Select(p => ParameterEffect.Of(p, scenario, scorer))];
        _scoreEverySample = _effects.Any(e => e.Kind == ParameterEffectKind.Unknown);
        _scorer = _effects.Any(e => e.ChangesWorldModel) ? scorer : null;
        var runtimeStructures = _effects.Where(e => e.ChangesRuntime).Select(e => e.Index).ToHashSet();
        _runtimeCandidates = [.. Enumerable.Range(0, candidates.Length).Where(i => runtimeStructures.Contains(_structureOf[i]))];
    }

    /// <summary>The scenario whose parameters are varied.</summary>
    public Scenario Scenario { get; }

    /// <summary>The varied parameters, in the order of the values <see cref="Worker.Evaluate"/> takes.</summary>
    public ImmutableArray<ScenarioParameter> Parameters { get; }

    /// <summary>Prepares the posterior of <paramref name="scenario"/> as a function of the parameters at <paramref name="parameterPaths"/>.</summary>
    /// <param name="scenario">A validated scenario, which must score (<see cref="StructureScorer.Score(Scenario)"/>).</param>
    /// <param name="parameterPaths">Paths <see cref="ScenarioParameter.Parse"/> accepts, e.g. <c>a</c>, <c>concepts.corpus.weight</c>; a path may repeat (the later value wins, as with repeated <see cref="ScenarioParameter.Set"/>).</param>
    /// <exception cref="ModelException">A path cannot be varied (unknown form or name, or not sweepable; the message says why), or the scenario cannot be scored.</exception>
    public static PosteriorEvaluator For(Scenario scenario, IReadOnlyList<string> parameterPaths)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameterPaths);
        return new PosteriorEvaluator(scenario, [.. parameterPaths.Select(p => ScenarioParameter.Parse(p, scenario))]);
    }

    /// <summary>A worker for one thread: it owns the scratch of an evaluation and allocates nothing per evaluation.</summary>
    public Worker CreateWorker() => new(this);

    /// <summary>Evaluates the posterior for one thread; not thread-safe (create one per thread).</summary>
    public sealed class Worker
    {
        private readonly PosteriorEvaluator _evaluator;
        private readonly IncrementalScorer.State? _state;
        private readonly double[] _bits;
        private readonly double[] _log2Steps;
        private readonly double[] _gaps;
        private readonly double[] _steps;
        private readonly double[] _deriveSteps;
        private readonly double[] _weights;
        private readonly double[] _members;

        internal Worker(PosteriorEvaluator evaluator)
        {
            _evaluator = evaluator;
            _state = evaluator._scorer?.CreateState();
            _bits = [.. evaluator._bits];
            _log2Steps = [.. evaluator._log2Steps];
            _gaps = [.. evaluator._gaps];
            _steps = [.. evaluator._steps];
            _deriveSteps = [.. evaluator._deriveSteps];
            _weights = new double[_bits.Length];
            _members = new double[_bits.Length];
        }

        /// <summary>How many evaluations this worker handed to the full computation (a value out of range, a scenario the fast path cannot vouch for).</summary>
        internal int FullEvaluations { get; private set; }

        /// <summary>
        /// The posterior with parameter <c>k</c> of <see cref="Parameters"/> set to <c>values[k]</c>: writes each outcome
        /// class's probability (0 to 1, in the order of <see cref="OutcomeDistribution.Classes"/>) and returns
        /// <c>P(Deceptive)</c>, the same doubles as <see cref="SimplicityPosterior.Compute(Scenario)"/> gives.
        /// </summary>
        /// <param name="values">One value per parameter, in each parameter's unit and range (<see cref="ParameterDefinition.Range"/>).</param>
        /// <param name="classProbabilities">Receives the class probabilities; at least <see cref="OutcomeDistribution.Classes"/>' length long.</param>
        /// <exception cref="ArgumentException">There is not one value per parameter, or <paramref name="classProbabilities"/> is too short.</exception>
        /// <exception cref="ModelException">A value is out of its parameter's range (as <see cref="ScenarioParameter.Set"/> throws it), or the changed scenario cannot be scored.</exception>
        public double Evaluate(ReadOnlySpan<double> values, Span<double> classProbabilities)
        {
            var e = _evaluator;
            if (values.Length != e._effects.Length)
            {
                throw new ArgumentException($"{values.Length} values were given for {e._effects.Length} parameters", nameof(values));
            }

            if (classProbabilities.Length < ClassCount)
            {
                throw new ArgumentException($"room for {classProbabilities.Length} class probabilities, but there are {ClassCount} classes", nameof(classProbabilities));
            }

            if (e._scoreEverySample)
            {
                return Full(values, classProbabilities);
            }

            double a = e._a, lambda = e._lambda, n = e._n;
            for (var k = 0; k < values.Length; k++)
            {
                var v = values[k];
                if (!e.Parameters[k].Definition.Range.Contains(v))
                {
                    return Full(values, classProbabilities);
                }

                var effect = e._effects[k];
                switch (effect.Kind)
                {
                    case ParameterEffectKind.SimplicityExponent: a = v; break;
                    case ParameterEffectKind.SpeedWeight: lambda = v; break;
                    case ParameterEffectKind.DataSize: n = v; break;
                    case ParameterEffectKind.Weight: _state!.SetWeight(effect.Index, v); break;
                    case ParameterEffectKind.ConceptBits: _state!.Bits[effect.Index] = v; break;
                    case ParameterEffectKind.LiteralWeight: _state!.LiteralWeight = v; break;
                    case ParameterEffectKind.LossGap: _gaps[effect.Index] = v; break;
                    case ParameterEffectKind.RuntimeSteps: _steps[effect.Index] = v; break;
                    case ParameterEffectKind.DeriveSteps: _deriveSteps[effect.Index] = v; break;
                }
            }

            if (e._scorer is { } scorer && !scorer.TryScore(_state!, _bits))
            {
                return Full(values, classProbabilities);
            }

            foreach (var i in e._runtimeCandidates)
            {
                var s = e._structureOf[i];
                _log2Steps[i] = Math.Log2(e._isDeceptive[i] ? _steps[s] + _deriveSteps[s] : _steps[s]);
            }

            return Posterior(a, lambda, n, classProbabilities);
        }

        /// <summary>PosteriorModel.Evaluate's classes, operation for operation, without the rest of its result.</summary>
        private double Posterior(double a, double lambda, double n, Span<double> classProbabilities)
        {
            var e = _evaluator;
            for (var i = 0; i < _weights.Length; i++)
            {
                // Terms that are switched off contribute exactly 0, even where the other factor is large.
                var gap = _gaps[e._structureOf[i]];
                var w = a == 0 ? 0.0 : a * _bits[i];
                w += lambda == 0 ? 0.0 : lambda * _log2Steps[i];
                w += n == 0 || gap == 0 ? 0.0 : n * gap;
                _weights[i] = -w;
            }

            var log2Z = Log2Math.Sum(_weights);
            for (var k = 0; k < ClassCount; k++)
            {
                var members = e._classMembers[k];
                for (var j = 0; j < members.Length; j++)
                {
                    _members[j] = _weights[members[j]];
                }

                classProbabilities[k] = double.Exp2(Log2Math.Sum(_members.AsSpan(0, members.Length)) - log2Z);
            }

            return classProbabilities[DeceptivePosition];
        }

        /// <summary>The slow path: a scenario with every parameter set, scored and evaluated in full.</summary>
        private double Full(ReadOnlySpan<double> values, Span<double> classProbabilities)
        {
            FullEvaluations++;
            var scenario = _evaluator.Scenario;
            for (var k = 0; k < values.Length; k++)
            {
                scenario = _evaluator.Parameters[k].Set(scenario, values[k]);
            }

            var result = SimplicityPosterior.Compute(scenario);
            result.Classes.Probabilities.AsSpan().CopyTo(classProbabilities);
            return result.DeceptiveProbability;
        }
    }
}
