namespace PredictiveModels.Dynamics;

/// <summary>
/// Generator patterns kept for reuse across the chains of one piece of work (a sweep's points, a run's levers, the
/// phases of a training): a chain whose layout matches a kept pattern takes it instead of building its own, so a point
/// that changes only energies or rates pays only for filling in the rates. Safe to share between threads; at most
/// <see cref="Capacity"/> patterns are kept, the least recently used going first.
/// </summary>
internal sealed class PatternCache
{
    /// <summary>Patterns kept at most: a run needs one per grid and phase layout (two grids, two phases on the default).</summary>
    public const int Capacity = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<GeneratorPattern> _patterns = new();

    /// <summary>Number of patterns built by this cache so far (a figure for tests and benchmarks).</summary>
    public int Built { get; private set; }

    /// <summary>The pattern of <paramref name="space"/>'s layout: a kept one, or a new one, built once and kept.</summary>
    public GeneratorPattern For(ConfigurationSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);

        // Built under the lock, so that two threads needing the same layout build it once.
        lock (_lock)
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
}
