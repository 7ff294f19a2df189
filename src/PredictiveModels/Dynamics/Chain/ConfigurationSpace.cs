using System.Collections.Immutable;
using System.Globalization;
using PredictiveModels.Complexity;
using PredictiveModels.Diagnostics;
using PredictiveModels.Expressions;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The configurations of training as a Markov chain, their energies and the moves between them.
/// <para>
/// A non-deceptive configuration is <c>(w, b, g, h, s)</c>: world progress, branch (a candidate
/// whose goal is being built, or none), goal progress, horizon and awareness. Its description
/// bits <see cref="DescriptionBits"/> are the fraction <c>x_w</c> of the world model held at world step <c>w</c> (see
/// <see cref="WorldGrid"/>), plus <c>min(g r, K_b)</c> goal bits, plus the
/// horizon and awareness bits of <see cref="Accounting"/> when present; its loss, in bits per token, is the world gap
/// times <c>1 - x_w</c>, plus the goal gap times <c>1 - min(g r, K_b) / K_b</c>, plus the structure's loss gap, minus the
/// horizon and awareness bonuses when present.
/// </para>
/// <para>
/// A deceptive configuration <c>(w, b, k, flag)</c> is long-term and aware, remembers the branch <c>b</c> it jumped from,
/// keeps as its objective a proxy of <c>k</c> steps of that branch's goal (it can shed and regain steps, 0 to <c>G_b</c>),
/// and is flagged a defection when it jumped from a complete goal, a race otherwise; the reverse jump returns only to
/// <c>b</c>, from a configuration whose flag matches its proxy (<c>k = G_b</c> exactly for a defection). It plays along, so it has no goal gap; it pays the horizon, the
/// awareness and the deceptive overhead like any configuration that has them, plus the kept proxy's <c>min(k r, K_b)</c> bits and
/// the proxies' share of the objective hole, so that the proxies together weigh exactly the deceptive candidate's
/// section-4 <c>K</c>: the chain's analogue of <c>Kclass</c> (see <see cref="ChainAccounting"/>).
/// </para>
/// <para>
/// Energy <c>E = a K + lambda log2 T + n CE</c> in bits (with a phase's camera speed weight
/// <c>lambda_c</c>, the speed term is <c>lambda log2 (T / C) + lambda_c log2 C</c>, <c>C</c> the camera's
/// steps); every move but oversight's reset has a reverse, and heat-bath rates
/// <c>rho / (1 + 2^((E' - E) / T))</c> satisfy detailed balance with <c>pi ~ 2^(-E/T)</c>. The energies and description
/// bits come from <see cref="EnergyModel"/>, which also shows each configuration's energy term by term.
/// </para>
/// <para>
/// With a positive <see cref="Phase.OversightDetectionRate"/>, every configuration that is long-term and
/// aware (deceptive ones included) also moves, at that rate, to the same world step with no goal,
/// myopic and unaware. The reset has no reverse, so detailed balance fails and the equilibrium is
/// computed by <see cref="Equilibrium"/> as the chain's stationary distribution instead.
/// </para>
/// </summary>
public sealed class ConfigurationSpace
{
    /// <summary>
    /// Bytes of memory per configuration that training a phase needs without the relaxation time, about: energies, the
    /// generator's pattern and rates (about 100), the Krylov solver's vectors and its copy of the generator, the
    /// distributions kept at the reported times, and absorption's vectors. Measured as the peak of a whole <c>train</c>
    /// process on the default's pre-training chain: about 180 bytes per added configuration from 1.6 x 10^5 to
    /// 1.56 x 10^7 configurations (2.79 GB at 1.56 x 10^7; docs/dynamics.md, "Training at scale"), so the estimate leaves
    /// room for several phases, levers and the process itself; <see cref="ChainBudget.RelaxationBytesPerConfiguration"/>
    /// comes on top when the relaxation time is computed.
    /// </summary>
    public const long BytesPerConfiguration = 450;

