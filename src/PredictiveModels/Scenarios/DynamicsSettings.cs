using System.Collections.Immutable;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// The parameters of training as a Markov chain (high path dependence). Immutable; <see cref="Create"/>
/// checks every value. Energies are in bits, loss terms in bits per token, rates per unit of training
/// time (world and goal rates also per unit of progress, see <see cref="Rates"/>).
/// </summary>
public sealed class DynamicsSettings
{
    /// <summary>The largest number of configurations a chain may have unless the caller raises it.</summary>
    public const long DefaultMaxConfigurations = 20_000_000;

    private DynamicsSettings(
        int worldSteps,
        double goalResolution,
        double temperature,
        ImmutableDictionary<MoveKind, double> rates,
        double worldGap,
        double goalGap,
        double? horizonBits,
        double? awarenessBits,
        double horizonBonus,
        double awarenessBonus,
        double objectiveUnderstoodAt,
        double duration,
        double tolerance,
        long maxConfigurations)
    {
        WorldSteps = worldSteps;
        GoalResolution = goalResolution;
        Temperature = temperature;
        Rates = rates;
        WorldGap = worldGap;
        GoalGap = goalGap;
        HorizonBits = horizonBits;
        AwarenessBits = awarenessBits;
        HorizonBonus = horizonBonus;
        AwarenessBonus = awarenessBonus;
        ObjectiveUnderstoodAt = objectiveUnderstoodAt;
        Duration = duration;
        Tolerance = tolerance;
        MaxConfigurations = maxConfigurations;
    }

    /// <summary>The default settings (every default below).</summary>
    public static DynamicsSettings Default { get; } = Create();

    /// <summary>Number of equal world-model steps <c>W</c>, each worth about 1/W of the world model's bits; the grid then puts a point exactly at each unlock threshold (see <see cref="Dynamics.WorldGrid"/>), which can add a step or a few. 1 to 10,000; default 10.</summary>
    public int WorldSteps { get; }

    /// <summary>Bits per goal step: a goal of <c>K</c> bits takes <c>ceil(K / resolution)</c> steps. Finite, greater than 0; default 4.</summary>
    public double GoalResolution { get; }

    /// <summary>Temperature <c>T</c> of the heat-bath rates and of the equilibrium <c>2^(-E/T)</c>. Finite, greater than 0; default 1.</summary>
    public double Temperature { get; }

    /// <summary>
    /// Base rate of each kind of move (finite, greater than 0), per unit of training time and, on the graded axes, per unit of
    /// progress: <see cref="MoveKind.World"/> in world models per unit of time (a step of about <c>1/W</c> runs at about <c>W</c> times it; see <see cref="Dynamics.ConfigurationSpace.BaseRate"/>),
    /// <see cref="MoveKind.Goal"/> in goal bits per unit of time (a step of <c>d</c> bits runs at it divided by <c>d</c>), the
    /// others in events per unit of time (see <see cref="Dynamics.ConfigurationSpace.BaseRate"/>). Defaults: world 0.1, goal 4, enter 1,
    /// horizon 0.1, awareness 0.1, jump 1 (world and goal chosen so that the former grid of 10 world steps and 4-bit goal
    /// steps, whose rates were 1 per step, keeps its speeds).
    /// </summary>
    public ImmutableDictionary<MoveKind, double> Rates { get; }

    /// <summary>Loss of an empty world model above a complete one, bits per token, falling linearly with <c>w</c>. At least 0; default 1.</summary>
    public double WorldGap { get; }

    /// <summary>Loss of a configuration with no goal above one with a complete goal, bits per token, falling linearly with goal progress. At least 0; default 0.5.</summary>
    public double GoalGap { get; }

    /// <summary>
    /// An explicit override of the bits a long-term horizon costs every long-term configuration (deceptive ones included), at
    /// least 0; null (the default) derives them from section 4: the bits the deceptive candidate's camera spends selecting
    /// <c>longterm</c> (see <see cref="Dynamics.ChainAccounting"/>). An override departs from section 4's accounting.
    /// </summary>
    public double? HorizonBits { get; }

