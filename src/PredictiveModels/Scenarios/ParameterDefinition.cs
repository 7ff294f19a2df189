using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// One numeric parameter of a scenario, declared once: its path form, unit, valid range, default, meaning, the key
/// that holds it in a scenario file, and how to read it from a scenario and make a scenario with another value.
/// A definition stands for a family of paths when its form names something of the scenario (<c>NAME</c>, <c>ID</c>
/// or <c>KIND</c>): <c>phases.NAME.klWeight</c> covers the KL weight of every phase. Immutable; the definitions are
/// those of <see cref="ParameterRegistry.All"/>.
/// </summary>
public sealed class ParameterDefinition
{
    private readonly Func<Scenario, string, double?> _read;
    private readonly Func<Scenario, string, double, Scenario> _write;
    private readonly Func<Scenario, string, string?>? _refusal;
    private readonly Func<double?> _default;
    private readonly Func<string, string>? _unitOf;
    private readonly string? _defaultSource;

    internal ParameterDefinition(
        ParameterScope scope,
        string key,
        string unit,
        ParameterRange range,
        string what,
        string description,
        Func<double?> defaultValue,
        string? defaultSource,
        Func<Scenario, string, double?> read,
        Func<Scenario, string, double, Scenario> write,
        string? shortName = null,
        string? note = null,
        string? notSweepable = null,
        string? helpUnit = null,
        Func<string, string>? unitOf = null,
        Func<Scenario, string, string?>? refusal = null)
    {
        Scope = scope;
        Key = key;
        Unit = unit;
        Range = range;
        What = what;
        Description = description;
        _defaultSource = defaultSource;
        ShortName = shortName;
        Note = note;
        NotSweepableReason = notSweepable;
        HelpUnit = helpUnit ?? unit;
        _default = defaultValue;
        _read = read;
        _write = write;
        _unitOf = unitOf;
        _refusal = refusal;
        Form = scope switch
        {
            ParameterScope.Analysis => "analysis." + key,
            ParameterScope.WorldModel => "worldModel." + key,
            ParameterScope.Concept => $"concepts.NAME.{key}",
            ParameterScope.BuiltIn => $"builtins.NAME.{key}",
            ParameterScope.Structure => $"structures.ID.{key}",
            ParameterScope.Dynamics => "dynamics." + key,
            ParameterScope.Rate => "dynamics.rates.KIND",
            _ => $"phases.NAME.{key}",
        };
    }

    /// <summary>The path form, e.g. <c>phases.NAME.klWeight</c>, <c>dynamics.rates.KIND</c> or <c>analysis.dataSize</c>.</summary>
    public string Form { get; }

    /// <summary>Where in a scenario the parameter lives.</summary>
    public ParameterScope Scope { get; }

    /// <summary>
    /// The key that holds the value in its mapping of a scenario file (<c>klWeight</c> in a phase of <c>dynamics.phases</c>);
    /// for <see cref="ParameterScope.Rate"/>, <c>KIND</c>: the key is the kind of move, in <c>dynamics.rates</c>.
    /// </summary>
    public string Key { get; }

    /// <summary>The short form of the path, e.g. <c>a</c> for <c>analysis.simplicityExponent</c>; null when there is none.</summary>
    public string? ShortName { get; }

    /// <summary>The unit of the value, e.g. <c>bits</c>, <c>tokens</c> or <c>per unit of training time</c>.</summary>
    public string Unit { get; }

    /// <summary>The unit as help texts explain it (often <see cref="Unit"/> itself).</summary>
    public string HelpUnit { get; }

    /// <summary>The values accepted.</summary>
    public ParameterRange Range { get; }

    /// <summary>What the parameter means, in a sentence.</summary>
    public string Description { get; }

    /// <summary>
    /// The default when a scenario leaves the key out, or null when the default is not a fixed number but comes from
    /// elsewhere (another key, or a derivation; see <see cref="DefaultSource"/>).
    /// </summary>
    public double? Default => _default();

    /// <summary>The default in words: the number, or where the value comes from when the key is left out (e.g. <c>analysis.dataSize</c>).</summary>
    public string DefaultSource => _defaultSource ?? DescribeDefault?.Invoke() ?? ParameterRange.FormatBound(Default!.Value);

    /// <summary>Words the default when it is neither one number nor a fixed text (the base rates, one per kind).</summary>
    internal Func<string>? DescribeDefault { get; init; }

    /// <summary>What help texts add after the range (e.g. <c>sets the chain's size</c>); null when nothing.</summary>
    public string? Note { get; }