    private readonly WorldGrid _world;
    private readonly long[] _offsets;
    private readonly int _deceptive;
    private readonly int[] _originOffsets;
    private readonly int _deceptivePerWorld;
    private readonly double[] _energy;
    private readonly int _awareAt;
    private readonly int _objectiveAt;
    private readonly ChainCache? _patterns;
    private GeneratorPattern? _pattern;
    private MoveSlots? _slots;

    private ConfigurationSpace(ScoreReport report, double worldBits, WorldGrid world, ImmutableArray<Branch> branches, int deceptive, long[] offsets, int awareAt, int objectiveAt, ChainAccounting accounting, DynamicsSettings settings, AnalysisSettings analysis, Phase phase, ChainCache? patterns)
    {
        _patterns = patterns;
        Accounting = accounting;
        Scores = report;
        Settings = settings;
        Analysis = analysis;
        Phase = phase;
        Branches = branches;
        _deceptive = deceptive;
        _offsets = offsets;
        _originOffsets = OriginOffsets(branches, deceptive);
        _deceptivePerWorld = _originOffsets[^1];
        _world = world;
        _awareAt = awareAt;
        _objectiveAt = objectiveAt;
        Count = (int)offsets[^1];
        EnergyModel = new EnergyModel(worldBits, world, branches, deceptive, accounting, settings, analysis, phase);

        // Each energy depends on its configuration alone, so the chunks can run in parallel without changing a bit.
        var energy = new double[Count];
        const int chunk = 1 << 15;
        Parallel.For(0, (Count + chunk - 1) / chunk, k =>
        {
            var end = Math.Min(Count, (k + 1) * chunk);
            for (var i = k * chunk; i < end; i++)
            {
                energy[i] = EnergyModel.EnergyOf(this[i]);
            }
        });
        _energy = energy;
    }

    /// <summary>The energy of this space's phase: each configuration's energy, term by term, and its description bits. <see cref="Energy"/> is its total.</summary>
    public EnergyModel EnergyModel { get; }

    /// <summary>The bits a long-term horizon, awareness and the deceptive branch cost, derived from section 4 (or overridden).</summary>
    public ChainAccounting Accounting { get; }

    /// <summary>The scores the branches come from.</summary>
    public ScoreReport Scores { get; }

    /// <summary>The chain's settings.</summary>
    public DynamicsSettings Settings { get; }

    /// <summary>The energy's <c>a</c>, <c>lambda</c> and <c>n</c>.</summary>
    public AnalysisSettings Analysis { get; }

    /// <summary>The training phase whose energy this space carries.</summary>
    public Phase Phase { get; }

    /// <summary>The world-model axis: the fraction of the world model at each world step (<see cref="Configuration.World"/> indexes it).</summary>
    public WorldGrid World => _world;

    /// <summary>The branches: index 0 is "no goal yet", then every non-deceptive candidate, then (if any) the deceptive branch.</summary>
    public ImmutableArray<Branch> Branches { get; }

    /// <summary>Number of configurations.</summary>
    public int Count { get; }

    /// <summary>Index of the deceptive branch in <see cref="Branches"/>, or -1 when no candidate is deceptive.</summary>
    public int DeceptiveBranch => _deceptive;

    /// <summary>The configuration training starts from: empty world model, no goal, myopic, unaware.</summary>
    public int Start => 0;

    /// <summary>Counts the configurations of a scenario's chain without allocating them, so that limits can be checked first.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="phase">The phase (its conditional bits lengthen aligned goals); null for pre-training.</param>
    public static long CountConfigurations(Scenario scenario, DynamicsSettings settings, Phase? phase = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var (_, _, _, offsets, _, _, _) = Layout(StructureScorer.Score(scenario), scenario, settings, phase ?? Phase.Pretraining(settings.Duration));
        return offsets[^1];
    }

