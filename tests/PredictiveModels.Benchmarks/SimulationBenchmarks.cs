using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Benchmarks;

/// <summary>
/// Gillespie simulation of the default scenario's training chain at world steps 10 and goal
/// resolution 8 (about 135,000 configurations and 435,000 moves): 4,000 trajectories to training
/// time 1,000, on one thread and on two. The result is a function of the seed alone, so the host
/// process replays the workload once to count its events and reports events per second, in total
/// and per thread used.
/// </summary>
[Config(typeof(EventsPerSecondConfig))]
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private TrajectorySimulator _simulator = null!;

    /// <summary>The <c>maxDegreeOfParallelism</c> of the run.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulator = SimulationWorkload.Simulator;

        // A workload that freezes at once would measure set-up, not events: check it moves.
        if (SimulationWorkload.Events < 100 * SimulationWorkload.Trajectories)
        {
            throw new InvalidOperationException($"The workload makes only {SimulationWorkload.Events} events; expected at least 100 per trajectory.");
        }
    }

    [Benchmark(Description = "Simulate 4,000 trajectories to tau = 1,000")]
    public SimulationResult Simulate() => _simulator.Simulate(SimulationWorkload.Trajectories, SimulationWorkload.Tau, SimulationWorkload.Seed, Threads);
}

/// <summary>Reading the chain's moves into the simulator's table: the fixed cost before the first trajectory.</summary>
[MemoryDiagnoser]
public class SimulationSetupBenchmarks
{
    private ConfigurationSpace _space = null!;

    [GlobalSetup]
    public void Setup() => _space = SimulationWorkload.Space;

    [Benchmark(Description = "Build the move table (135k configurations)")]
    public TrajectorySimulator Build() => new(_space);
}

/// <summary>The benchmarked chain and run, shared by the benchmark process and the host's column.</summary>
internal static class SimulationWorkload
{
    public const int Trajectories = 4_000;
    public const double Tau = 1_000;
    public const ulong Seed = 20_260_101;

    private static readonly Lazy<ConfigurationSpace> LazySpace = new(() => ConfigurationSpace.Build(Scenario.Default, DynamicsSettings.Create(worldSteps: 10, goalResolution: 8)));
    private static readonly Lazy<TrajectorySimulator> LazySimulator = new(() => new TrajectorySimulator(Space));
    private static readonly Lazy<long> LazyEvents = new(() => Simulator.Simulate(Trajectories, Tau, Seed).Events);

    public static ConfigurationSpace Space => LazySpace.Value;

    public static TrajectorySimulator Simulator => LazySimulator.Value;

    /// <summary>Events of one run: the same for every thread count.</summary>
    public static long Events => LazyEvents.Value;
}

/// <summary>Adds the events-per-second columns to <see cref="SimulationBenchmarks"/>.</summary>
internal sealed class EventsPerSecondConfig : ManualConfig
{
    public EventsPerSecondConfig()
    {
        AddColumn(new EventsPerSecondColumn(perThread: false), new EventsPerSecondColumn(perThread: true));
    }
}

/// <summary>Events per second of a run, from its mean time and the events the workload makes; optionally divided by the threads it could use.</summary>
internal sealed class EventsPerSecondColumn(bool perThread) : IColumn
{
    public string Id => perThread ? "EventsPerSecondPerCore" : "EventsPerSecond";

    public string ColumnName => perThread ? "Events/s/core" : "Events/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perThread ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perThread
        ? "Simulated events per second divided by the cores it could use, min(Threads, processor count)"
        : "Simulated events per second (events of the run / mean time)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not { } nanoseconds || nanoseconds <= 0)
        {
            return "-";
        }

        var threads = benchmarkCase.Parameters["Threads"] is int t && t > 0 ? Math.Min(t, Environment.ProcessorCount) : Environment.ProcessorCount;
        var rate = SimulationWorkload.Events / (nanoseconds * 1e-9) / (perThread ? threads : 1);
        return rate.ToString("0.00e0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
