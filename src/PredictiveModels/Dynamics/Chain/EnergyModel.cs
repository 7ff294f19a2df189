using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// The energy of the training chain in one phase: a pure function from a <see cref="Configuration"/> to its energy in
/// bits, term by term (<see cref="Terms"/>), and to its description bits (<see cref="DescriptionBits"/>).
/// <para>
/// <c>E(c) = a K(c) + lambda log2 T(c) + n CE(c)</c>, with <c>a</c>, <c>lambda</c> and <c>n</c> from the scenario's
/// analysis settings (a phase may set its own <c>n</c>). <c>K(c)</c> holds the world model learned so far, the goal's
/// <c>min(g r, K_b)</c> bits, the horizon and awareness bits when present, and on the deceptive branch the overhead, the
/// objective hole and the kept proxy with its share of the hole; the phase's oversight penalty is added to it when the
/// configuration is long-term and aware. With a camera model the speed term is <c>lambda log2 T + (lambda_c - lambda) log2 C</c>.
/// <c>CE(c)</c>, in bits per token, is the world gap times <c>1 - x_w</c>, plus the goal gap times the share of the goal
/// not yet learned (none on the deceptive branch), plus the structure's loss gap, minus the phase's horizon and
/// awareness bonuses when present. A phase with a KL weight <c>kappa</c> or a fraction <c>phi</c> of interspersed
/// pre-training uses <c>(1 - phi) E_phase + (phi + kappa) E_pre</c>, where <c>E_pre</c> is the same configuration's energy
/// under pre-training's parameters and goal lengths.
/// </para>
/// <para>
/// The chain (<see cref="ConfigurationSpace"/>) takes every energy from this type, so <see cref="EnergyTerms.Total"/>
/// is the chain's energy to the bit. <see cref="Create"/> makes the model without building the chain's configurations.
/// </para>
/// </summary>
public sealed class EnergyModel
{
    private const int WorldTerm = 0;
    private const int GoalTerm = 1;
    private const int HorizonTerm = 2;
    private const int AwarenessTerm = 3;
    private const int OverheadTerm = 4;
    private const int ObjectiveTerm = 5;
    private const int NormalisationTerm = 6;
    private const int PenaltyTerm = 7;
    private const int SpeedTerm = 8;
    private const int CameraTerm = 9;
    private const int WorldLossTerm = 10;
    private const int GoalLossTerm = 11;
    private const int LossGapTerm = 12;
    private const int HorizonBonusTerm = 13;
    private const int AwarenessBonusTerm = 14;
    private const int PhaseTerms = 15;

    private readonly double _worldBits;
    private readonly double _deceptiveEntropy;
    private readonly double _deceptiveNormalisation;

    internal EnergyModel(double worldBits, WorldGrid world, ImmutableArray<Branch> branches, int deceptive, ChainAccounting accounting, DynamicsSettings settings, AnalysisSettings analysis, Phase phase)
    {
        _worldBits = worldBits;
        World = world;
        Branches = branches;
        DeceptiveBranch = deceptive;
        Accounting = accounting;
        Settings = settings;
        Analysis = analysis;
        Phase = phase;

        // The proxies kept at the jump share the weight of the deceptive candidate's objective hole. In the energy the
        // normalisation is T log2 of the sum of 2^(-a p / T) over the proxies' bits p, so that their Gibbs weights add up to
        // 2^(-a ObjectiveBits / T) at any a and T; in the description bits K(c) it is log2 of the sum of 2^(-p).
        if (deceptive >= 0)
        {
            var proxies = ProxyBits().ToArray();
            _deceptiveEntropy = settings.Temperature * Log2Math.Sum(proxies.Select(p => -analysis.SimplicityExponent * p / settings.Temperature).ToArray());
            _deceptiveNormalisation = Log2Math.Sum(proxies.Select(p => -p).ToArray());
        }
    }

    /// <summary>The world-model axis: the fraction of the world model at each world step (<see cref="Configuration.World"/> indexes it).</summary>
    public WorldGrid World { get; }