    /// <summary>Why a sweep cannot set the parameter; null when it can (<see cref="IsSweepable"/>).</summary>
    public string? NotSweepableReason { get; }

    /// <summary>True when <see cref="ScenarioParameter"/> can set the parameter, so that a sweep can vary it.</summary>
    public bool IsSweepable => NotSweepableReason is null;

    /// <summary>True when changing the value changes candidates' scores (a concept's, a built-in's, the world model's or a structure's number).</summary>
    public bool ChangesScores => Scope is ParameterScope.WorldModel or ParameterScope.Concept or ParameterScope.BuiltIn or ParameterScope.Structure;

    /// <summary>True when the value changes only the training chain (a phase's or the chain's setting), neither the scores nor the section-4 posterior.</summary>
    public bool ChangesOnlyTraining => Scope is ParameterScope.Phase or ParameterScope.Dynamics or ParameterScope.Rate;

    /// <summary>True when the form names something of the scenario (<c>NAME</c>, <c>ID</c> or <c>KIND</c>).</summary>
    public bool IsFamily => Scope is ParameterScope.Concept or ParameterScope.BuiltIn or ParameterScope.Structure or ParameterScope.Rate or ParameterScope.Phase;

    /// <summary>How messages name the value, with <c>NAME</c> standing for the name of the family member.</summary>
    internal string What { get; }

    /// <summary>For a setting of the analyses: the settings with the value changed (the scenario reader applies a file's keys with it).</summary>
    internal Func<AnalysisSettings, double, AnalysisSettings>? WithAnalysis { get; init; }

    /// <summary>For a phase's parameter: the phase with the value changed (the scenario reader applies a file's keys with it).</summary>
    internal Func<Phase, double, Phase>? WithPhase { get; init; }

    /// <summary>For a chain's setting or rate: the settings with the value changed, given the member's name (the kind of move of a rate).</summary>
    internal Func<DynamicsSettings, string, double, DynamicsSettings>? WithDynamics { get; init; }

    /// <summary>The path of one member of the family, e.g. <c>phases.rl-fine-tuning.klWeight</c> for <paramref name="name"/> <c>rl-fine-tuning</c>.</summary>
    /// <param name="name">The concept, built-in, structure, kind of move or phase; ignored (give "") when the form names none.</param>
    public string PathOf(string name) => IsFamily ? Form.Replace(Scope switch
    {
        ParameterScope.Structure => "ID",
        ParameterScope.Rate => "KIND",
        _ => "NAME",
    }, name, StringComparison.Ordinal) : Form;

    /// <summary>The unit of one member of the family (the rates differ by kind: world models, goal bits or events per unit of training time).</summary>
    /// <param name="name">As for <see cref="PathOf"/>.</param>
    public string UnitOf(string name) => _unitOf?.Invoke(name) ?? Unit;

    /// <summary>Null when <paramref name="value"/> is valid, else the error, naming the value as messages do.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">As for <see cref="PathOf"/>.</param>
    public string? Check(double value, string name = "") => Range.Check(value, WhatOf(name));

    /// <summary>
    /// The value in <paramref name="scenario"/>: the one it states or, when it states none, the default in force; null when
    /// the default is derived rather than a number (<c>dynamics.horizonBits</c> and <c>dynamics.awarenessBits</c> without
    /// an override: the training chain derives them from section 4).
    /// </summary>
    /// <param name="scenario">A scenario that has the member <paramref name="name"/>.</param>
    /// <param name="name">As for <see cref="PathOf"/>.</param>
    public double? Get(Scenario scenario, string name = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _read(scenario, name);
    }

    /// <summary>A copy of <paramref name="scenario"/> with the parameter set to <paramref name="value"/>, checked by the types that hold it.</summary>
    /// <param name="scenario">A scenario that has the member <paramref name="name"/>.</param>
    /// <param name="name">As for <see cref="PathOf"/>.</param>
    /// <param name="value">The new value, in <see cref="Unit"/>.</param>
    /// <exception cref="ModelException">The value is out of range.</exception>
    public Scenario Set(Scenario scenario, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _write(scenario, name, value);
    }

    /// <summary>Why the path with <paramref name="name"/> cannot be used with <paramref name="scenario"/>, or null when it can.</summary>
    internal string? Refusal(Scenario scenario, string name) => _refusal?.Invoke(scenario, name);

    /// <summary>How messages name one member's value, e.g. <c>the bits of concept 'corpus'</c>.</summary>
    internal string WhatOf(string name) => What.Replace("NAME", name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Form}: {Unit}; {Range}";
}
