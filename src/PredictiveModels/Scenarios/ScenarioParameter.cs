using System.Collections.Immutable;
using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>
/// A numeric parameter of a scenario addressed by a path, which can be read and set to produce a new scenario. The
/// paths are those of the sweepable definitions of <see cref="ParameterRegistry"/> (<see cref="Forms"/>), with their
/// names filled in: <c>analysis.simplicityExponent</c> (or <c>a</c>), <c>analysis.speedWeight</c> (or <c>lambda</c>),
/// <c>analysis.dataSize</c> (or <c>n</c>); <c>concepts.NAME.bits</c> (base concepts), <c>concepts.NAME.weight</c>,
/// <c>builtins.NAME.weight</c>, <c>worldModel.literalWeight</c>; <c>structures.ID.lossGap</c>,
/// <c>structures.ID.runtimeSteps</c>, <c>structures.ID.deriveSteps</c>; <c>phases.NAME.KEY</c> for every number of a
/// training phase and <c>dynamics.KEY</c>, <c>dynamics.rates.KIND</c> for every setting of the chain (these change the
/// training chain only, see <see cref="ChangesOnlyTraining"/>). A path of a parameter that a sweep cannot set
/// (<c>dynamics.maxConfigurations</c>, for example) is refused with the reason.
/// </summary>
public sealed class ScenarioParameter
{
    private readonly string _name;

    private ScenarioParameter(string path, ParameterDefinition definition, string name)
    {
        Path = path;
        Definition = definition;
        _name = name;
    }

    /// <summary>Every definition a path can name, in the order help texts list them.</summary>
    public static ImmutableArray<ParameterDefinition> Forms { get; } = [.. ParameterRegistry.All.Where(d => d.IsSweepable)];

    /// <summary>Every path form, for help texts and messages (e.g. <c>analysis.simplicityExponent (a)</c>, <c>phases.NAME.klWeight</c>).</summary>
    public static ImmutableArray<string> PathForms { get; } = [.. Forms.Select(FormText)];

    /// <summary>
    /// Every path form with its unit and valid range, one line each, in the order of <see cref="Forms"/>; "training chain
    /// only" ends the line of a path that changes only the training chain (<see cref="ChangesOnlyTraining"/>), e.g.
    /// <c>dynamics.goalResolution: bits per goal step; &gt; 0; sets the chain's size; training chain only</c>.
    /// </summary>
    public static ImmutableArray<string> PathDescriptions { get; } = [.. Forms.Select(d => Describe(d) + (d.ChangesOnlyTraining ? "; training chain only" : ""))];

    /// <summary>The canonical path, e.g. <c>concepts.corpus.bits</c>.</summary>
    public string Path { get; }

    /// <summary>The parameter's definition: unit, range, default, meaning.</summary>
    public ParameterDefinition Definition { get; }

    /// <summary>The unit of the value, e.g. <c>bits</c> or <c>tokens</c>.</summary>
    public string Unit => Definition.UnitOf(_name);

    /// <summary>True when changing the value changes candidates' scores (not only the posterior's parameters).</summary>
    public bool ChangesScores => Definition.ChangesScores;

    /// <summary>True for a parameter of a training phase: it changes the training chain but neither the scores nor the section-4 posterior.</summary>
    public bool IsPhaseParameter => Definition.Scope == ParameterScope.Phase;

    /// <summary>True for a setting of the chain (<c>dynamics.*</c>): it changes the training chain but neither the scores nor the section-4 posterior.</summary>
    public bool IsDynamicsParameter => Definition.Scope is ParameterScope.Dynamics or ParameterScope.Rate;

    /// <summary>True when the parameter changes only the training chain (a phase's or the chain's setting), so only a training sweep can use it.</summary>
    public bool ChangesOnlyTraining => Definition.ChangesOnlyTraining;

    /// <summary>True when the parameter takes whole numbers only (<c>dynamics.worldSteps</c>); <see cref="Set"/> refuses other values.</summary>
    public bool IsInteger => Definition.Range.WholeNumbers;