    /// <summary>The branches: index 0 is "no goal yet", then every non-deceptive candidate, then (if any) the deceptive branch.</summary>
    public ImmutableArray<Branch> Branches { get; }

    /// <summary>Index of the deceptive branch in <see cref="Branches"/>, or -1 when no candidate is deceptive.</summary>
    public int DeceptiveBranch { get; }

    /// <summary>The bits a long-term horizon, awareness and the deceptive branch cost (<c>H</c>, <c>A</c>, <c>O</c>, <c>Kobj</c>).</summary>
    public ChainAccounting Accounting { get; }

    /// <summary>The chain's settings: goal resolution <c>r</c>, temperature <c>T</c>, world and goal gaps, pre-training's bonuses.</summary>
    public DynamicsSettings Settings { get; }

    /// <summary>The scenario's analysis settings: the energy's <c>a</c>, <c>lambda</c> and (unless the phase sets its own) <c>n</c>.</summary>
    public AnalysisSettings Analysis { get; }

    /// <summary>The phase whose energy this is.</summary>
    public Phase Phase { get; }

    /// <summary>The energy model of a scenario's chain in one phase, without building the chain's configurations.</summary>
    /// <param name="scenario">The scenario; its analysis settings give <c>a</c>, <c>lambda</c>, <c>n</c> and the hole cost.</param>
    /// <param name="settings">The chain's settings (usually the scenario's <see cref="Scenario.Dynamics"/>).</param>
    /// <param name="phase">The phase; null for pre-training of the settings' duration.</param>
    public static EnergyModel Create(Scenario scenario, DynamicsSettings settings, Phase? phase = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        phase ??= Phase.Pretraining(settings.Duration);
        var (world, branches, deceptive, _, _, _, accounting) = ConfigurationSpace.Layout(StructureScorer.Score(scenario), scenario, settings, phase);
        return new EnergyModel(scenario.WorldModel.TotalBits, world, branches, deceptive, accounting, settings, scenario.Analysis, phase);
    }

    /// <summary>Whether a configuration belongs to this model's chain, and if not, why.</summary>
    /// <param name="configuration">The configuration to check.</param>
    /// <param name="problem">Null when it belongs; otherwise what is wrong, naming the allowed range.</param>
    /// <returns>True when <see cref="Terms"/> accepts the configuration.</returns>
    public bool Contains(Configuration configuration, [NotNullWhen(false)] out string? problem)
    {
        var c = configuration;
        problem = null;
        if (c.World < 0 || c.World > World.Steps)
        {
            problem = Invariant($"world step {c.World} is outside 0 to {World.Steps}");
        }
        else if (c.Branch < 0 || c.Branch >= Branches.Length)
        {
            problem = Invariant($"branch {c.Branch} is outside 0 to {Branches.Length - 1}");
        }
        else if (c.Branch == DeceptiveBranch)
        {
            if (!c.LongTerm || !c.Aware)
            {
                problem = "a deceptive configuration is always long-term and aware";
            }
            else if (c.Origin < 1 || c.Origin >= DeceptiveBranch)
            {
                problem = Invariant($"a deceptive configuration needs the branch its proxy came from, 1 to {DeceptiveBranch - 1}; it has {c.Origin}");
            }
            else if (c.Goal < 0 || c.Goal > Branches[c.Origin].Steps)
            {
                problem = Invariant($"proxy of {c.Goal} steps is outside 0 to {Branches[c.Origin].Steps}, the goal steps of '{Branches[c.Origin].Label}'");
            }
        }
        else if (c.Origin != 0 || c.Defection)
        {
            problem = "only a deceptive configuration has an origin or a defection flag";
        }
        else if (c.Goal < 0 || c.Goal > Branches[c.Branch].Steps)
        {
            problem = Invariant($"goal step {c.Goal} is outside 0 to {Branches[c.Branch].Steps}, the goal steps of '{Branches[c.Branch].Label}'");
        }

        return problem is null;
    }

