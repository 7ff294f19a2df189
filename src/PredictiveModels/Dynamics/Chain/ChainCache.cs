using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// What the chains of one piece of work (a sweep's points, a run's levers, the phases of a training) share.
/// <list type="bullet">
/// <item>Generator patterns: a chain whose layout matches a kept pattern takes it instead of building its own, so a
/// point that changes only energies or rates pays only for filling in the rates. At most <see cref="Capacity"/> are
/// kept, the least recently used going first.</item>
/// <item>Whole chains (space and generator) that several trainings need exactly, registered beforehand with
/// <see cref="Share"/>: the first to ask builds the chain, the others wait for it, and the last use lets it go.</item>
/// </list>
/// Safe to share between threads.
/// </summary>
internal sealed class ChainCache
{
    /// <summary>Patterns kept at most: a run needs one per grid and phase layout (two grids, two phases on the default).</summary>
    public const int Capacity = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<GeneratorPattern> _patterns = new();
    private readonly Dictionary<(Scenario, DynamicsSettings, Phase), SharedChain> _shared = [];

    /// <summary>Number of patterns built by this cache so far (a figure for tests and benchmarks).</summary>
    public int Built { get; private set; }

    /// <summary>Number of chains built through <see cref="Chain"/> (a figure for tests and benchmarks).</summary>
    public int ChainsBuilt { get; private set; }

    /// <summary>
    /// Registers a chain that <paramref name="uses"/> trainings will ask for: the chain of <paramref name="phase"/> in
    /// <paramref name="scenario"/> with <paramref name="settings"/> (the same objects, compared by reference).
    /// </summary>
    public void Share(Scenario scenario, DynamicsSettings settings, Phase phase, int uses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(uses, 1);
        lock (_lock)
        {
            _shared[(scenario, settings, phase)] = new SharedChain(uses, new Lazy<(ConfigurationSpace, Generator)>(() => Build(scenario, settings, phase, default)));
        }
    }

    /// <summary>
    /// The chain of <paramref name="phase"/> and its generator: the shared one when registered with <see cref="Share"/>
    /// (built by the first caller; the last registered use releases it), otherwise a new one with this cache's patterns.
    /// </summary>
    public (ConfigurationSpace Space, Generator Generator) Chain(Scenario scenario, DynamicsSettings settings, Phase phase, CancellationToken cancellation)
    {
        SharedChain? shared;
        lock (_lock)
        {
            var key = (scenario, settings, phase);
            if (_shared.TryGetValue(key, out shared) && --shared.Uses == 0)
            {
                _shared.Remove(key);
            }
        }

        return shared is not null ? shared.Chain.Value : Build(scenario, settings, phase, cancellation);
    }

    /// <summary>A new chain with this cache's patterns, and its generator.</summary>
    private (ConfigurationSpace Space, Generator Generator) Build(Scenario scenario, DynamicsSettings settings, Phase phase, CancellationToken cancellation)
    {
        var space = ConfigurationSpace.BuildReusing(scenario, settings, phase, this);
        cancellation.ThrowIfCancellationRequested();
        var generator = space.BuildGenerator(cancellation);
        lock (_lock)
        {
            ChainsBuilt++;
        }

        return (space, generator);
    }

    /// <summary>The pattern of <paramref name="space"/>'s layout: a kept one, or a new one, built once and kept.</summary>
    public GeneratorPattern For(ConfigurationSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);

        // Built under its own lock, so that two threads needing the same layout build it once.
        lock (_patterns)
        {
            for (var node = _patterns.First; node is not null; node = node.Next)
            {
                if (node.Value.Fits(space))
                {
                    _patterns.Remove(node);
                    _patterns.AddFirst(node);
                    return node.Value;
                }
            }

            var pattern = GeneratorPattern.Build(space);
            Built++;
            _patterns.AddFirst(pattern);
            if (_patterns.Count > Capacity)
            {
                _patterns.RemoveLast();
            }

            return pattern;
        }
    }

    private sealed class SharedChain(int uses, Lazy<(ConfigurationSpace, Generator)> chain)
    {
        public int Uses { get; set; } = uses;

        public Lazy<(ConfigurationSpace, Generator)> Chain { get; } = chain;
    }
}