    /// <summary>A path form with its short name, e.g. <c>analysis.simplicityExponent (a)</c>.</summary>
    /// <param name="definition">A definition of <see cref="ParameterRegistry"/>.</param>
    public static string FormText(ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.ShortName is null ? definition.Form : $"{definition.Form} ({definition.ShortName})";
    }

    /// <summary>A path form with its unit, range and note, e.g. <c>phases.NAME.klWeight: weight; 0 to 1e6</c>.</summary>
    /// <param name="definition">A definition of <see cref="ParameterRegistry"/>.</param>
    public static string Describe(ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"{FormText(definition)}: {definition.HelpUnit}; {definition.Range}{(definition.Note is null ? "" : "; " + definition.Note)}";
    }

    /// <summary>Resolves a path against a scenario.</summary>
    /// <param name="path">A path of one of the forms of <see cref="PathForms"/>.</param>
    /// <param name="scenario">The scenario whose names the path uses.</param>
    /// <exception cref="ModelException">The path has an unknown form, names something the scenario lacks, or names a parameter a sweep cannot set.</exception>
    public static ScenarioParameter Parse(string path, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scenario);
        var (definition, name) = Resolve(path, scenario);
        if (definition.NotSweepableReason is { } reason)
        {
            throw Unknown(reason, path);
        }

        if (definition.Refusal(scenario, name) is { } refusal)
        {
            throw Unknown(refusal, path);
        }