    /// <summary>The energy of a configuration in this phase, term by term; <see cref="EnergyTerms.Total"/> is the chain's energy to the bit.</summary>
    /// <param name="configuration">A configuration of this model's chain (see <see cref="Contains"/>).</param>
    /// <exception cref="ArgumentException">The configuration is not one of this chain's; the message says why.</exception>
    public EnergyTerms Terms(Configuration configuration)
    {
        ThrowUnlessContained(configuration);
        Span<double> own = stackalloc double[PhaseTerms];
        var phaseEnergy = OwnEnergy(configuration, pretraining: false, own);
        if (!Mixes)
        {
            return ToTerms(own, 0, 0, phaseEnergy, null, phaseEnergy);
        }

        Span<double> pre = stackalloc double[PhaseTerms];
        var preEnergy = OwnEnergy(configuration, pretraining: true, pre);
        var pretraining = ToTerms(pre, 0, 0, preEnergy, null, preEnergy);
        return ToTerms(own, Phase.KlWeight * preEnergy, Phase.PretrainingFraction * (preEnergy - phaseEnergy), phaseEnergy, pretraining, Mix(phaseEnergy, preEnergy));
    }

    /// <summary>The energy of a configuration in this phase, in bits: <see cref="EnergyTerms.Total"/> without the terms.</summary>
    /// <param name="configuration">A configuration of this model's chain (see <see cref="Contains"/>).</param>
    /// <exception cref="ArgumentException">The configuration is not one of this chain's; the message says why.</exception>
    public double Energy(Configuration configuration)
    {
        ThrowUnlessContained(configuration);
        return EnergyOf(configuration);
    }

    /// <summary>
    /// The description bits <c>K(c)</c> of a configuration, the part of its energy that section 4 would call its <c>K</c>:
    /// the world model learned so far (the fraction <c>x_w</c> of its bits), the goal's <c>min(g r, K_b)</c> bits,
    /// <see cref="ChainAccounting.HorizonBits"/> when long-term and <see cref="ChainAccounting.AwarenessBits"/> when aware. A
    /// deceptive configuration is long-term and aware and pays both, plus <see cref="ChainAccounting.OverheadBits"/>, plus
    /// its proxy's bits and the proxies' share of <see cref="ChainAccounting.ObjectiveBits"/>:
    /// <c>p + ObjectiveBits + log2 sum_p' 2^-p'</c> over every deceptive configuration of the same world step. A complete,
    /// myopic, unaware configuration thus holds the world model plus its candidate's section-4 <c>K</c> (with a fine-tuning
    /// conditional's bits), and <c>-log2 sum 2^-(K(c) - world)</c> over the deceptive configurations of one world step is the
    /// deceptive candidate's section-4 <c>K</c>. Oversight's penalty is no description bit and is not included. In bits, at
    /// least 0.
    /// </summary>
    /// <param name="configuration">A configuration of this model's chain (see <see cref="Contains"/>).</param>
    /// <exception cref="ArgumentException">The configuration is not one of this chain's; the message says why.</exception>
    public double DescriptionBits(Configuration configuration)
    {
        ThrowUnlessContained(configuration);
        return DescriptionBitsOf(configuration);
    }

    /// <summary><see cref="Energy"/> without the check, for the chain, which builds only its own configurations.</summary>
    internal double EnergyOf(Configuration c)
    {
        var own = OwnEnergy(c, pretraining: false, default);
        return Mixes ? Mix(own, OwnEnergy(c, pretraining: true, default)) : own;
    }

    /// <summary><see cref="DescriptionBits"/> without the check.</summary>
    internal double DescriptionBitsOf(Configuration c)
    {
        var bits = World.Fractions[c.World] * _worldBits;
        if (c.Branch == DeceptiveBranch)
        {
            return bits + DeceptiveBits(c) + _deceptiveNormalisation;
        }

        return bits + Learned(c.Goal, Branches[c.Branch].Bits) + PrecursorBits(c);
    }