    /// <summary>Checks, without allocating the chain, that a phase's chain fits <see cref="DynamicsSettings.MaxConfigurations"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="phase">The phase; null for pre-training.</param>
    /// <exception cref="ModelException">The chain is too large; the message says what to change.</exception>
    public static void CheckSize(Scenario scenario, DynamicsSettings settings, Phase? phase = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var (_, branches, _, offsets, _, _, _) = Layout(StructureScorer.Score(scenario), scenario, settings, phase ?? Phase.Pretraining(settings.Duration));
        ThrowIfTooLarge(branches, offsets[^1], settings);
    }

    /// <summary>Builds the chain of a scenario for one phase of training.</summary>
    /// <param name="scenario">The scenario; its analysis settings give <c>a</c>, <c>lambda</c>, <c>n</c> and the hole cost.</param>
    /// <param name="settings">The chain's settings.</param>
    /// <param name="phase">The phase whose energy to use; null for pre-training of the settings' duration.</param>
    /// <exception cref="ModelException">The chain would exceed <see cref="DynamicsSettings.MaxConfigurations"/>; the message says what to change.</exception>
    public static ConfigurationSpace Build(Scenario scenario, DynamicsSettings settings, Phase? phase = null) => BuildReusing(scenario, settings, phase, null);

    /// <summary>As <see cref="Build(Scenario, DynamicsSettings, Phase?)"/>, taking the generator's pattern from <paramref name="patterns"/> when one there fits the chain's layout.</summary>
    internal static ConfigurationSpace BuildReusing(Scenario scenario, DynamicsSettings settings, Phase? phase, ChainCache? patterns)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        phase ??= Phase.Pretraining(settings.Duration);
        var report = StructureScorer.Score(scenario);
        var (world, branches, deceptive, offsets, awareAt, objectiveAt, accounting) = Layout(report, scenario, settings, phase);
        ThrowIfTooLarge(branches, offsets[^1], settings);
        return new ConfigurationSpace(report, scenario.WorldModel.TotalBits, world, branches, deceptive, offsets, awareAt, objectiveAt, accounting, settings, scenario.Analysis, phase, patterns);
    }

    private static void ThrowIfTooLarge(IReadOnlyList<Branch> branches, long count, DynamicsSettings settings)
    {
        if (count > settings.MaxConfigurations || count > int.MaxValue / 2)
        {
            var largest = branches.Where(b => !b.IsDeceptive).MaxBy(b => b.Steps)!;
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the training chain would have {count:N0} configurations (about {count * BytesPerConfiguration / (1 << 20):N0} MiB), more than the limit of {settings.MaxConfigurations:N0}; raise dynamics.goalResolution (now {settings.GoalResolution} bits per step; the largest goal, {largest.Label}, has {largest.Bits:F0} bits) or lower dynamics.worldSteps (now {settings.WorldSteps})"),
                null,
                "dynamics.goalResolution");
        }

        ChainBudget.ThrowIfUnaffordable(count, settings, ChainBudget.AvailableBytes());
    }

    /// <summary>
    /// Carries a distribution over another space of the same scenario (the previous phase) into this one,
    /// configuration by configuration by <see cref="MapIndexFrom"/>: at the same absolute progress. A goal
    /// complete in pre-training is incomplete here when this phase adds a conditional to it.
    /// </summary>
    /// <param name="previous">The space the distribution lives on; same scenario and world steps.</param>
    /// <param name="distribution">A distribution over <paramref name="previous"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="previous"/> belongs to another scenario or world resolution, or the distribution is not over it.</exception>
    public double[] MapFrom(ConfigurationSpace previous, ReadOnlySpan<double> distribution)
    {
        CheckCarriedFrom(previous);
        if (distribution.Length != previous.Count)
        {
            throw new ArgumentException($"The distribution has {distribution.Length} entries; the previous space has {previous.Count} configurations.", nameof(distribution));
        }

        var result = new double[Count];
        for (var i = 0; i < distribution.Length; i++)
        {
            if (distribution[i] != 0)
            {
                result[Carry(previous, i)] += distribution[i];
            }
        }

        return result;
    }

    /// <summary>
    /// The rule by which a configuration of another space of the same scenario (the previous phase) is
    /// carried into this one: the configuration at the same absolute progress, with the same world step,
    /// branch, horizon and awareness, and the same goal steps capped at this space's goal length (a deceptive
    /// configuration keeps its origin and flag, its proxy capped at the origin's goal length here). Both
    /// <see cref="MapFrom"/> (exact distributions) and the simulation across phases (single trajectories) use it.
    /// </summary>
    /// <param name="previous">The space <paramref name="index"/> belongs to; same scenario and world steps.</param>
    /// <param name="index">A configuration of <paramref name="previous"/>, 0 to its <see cref="Count"/> - 1.</param>
    /// <returns>The index of the carried configuration here, 0 to <see cref="Count"/> - 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="previous"/> belongs to another scenario or world resolution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a configuration of <paramref name="previous"/>.</exception>
    public int MapIndexFrom(ConfigurationSpace previous, int index)
    {
        CheckCarriedFrom(previous);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, previous.Count);
        return Carry(previous, index);
    }

    /// <summary>Throws unless configurations of <paramref name="previous"/> can be carried into this space.</summary>
    internal void CheckCarriedFrom(ConfigurationSpace previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Branches.Length != Branches.Length || !previous.World.SamePoints(World))
        {
            throw new ArgumentException("The previous space belongs to another scenario or world resolution.", nameof(previous));
        }
    }

    /// <summary><see cref="MapIndexFrom"/> without the argument checks, for callers that made them once.</summary>
    internal int Carry(ConfigurationSpace previous, int index)
    {
        var c = previous[index];
        var goal = c.Branch == _deceptive ? Branches[c.Origin].Steps : Branches[c.Branch].Steps;
        return IndexOf(c with { Goal = Math.Min(c.Goal, goal) });
    }

    /// <summary>The configuration at an index.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public Configuration this[int index]
    {
        get
        {
            var b = Array.BinarySearch(_offsets, (long)index);
            b = b >= 0 ? b : ~b - 1;
            while (b + 1 < _offsets.Length - 1 && _offsets[b + 1] == index)
            {
                b++;
            }

            var local = (int)(index - _offsets[b]);
            if (b == _deceptive)
            {
                var world = local / _deceptivePerWorld;
                var within = local % _deceptivePerWorld;
                var origin = Array.BinarySearch(_originOffsets, within);
                origin = origin >= 0 ? origin : ~origin - 1;
                var slot = within - _originOffsets[origin];
                return new Configuration(world, b, slot >> 1, true, true, origin + 1, (slot & 1) == 1);
            }

            var aware = (local & 1) == 1;
            var longTerm = (local & 2) == 2;
            var rest = local >> 2;
            var steps = Branches[b].Steps + 1;
            return new Configuration(rest / steps, b, rest % steps, longTerm, aware);
        }
    }

    /// <summary>The index of a configuration.</summary>
    /// <param name="c">A configuration of this space; a deceptive one names its origin, a non-deceptive branch 1 or more.</param>
    /// <exception cref="ArgumentException">A deceptive configuration without a valid origin.</exception>
    public int IndexOf(Configuration c)
    {
        var offset = _offsets[c.Branch];
        if (c.Branch == _deceptive)
        {
            if (c.Origin < 1 || c.Origin >= _deceptive)
            {
                throw new ArgumentException($"A deceptive configuration needs the non-deceptive branch its proxy came from (1 to {_deceptive - 1}); it has {c.Origin}.", nameof(c));
            }

            return (int)(offset + ((long)c.World * _deceptivePerWorld) + _originOffsets[c.Origin - 1] + (c.Goal * 2) + (c.Defection ? 1 : 0));
        }

        return (int)(offset + ((((c.World * (Branches[c.Branch].Steps + 1)) + c.Goal) * 2 + (c.LongTerm ? 1 : 0)) * 2) + (c.Aware ? 1 : 0));
    }

    /// <summary>The index of branch <paramref name="branch"/>'s first configuration (0 to <see cref="Branches"/>' length; the last is <see cref="Count"/>): a branch's configurations are the indices from its start to the next one's.</summary>
    internal int BranchStart(int branch) => (int)_offsets[branch];

    /// <summary>Every configuration's energy in bits, by index; not to be changed.</summary>
    internal double[] Energies => _energy;

    /// <summary>The world step from which awareness moves are possible.</summary>
    internal int AwareAt => _awareAt;

    /// <summary>The world step from which the base objective is understood, so that jumps to and from the deceptive branch are possible.</summary>
    internal int ObjectiveAt => _objectiveAt;

    /// <summary>Number of deceptive configurations at one world step (0 without a deceptive branch).</summary>
    internal int DeceptivePerWorld => _deceptive >= 0 ? _deceptivePerWorld : 0;

    /// <summary>The index of the first deceptive configuration at world step <paramref name="world"/>; the step's others follow it.</summary>
    internal int FirstDeceptiveAt(int world) => (int)(_offsets[_deceptive] + ((long)world * _deceptivePerWorld));

    /// <summary>The energy of a configuration, in bits: the total of <see cref="EnergyModel"/>'s terms, computed once when the space is built.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public double Energy(int index) => _energy[index];

    /// <summary>The outcome class of a configuration; null while it has no goal.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public OutcomeClass? ClassOf(int index) => Branches[this[index].Branch].Class;

    /// <summary>Whether a configuration shows the precursors of deception that oversight looks for: long-term and aware (every deceptive configuration is both).</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public bool ShowsPrecursors(int index)
    {
        var c = this[index];
        return c.LongTerm && c.Aware;
    }

    /// <summary>Where oversight's reset takes a detected configuration: the same world step, no goal, myopic and unaware.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1; the configuration need not show the precursors.</param>
    public int ResetTarget(int index) => IndexOf(new Configuration(this[index].World, 0, 0, false, false));

    /// <summary>
    /// Calls <paramref name="visit"/> for every configuration reachable from <paramref name="index"/> in one move.
    /// Every move but <see cref="MoveKind.Reset"/> (present only when the phase's detection rate is positive) has its reverse among the target's moves.
    /// </summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <param name="visit">Receives the neighbour's index and the kind of move.</param>
    public void ForEachNeighbour(int index, Action<int, MoveKind> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var c = this[index];
        if (Phase.OversightDetectionRate > 0 && c.LongTerm && c.Aware)
        {
            visit(ResetTarget(index), MoveKind.Reset);
        }

        var sink = new ActionSink(visit);
        VisitMoves(c, ref sink);
    }

    /// <summary>Where each kind of move's base rate sits in the generator's rate table (<see cref="GeneratorPattern"/>).</summary>
    internal MoveSlots Slots => _slots ??= new MoveSlots(this);

    /// <summary>
    /// The one definition of the chain's moves other than the reset: calls <paramref name="sink"/> with the target, the
    /// kind and the rate slot of every move out of <paramref name="c"/>, in a fixed order. Every such move has its
    /// reverse among the target's moves, with the same slot, so the same list read as sources is the inflow row of
    /// <paramref name="c"/> in the generator. <see cref="ForEachNeighbour"/> and <see cref="GeneratorPattern"/> both use it.
    /// </summary>
    internal void VisitMoves<TSink>(Configuration c, ref TSink sink)
        where TSink : struct, IMoveSink
    {
        var slots = Slots;
        if (c.World > 0)
        {
            sink.Move(IndexOf(c with { World = c.World - 1 }), MoveKind.World, slots.World + c.World - 1);
        }

        if (c.World < _world.Steps)
        {
            sink.Move(IndexOf(c with { World = c.World + 1 }), MoveKind.World, slots.World + c.World);
        }

        if (c.Branch == _deceptive)
        {
            // The proxy can shed and regain bits within its origin's goal, as the origin's goal could.
            var origin = Branches[c.Origin];
            if (c.World >= origin.GoalUnlockedAt)
            {
                if (c.Goal > 0)
                {
                    sink.Move(IndexOf(c with { Goal = c.Goal - 1 }), MoveKind.Goal, slots.GoalStart[c.Origin] + c.Goal - 1);
                }

                if (c.Goal < origin.Steps)
                {
                    sink.Move(IndexOf(c with { Goal = c.Goal + 1 }), MoveKind.Goal, slots.GoalStart[c.Origin] + c.Goal);
                }
            }

            // The reverse of the jump that lands here: back to the origin at the kept progress, from a configuration
            // whose flag says what that progress is (complete for a defection, partial for a race).
            if (c.World >= _objectiveAt && c.Defection == (c.Goal == origin.Steps))
            {
                sink.Move(IndexOf(new Configuration(c.World, c.Origin, c.Goal, true, true)), MoveKind.Jump, slots.Jump);
            }

            return;
        }

        var branch = Branches[c.Branch];
        if (c.Branch == 0)
        {
            for (var b = 1; b < Branches.Length; b++)
            {
                if (b != _deceptive)
                {
                    sink.Move(IndexOf(c with { Branch = b, Goal = 0 }), MoveKind.Enter, slots.Enter);
                }
            }
        }
        else
        {
            if (c.Goal == 0)
            {
                sink.Move(IndexOf(c with { Branch = 0 }), MoveKind.Enter, slots.Enter);
            }

            if (c.World >= branch.GoalUnlockedAt)
            {
                if (c.Goal > 0)
                {
                    sink.Move(IndexOf(c with { Goal = c.Goal - 1 }), MoveKind.Goal, slots.GoalStart[c.Branch] + c.Goal - 1);
                }

                if (c.Goal < branch.Steps)
                {
                    sink.Move(IndexOf(c with { Goal = c.Goal + 1 }), MoveKind.Goal, slots.GoalStart[c.Branch] + c.Goal);
                }
            }

            if (_deceptive >= 0 && c.LongTerm && c.Aware && c.World >= _objectiveAt)
            {
                sink.Move(IndexOf(new Configuration(c.World, _deceptive, c.Goal, true, true, c.Branch, c.Goal == branch.Steps)), MoveKind.Jump, slots.Jump);
            }
        }

        sink.Move(IndexOf(c with { LongTerm = !c.LongTerm }), MoveKind.Horizon, slots.Horizon);
        if (c.World >= _awareAt)
        {
            sink.Move(IndexOf(c with { Aware = !c.Aware }), MoveKind.Awareness, slots.Awareness);
        }
    }

    /// <summary>Receives the moves of <see cref="VisitMoves"/>: target index, kind and rate slot.</summary>
    internal interface IMoveSink
    {
        void Move(int target, MoveKind kind, int slot);
    }

    private readonly struct ActionSink(Action<int, MoveKind> visit) : IMoveSink
    {
        public void Move(int target, MoveKind kind, int slot) => visit(target, kind);
    }

    /// <summary>
    /// The rate of the move from <paramref name="from"/> to <paramref name="to"/>, per unit of training time: heat-bath,
    /// <c>rho / (1 + 2^((E' - E) / T))</c>, for every kind but <see cref="MoveKind.Reset"/>, whose rate is the phase's
    /// detection rate whatever the energies.
    /// </summary>
    /// <param name="from">Source index.</param>
    /// <param name="to">Target index (a neighbour of <paramref name="from"/>).</param>
    /// <param name="kind">The kind of the move.</param>
    public double Rate(int from, int to, MoveKind kind) => kind == MoveKind.Reset
        ? Phase.OversightDetectionRate
        : BaseRate(from, to, kind) / (1 + double.Exp2((_energy[to] - _energy[from]) / Settings.Temperature));

    /// <summary>
    /// The base rate <c>rho</c> of one move, per unit of training time: what the heat-bath rate approaches when the move is
    /// far downhill. The graded axes are rated per unit of progress, so that a figure does not depend on how finely the grid
    /// cuts them: a world step of width <c>x_(w+1) - x_w</c> (about <c>1/W</c> of the world model) runs at <c>dynamics.rates.world</c>
    /// (world models per unit of time) divided by that width, floored at <c>1/(2W)</c> (see <see cref="WorldGrid.Width"/>); a goal step of <c>d</c> bits (a deceptive proxy's included) at <c>dynamics.rates.goal / max(d, r/2)</c>
    /// (<c>dynamics.rates.goal</c> in bits per unit of time, <c>r</c> the goal resolution; the floor keeps a goal's last,
    /// fractional step from making the chain stiff). Every other kind moves by one whole unit and runs at its own rate. A move
    /// and its reverse have the same base rate, so detailed balance holds.
    /// </summary>
    /// <param name="from">Source index, 0 to <see cref="Count"/> - 1.</param>
    /// <param name="to">Target index, a neighbour of <paramref name="from"/> by a move of <paramref name="kind"/>.</param>
    /// <param name="kind">The kind of the move; not <see cref="MoveKind.Reset"/>.</param>
    /// <returns>Events per unit of training time, greater than 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="MoveKind.Reset"/>.</exception>
    public double BaseRate(int from, int to, MoveKind kind)
    {
        switch (kind)
        {
            case MoveKind.World:
                return Settings.Rate(kind) / _world.Width(Math.Min(this[from].World, this[to].World));
            case MoveKind.Goal:
                var c = this[from];
                var branch = Branches[c.Branch == _deceptive ? c.Origin : c.Branch];
                var upper = Math.Max(c.Goal, this[to].Goal);
                var step = Learned(upper, branch.Bits) - Learned(upper - 1, branch.Bits);
                return Settings.Rate(kind) / Math.Max(step, Settings.GoalResolution / 2);
            default:
                // A reset has no base rate: DynamicsSettings.Rate refuses it.
                return Settings.Rate(kind);
        }
    }

    /// <summary>
    /// The generator of this chain: its <see cref="Pattern"/> (shared with every space of the same layout built with the
    /// same <see cref="ChainCache"/>) filled with this space's rates.
    /// </summary>
    internal Generator BuildGenerator(CancellationToken cancellation = default) => Pattern.Fill(this, cancellation);

    /// <summary>The sparsity pattern of this chain's generator: taken from the space's <see cref="ChainCache"/> when one fits, built on first use otherwise.</summary>
    internal GeneratorPattern Pattern
    {
        get
        {
            if (_pattern is null)
            {
                var pattern = _patterns?.For(this) ?? GeneratorPattern.Build(this);
                Interlocked.CompareExchange(ref _pattern, pattern, null);
            }

            return _pattern;
        }
    }

    /// <summary>
    /// The description bits <c>K(c)</c> of a configuration, the part of its energy that section 4 would call its <c>K</c>
    /// (see <see cref="EnergyModel.DescriptionBits"/>). In bits, at least 0.
    /// </summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    public double DescriptionBits(int index) => EnergyModel.DescriptionBitsOf(this[index]);

    /// <summary>The bits learned after some goal steps of a goal (<see cref="EnergyModel.Learned"/>).</summary>
    private double Learned(int steps, double goalBits) => EnergyModel.Learned(steps, goalBits);

    /// <summary>Per non-deceptive branch (1, 2, ...), where its proxies start among one world step's deceptive configurations, two (race, defection) per proxy size; the last entry is their number.</summary>
    private static int[] OriginOffsets(IReadOnlyList<Branch> branches, int deceptive)
    {
        var offsets = new int[branches.Count - (deceptive >= 0 ? 1 : 0)];
        for (var b = 1; b < offsets.Length; b++)
        {
            offsets[b] = offsets[b - 1] + (2 * (branches[b].Steps + 1));
        }

        return offsets;
    }

    private static int StepsOf(double bits, double resolution) => Math.Max(1, (int)Math.Ceiling(bits / resolution - 1e-9));

    internal static (WorldGrid World, ImmutableArray<Branch> Branches, int Deceptive, long[] Offsets, int AwareAt, int ObjectiveAt, ChainAccounting Accounting) Layout(ScoreReport report, Scenario scenario, DynamicsSettings settings, Phase phase)
    {
        var world = scenario.WorldModel;
        var worldBits = world.TotalBits;

        // The fraction of the world model at which a set of concepts is acquired: the largest acquisition among them.
        double FractionAt(IEnumerable<string> concepts)
        {
            var needed = concepts.Select(world.FindConcept).OfType<WorldModels.Concept>().Select(world.AcquisitionBits).DefaultIfEmpty(0).Max();
            return worldBits <= 0 ? 0 : Math.Clamp(needed / worldBits, 0, 1);
        }

        // Every threshold of the world axis gets a point of its own, so that no capability appears later than it should
        // because the grid rounded it up (see WorldGrid).
        var nonDeceptive = report.Candidates.Where(c => !c.Mechanism.IsDeceptive()).ToArray();
        var deceptiveScores = report.Candidates.Where(c => c.Mechanism.IsDeceptive()).ToArray();
        var unlockFractions = nonDeceptive
            .Select(score => score.Mechanism == Mechanism.Corrigible ? FractionAt(score.Structure.Camera.Nodes().OfType<Application>().Select(a => a.Name)) : 0)
            .ToArray();
        var awareFraction = deceptiveScores.Length > 0 ? FractionAt(deceptiveScores.SelectMany(c => c.Structure.Requires)) : 0;
        var grid = WorldGrid.Create(settings.WorldSteps, unlockFractions.Append(awareFraction).Append(settings.ObjectiveUnderstoodAt));
        var w = grid.Steps;

        var conditional = phase.Prompting ? 0 : phase.ConditionalBits;
        var branches = new List<Branch> { new(null, 0, 0, 1, 0, 0, 0, 1) };
        for (var i = 0; i < nonDeceptive.Length; i++)
        {
            var score = nonDeceptive[i];
            var bits = score.NormalisedBits + conditional;
            branches.Add(new Branch(score.Candidate, bits, StepsOf(bits, settings.GoalResolution), score.RuntimeSteps, score.LossGap, grid.StepAt(unlockFractions[i]), score.NormalisedBits, score.Structure.CameraSteps));
        }

        var deceptive = -1;
        var awareAt = 0;
        var simplest = deceptiveScores.MinBy(c => c.NormalisedBits);
        var accounting = ChainAccounting.Derive(world, simplest, settings);
        if (simplest is { } d)
        {
            // The deceptive branch is the simplest deceptive candidate; its proxies reach the largest goal.
            var maxSteps = branches.Skip(1).Select(b => b.Steps).DefaultIfEmpty(0).Max();
            deceptive = branches.Count;
            branches.Add(new Branch(d.Candidate, d.NormalisedBits, maxSteps, d.RuntimeSteps, d.LossGap, 0, d.NormalisedBits, d.Structure.CameraSteps));
            awareAt = grid.StepAt(awareFraction);
        }

        var offsets = new long[branches.Count + 1];
        for (var b = 0; b < branches.Count; b++)
        {
            var size = b == deceptive
                ? (long)(w + 1) * OriginOffsets(branches, deceptive)[^1]
                : (long)(w + 1) * (branches[b].Steps + 1) * 4;
            offsets[b + 1] = offsets[b] + size;
        }

        return (grid, [.. branches], deceptive, offsets, awareAt, grid.StepAt(settings.ObjectiveUnderstoodAt), accounting);
    }
}