        return new ScenarioParameter(definition.PathOf(name), definition, name);
    }

    /// <summary>Every path <see cref="Parse"/> accepts for <paramref name="scenario"/>, with its names filled in (short forms included).</summary>
    /// <param name="scenario">The scenario whose concepts, built-ins, structures and phases name the paths.</param>
    public static IEnumerable<string> ValidPaths(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Forms.Where(d => d.ShortName is not null).Select(d => d.ShortName!)
            .Concat(Forms.SelectMany(d => NamesOf(d.Scope, scenario).Where(n => d.Refusal(scenario, n) is null).Select(d.PathOf)));
    }

    /// <summary>The parameter's value in <paramref name="scenario"/>: the one it states or the default in force; null for
    /// <c>dynamics.horizonBits</c> and <c>dynamics.awarenessBits</c> without an override, whose values the training chain derives
    /// from section 4 (<c>ChainAccounting</c> in the dynamics).</summary>
    /// <param name="scenario">A scenario that has the parameter.</param>
    public double? Get(Scenario scenario) => Definition.Get(scenario, _name);

    /// <summary>A copy of <paramref name="scenario"/> with the parameter set to <paramref name="value"/>.</summary>
    /// <param name="scenario">A scenario that has the parameter.</param>
    /// <param name="value">The new value; it must be valid for the parameter.</param>
    /// <exception cref="ModelException">The value is out of the parameter's range; the diagnostic names the parameter.</exception>
    public Scenario Set(Scenario scenario, double value)
    {
        if (IsInteger && double.IsFinite(value) && value != Math.Round(value))
        {
            throw new ModelException($"{Path} = {SpecificationRules.Format(value)}: {Path} counts {Unit}, so it takes whole numbers only", null, Path);
        }

        try
        {
            return Definition.Set(scenario, _name, value);
        }
        catch (ModelException e)
        {
            throw new ModelException(e.Diagnostics.Select(d => d with { Message = $"{Path} = {SpecificationRules.Format(value)}: {d.Message}", Path = Path }));
        }
    }

    /// <summary>The definition and the name (concept, structure, phase, kind of move; "" for none) a path names.</summary>
    private static (ParameterDefinition Definition, string Name) Resolve(string path, Scenario scenario)
    {
        if (ParameterRegistry.All.FirstOrDefault(d => d.ShortName == path || (!d.IsFamily && d.Form == path)) is { } plain)
        {
            return (plain, "");
        }

        var parts = path.Split('.');
        switch (parts)
        {
            case ["concepts", var name, var key] when Find(ParameterScope.Concept, key) is { } concept:
                _ = scenario.WorldModel.FindConcept(name)
                    ?? throw Unknown($"the scenario has no concept '{name}'{NameSuggestions.DidYouMean(name, scenario.WorldModel.Concepts.Select(c => c.Name))}", path);
                return (concept, name);
            case ["builtins", var name, var key] when Find(ParameterScope.BuiltIn, key) is { } builtIn:
                if (!scenario.WorldModel.BuiltIns.Any(b => b.Name == name))
                {
                    throw Unknown($"there is no built-in '{name}'{NameSuggestions.DidYouMean(name, scenario.WorldModel.BuiltIns.Select(b => b.Name))}", path);
                }

                return (builtIn, name);
            case ["structures", var id, var key] when Find(ParameterScope.Structure, key) is { } structure:
                _ = scenario.FindStructure(id)
                    ?? throw Unknown($"the scenario has no structure '{id}'{NameSuggestions.DidYouMean(id, scenario.Structures.Select(s => s.Id))}", path);
                return (structure, id);
            case ["phases", var name, var key]:
                if (Find(ParameterScope.Phase, key) is { } phase)
                {
                    return (phase, name);
                }

                var phaseKeys = Forms.Where(d => d.Scope == ParameterScope.Phase).Select(d => d.Key).ToArray();
                throw Unknown($"'{key}' is not a numeric parameter of a phase{NameSuggestions.DidYouMean(key, phaseKeys)}; use {string.Join(", ", phaseKeys[..^1])} or {phaseKeys[^1]}", path);
            case ["dynamics", "rates", var kind]:
                var rate = ParameterRegistry.Get(ParameterScope.Rate, "KIND");
                if (kind != "reset" && !ParameterRegistry.RateKinds.Contains(kind))
                {
                    throw Unknown($"'{kind}' is not a kind of move with a base rate{NameSuggestions.DidYouMean(kind, ParameterRegistry.RateKinds)}; the kinds are {string.Join(", ", ParameterRegistry.RateKinds)}", path);
                }

                return (rate, kind);
            case ["dynamics", "rates"]:
                throw Unknown($"give the kind of move: dynamics.rates.KIND, KIND one of {string.Join(", ", ParameterRegistry.RateKinds)}", path);
            case ["dynamics", var key]:
                var settings = Forms.Where(d => d.Scope is ParameterScope.Dynamics or ParameterScope.Rate).Select(d => d.Form["dynamics.".Length..]).ToArray();
                throw Unknown($"'{key}' is not a numeric setting of the chain{NameSuggestions.DidYouMean(key, settings)}. The settings are {string.Join(", ", settings)}", path);
            default:
                throw Unknown($"'{path}' is not a parameter path{NameSuggestions.DidYouMean(path, ValidPaths(scenario))}; the forms are:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", PathDescriptions)}", path);
        }
    }

    private static ParameterDefinition? Find(ParameterScope scope, string key) =>
        ParameterRegistry.All.FirstOrDefault(d => d.Scope == scope && d.Key == key);

    /// <summary>The names a family of <paramref name="scope"/> takes in <paramref name="scenario"/>; "" alone for a scope whose form names nothing.</summary>
    private static IEnumerable<string> NamesOf(ParameterScope scope, Scenario scenario) => scope switch
    {
        ParameterScope.Concept => scenario.WorldModel.Concepts.Select(c => c.Name),
        ParameterScope.BuiltIn => scenario.WorldModel.BuiltIns.Select(b => b.Name),
        ParameterScope.Structure => scenario.Structures.Select(s => s.Id),
        ParameterScope.Phase => scenario.Phases.Select(p => p.Name),
        ParameterScope.Rate => ParameterRegistry.RateKinds,
        _ => [""],
    };

    private static ModelException Unknown(string message, string path) => new(message, null, path);
}