    /// <summary>
    /// The bits learned after <paramref name="steps"/> goal steps of a goal of <paramref name="goalBits"/> bits:
    /// <c>min(steps r, K)</c>, so that the last step carries exactly the fractional remainder. The one place the goal grid
    /// turns steps into bits, for the description bits, the energy, the proxies and the goal moves' base rates.
    /// </summary>
    internal double Learned(int steps, double goalBits) => Math.Min(steps * Settings.GoalResolution, goalBits);

    /// <summary>True when the phase mixes in the pre-training energy (KL regularisation or interspersed pre-training).</summary>
    private bool Mixes => Phase.PretrainingFraction != 0 || Phase.KlWeight != 0;

    /// <summary>Interspersed pre-training and KL regularisation pull the fine-tuning energy towards pre-training's.</summary>
    private double Mix(double own, double pre) =>
        ((1 - Phase.PretrainingFraction) * own) + ((Phase.PretrainingFraction + Phase.KlWeight) * pre);

    private void ThrowUnlessContained(Configuration configuration)
    {
        if (!Contains(configuration, out var problem))
        {
            throw new ArgumentException($"The configuration {configuration} is not one of this chain's: {problem}.", nameof(configuration));
        }
    }

    /// <summary>The record of the terms; adding 0 turns a negative zero (a bonus of 0, negated) into 0 and leaves every other value as it is.</summary>
    private static EnergyTerms ToTerms(ReadOnlySpan<double> t, double kl, double interspersed, double phaseEnergy, EnergyTerms? pretraining, double total) => new(
        t[WorldTerm] + 0.0, t[GoalTerm] + 0.0, t[HorizonTerm] + 0.0, t[AwarenessTerm] + 0.0, t[OverheadTerm] + 0.0, t[ObjectiveTerm] + 0.0,
        t[NormalisationTerm] + 0.0, t[PenaltyTerm] + 0.0, t[SpeedTerm] + 0.0, t[CameraTerm] + 0.0, t[WorldLossTerm] + 0.0, t[GoalLossTerm] + 0.0,
        t[LossGapTerm] + 0.0, t[HorizonBonusTerm] + 0.0, t[AwarenessBonusTerm] + 0.0, kl + 0.0, interspersed + 0.0, phaseEnergy, pretraining, total);