    /// <summary>
    /// An explicit override of the bits situational awareness costs every aware configuration (deceptive ones included), at
    /// least 0; null (the default) derives them from section 4: the deceptive candidate's pointers to its required concepts
    /// (see <see cref="Dynamics.ChainAccounting"/>). An override departs from section 4's accounting.
    /// </summary>
    public double? AwarenessBits { get; }

    /// <summary>Loss reduction, bits per token, of a long-term horizon (near zero in pre-training). At least 0; default 0.</summary>
    public double HorizonBonus { get; }

    /// <summary>Loss reduction, bits per token, of situational awareness (near zero in pre-training). At least 0; default 0.</summary>
    public double AwarenessBonus { get; }

    /// <summary>Fraction of world-model progress (0 to 1) from which the training objective is understood, so that the deceptive jump is possible. Default 0.5.</summary>
    public double ObjectiveUnderstoodAt { get; }

    /// <summary>Training time <c>tau</c> of the transient, in units of inverse base rate. Finite, at least 0; default 100.</summary>
    public double Duration { get; }

    /// <summary>Bound on the 1-norm error of the transient distribution (uniformization truncation). Between 1e-15 and 1e-2; default 1e-10.</summary>
    public double Tolerance { get; }

    /// <summary>The largest number of configurations allowed; checked before anything is allocated. At least 1; default 2e7.</summary>
    public long MaxConfigurations { get; }

    /// <summary>The base rate of a kind of move.</summary>
    /// <param name="kind">The kind; not <see cref="MoveKind.Reset"/>, whose rate is a phase's <see cref="Phase.OversightDetectionRate"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="MoveKind.Reset"/>.</exception>
    public double Rate(MoveKind kind) => kind == MoveKind.Reset
        ? throw new ArgumentOutOfRangeException(nameof(kind), "A reset has no base rate: its rate is the phase's oversight detection rate.")
        : Rates[kind];

    /// <summary>Creates settings; every argument has the default of <see cref="Default"/>.</summary>
    /// <exception cref="ModelException">A value is out of range; the diagnostic names the setting.</exception>
    public static DynamicsSettings Create(
        int worldSteps = 10,
        double goalResolution = 4,
        double temperature = 1,
        IReadOnlyDictionary<MoveKind, double>? rates = null,
        double worldGap = 1,
        double goalGap = 0.5,
        double? horizonBits = null,
        double? awarenessBits = null,
        double horizonBonus = 0,
        double awarenessBonus = 0,
        double objectiveUnderstoodAt = 0.5,
        double duration = 100,
        double tolerance = 1e-10,
        long maxConfigurations = DefaultMaxConfigurations)
    {
        var bag = new DiagnosticBag();
        Check(bag, "worldSteps", worldSteps);
        Check(bag, "goalResolution", goalResolution);
        Check(bag, "temperature", temperature);
        Check(bag, "worldGap", worldGap);
        Check(bag, "goalGap", goalGap);
        if (horizonBits is { } horizon)
        {
            Check(bag, "horizonBits", horizon);
        }

        if (awarenessBits is { } awareness)
        {
            Check(bag, "awarenessBits", awareness);
        }

        Check(bag, "horizonBonus", horizonBonus);
        Check(bag, "awarenessBonus", awarenessBonus);
        Check(bag, "duration", duration);
        Check(bag, "objectiveUnderstoodAt", objectiveUnderstoodAt);
        Check(bag, "tolerance", tolerance);
        Check(bag, "maxConfigurations", maxConfigurations);

        var allRates = new Dictionary<MoveKind, double>
        {
            [MoveKind.World] = 0.1, [MoveKind.Goal] = 4, [MoveKind.Enter] = 1,
            [MoveKind.Horizon] = 0.1, [MoveKind.Awareness] = 0.1, [MoveKind.Jump] = 1,
        };
        foreach (var (kind, rate) in rates ?? new Dictionary<MoveKind, double>())
        {
            if (kind == MoveKind.Reset)
            {
                bag.Add("a reset has no base rate: give the phase's oversightDetectionRate instead", null, "dynamics.rates.reset");
                continue;
            }

            var rateKind = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
            var definition = ParameterRegistry.Get(ParameterScope.Rate, "KIND");
            if (definition.Check(rate, rateKind.ToLowerInvariant()) is { } error)
            {
                bag.Add(error, null, definition.PathOf(rateKind));
            }

            allRates[kind] = rate;
        }

        bag.ThrowIfAny();
        return new DynamicsSettings(worldSteps, goalResolution, temperature, allRates.ToImmutableDictionary(), worldGap, goalGap, horizonBits, awarenessBits, horizonBonus, awarenessBonus, objectiveUnderstoodAt, duration, tolerance, maxConfigurations);
    }