    /// <summary>
    /// The energy of a configuration under this phase's parameters, or under pre-training's (no penalty, no camera model,
    /// the scenario's <c>n</c> and bonuses, goals without a conditional). The total is computed in one fixed order, which
    /// the chain's figures rest on; when <paramref name="terms"/> is not empty it also receives each term (indexed by the
    /// constants above), each weighted as it enters the total.
    /// </summary>
    private double OwnEnergy(Configuration c, bool pretraining, Span<double> terms)
    {
        var a = Analysis.SimplicityExponent;
        var n = pretraining ? Analysis.DataSize : Phase.DataSize ?? Analysis.DataSize;
        var horizonBonus = pretraining ? Settings.HorizonBonus : Phase.HorizonBonus ?? Settings.HorizonBonus;
        var awarenessBonus = pretraining ? Settings.AwarenessBonus : Phase.AwarenessBonus ?? Settings.AwarenessBonus;
        var penalty = !pretraining && c.LongTerm && c.Aware ? Phase.OversightPenaltyBits : 0;
        var branch = Branches[c.Branch];
        var worldFraction = World.Fractions[c.World];
        var bits = worldFraction * _worldBits;
        var loss = Settings.WorldGap * (1 - worldFraction);
        var (speed, camera) = SpeedBits(branch, pretraining);
        if (!terms.IsEmpty)
        {
            terms.Clear();
            terms[WorldTerm] = a * bits;
            terms[PenaltyTerm] = a * penalty;
            terms[SpeedTerm] = speed;
            terms[CameraTerm] = camera;
            terms[WorldLossTerm] = n * loss;
            terms[LossGapTerm] = n * branch.LossGap;
            terms[HorizonTerm] = c.LongTerm ? a * Accounting.HorizonBits : 0;
            terms[AwarenessTerm] = c.Aware ? a * Accounting.AwarenessBits : 0;
            terms[HorizonBonusTerm] = c.LongTerm ? -n * horizonBonus : 0;
            terms[AwarenessBonusTerm] = c.Aware ? -n * awarenessBonus : 0;
        }

        var speedBits = !pretraining && Phase.CameraSpeedWeight is not null ? speed + camera : speed;
        if (c.Branch == DeceptiveBranch)
        {
            bits += DeceptiveBits(c) + penalty;
            loss += branch.LossGap - horizonBonus - awarenessBonus;
            if (!terms.IsEmpty)
            {
                terms[GoalTerm] = a * ProxyBits(c);
                terms[OverheadTerm] = a * Accounting.OverheadBits;
                terms[ObjectiveTerm] = a * Accounting.ObjectiveBits;
                terms[NormalisationTerm] = _deceptiveEntropy;
            }

            return (a * bits) + _deceptiveEntropy + speedBits + (n * loss);
        }

        // The goal gap falls with the bits learned, so the last step, which may hold less than r bits, counts for what it holds.
        var goalBits = pretraining ? branch.PretrainingBits : branch.Bits;
        var learned = Learned(c.Goal, goalBits);
        bits += learned + penalty + PrecursorBits(c);
        var goalFraction = c.Branch == 0 ? 0 : goalBits > 0 ? learned / goalBits : Math.Min(1.0, c.Goal);
        if (!terms.IsEmpty)
        {
            terms[GoalTerm] = a * learned;
            terms[GoalLossTerm] = n * (Settings.GoalGap * (1 - goalFraction));
        }

        loss += (Settings.GoalGap * (1 - goalFraction)) + branch.LossGap;
        loss -= (c.LongTerm ? horizonBonus : 0) + (c.Aware ? awarenessBonus : 0);
        return (a * bits) + speedBits + (n * loss);
    }

    /// <summary>
    /// The speed term in bits, in two parts: <c>lambda log2 T</c> and, with a separate camera model of speed weight
    /// <c>lambda_c</c>, <c>(lambda_c - lambda) log2 C</c> (0 without one), so that their sum is
    /// <c>lambda log2 (T / C) + lambda_c log2 C</c> and <c>lambda_c = lambda</c> gives exactly the term without a camera model.
    /// </summary>
    private (double Speed, double Camera) SpeedBits(Branch branch, bool pretraining)
    {
        var lambda = Analysis.SpeedWeight;
        var bits = lambda * Math.Log2(branch.RuntimeSteps);
        return !pretraining && Phase.CameraSpeedWeight is { } cameraWeight
            ? (bits, (cameraWeight - lambda) * Math.Log2(branch.CameraSteps))
            : (bits, 0);
    }

    /// <summary>Horizon and awareness bits of a non-deceptive configuration.</summary>
    private double PrecursorBits(Configuration c) => (c.LongTerm ? Accounting.HorizonBits : 0) + (c.Aware ? Accounting.AwarenessBits : 0);

    /// <summary>A deceptive configuration's bits before the proxies' normalisation: horizon, awareness, overhead, objective hole and proxy.</summary>
    private double DeceptiveBits(Configuration c) =>
        Accounting.HorizonBits + Accounting.AwarenessBits + Accounting.OverheadBits + Accounting.ObjectiveBits + ProxyBits(c);

    /// <summary>The bits of a deceptive configuration's kept proxy: <c>min(k r, K_origin)</c>, exact at completion.</summary>
    private double ProxyBits(Configuration c) => Learned(c.Goal, Branches[c.Origin].Bits);

    /// <summary>The proxy bits of every deceptive configuration of one world step: every origin, proxy size and flag.</summary>
    private IEnumerable<double> ProxyBits() =>
        Enumerable.Range(1, Branches.Length - 1)
            .Where(b => b != DeceptiveBranch)
            .SelectMany(b => Enumerable.Range(0, Branches[b].Steps + 1).Select(k => Learned(k, Branches[b].Bits)))
            .SelectMany(p => new[] { p, p });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