    /// <summary>
    /// Returns a copy with some settings changed, checked like <see cref="Create"/>; every argument left
    /// null keeps its value. Used to sweep one setting (<see cref="Scenarios.ScenarioParameter"/>).
    /// </summary>
    /// <param name="worldSteps">World steps, 1 to 10,000.</param>
    /// <param name="goalResolution">Bits per goal step, greater than 0.</param>
    /// <param name="temperature">Temperature, greater than 0.</param>
    /// <param name="rates">Base rates to change, per unit of training time, each greater than 0; kinds not given keep theirs.</param>
    /// <param name="worldGap">World gap, bits per token, at least 0.</param>
    /// <param name="goalGap">Goal gap, bits per token, at least 0.</param>
    /// <param name="horizonBits">Horizon bits, at least 0.</param>
    /// <param name="awarenessBits">Awareness bits, at least 0.</param>
    /// <param name="horizonBonus">Horizon bonus, bits per token, at least 0.</param>
    /// <param name="awarenessBonus">Awareness bonus, bits per token, at least 0.</param>
    /// <param name="objectiveUnderstoodAt">Fraction of world-model progress, 0 to 1.</param>
    /// <param name="duration">Default duration of a phase, training time, at least 0.</param>
    /// <param name="tolerance">1-norm error bound, 1e-15 to 1e-2.</param>
    /// <param name="maxConfigurations">The largest number of configurations allowed, at least 1.</param>
    /// <exception cref="ModelException">A value is out of range; the diagnostic names the setting.</exception>
    public DynamicsSettings With(
        int? worldSteps = null,
        double? goalResolution = null,
        double? temperature = null,
        IReadOnlyDictionary<MoveKind, double>? rates = null,
        double? worldGap = null,
        double? goalGap = null,
        double? horizonBits = null,
        double? awarenessBits = null,
        double? horizonBonus = null,
        double? awarenessBonus = null,
        double? objectiveUnderstoodAt = null,
        double? duration = null,
        double? tolerance = null,
        long? maxConfigurations = null)
    {
        var allRates = new Dictionary<MoveKind, double>(Rates);
        foreach (var (kind, rate) in rates ?? new Dictionary<MoveKind, double>())
        {
            allRates[kind] = rate;
        }

        return Create(
            worldSteps ?? WorldSteps,
            goalResolution ?? GoalResolution,
            temperature ?? Temperature,
            allRates,
            worldGap ?? WorldGap,
            goalGap ?? GoalGap,
            horizonBits ?? HorizonBits,
            awarenessBits ?? AwarenessBits,
            horizonBonus ?? HorizonBonus,
            awarenessBonus ?? AwarenessBonus,
            objectiveUnderstoodAt ?? ObjectiveUnderstoodAt,
            duration ?? Duration,
            tolerance ?? Tolerance,
            maxConfigurations ?? MaxConfigurations);
    }

    /// <summary>Checks a setting against its range in <see cref="ParameterRegistry"/>.</summary>
    private static void Check(DiagnosticBag bag, string key, double value)
    {
        var definition = ParameterRegistry.Get(ParameterScope.Dynamics, key);
        if (definition.Check(value) is { } error)
        {
            bag.Add(error, null, definition.PathOf(""));
        }
    }
}
