using PredictiveModels.Diagnostics;

namespace PredictiveModels.Scenarios;

/// <summary>The settings of a scenario's analyses. Immutable; <see cref="Create"/> checks every value.</summary>
public sealed class AnalysisSettings
{
    /// <summary>The default size bound of class masses: fillings of up to this many nodes per hole are counted.</summary>
    public const int DefaultSizeBound = 12;

    /// <summary>The largest size bound accepted, in nodes.</summary>
    public const int MaxSizeBound = 512;

    /// <summary>Default effective data size <c>n</c>: 10^9 tokens.</summary>
    public const double DefaultDataSize = 1e9;

    /// <summary>The largest simplicity exponent and speed weight accepted (10^6): every weighted cost then stays far from overflowing a double.</summary>
    public const double MaxExponent = 1e6;

    /// <summary>The largest data size accepted, in tokens (10^30).</summary>
    public const double MaxDataSize = 1e30;

    /// <summary>Default share below which a structure counts as eliminated: 10^-6.</summary>
    public const double DefaultEliminationThreshold = 1e-6;

    private AnalysisSettings(HoleCost holeCost, int sizeBound, double simplicityExponent, double speedWeight, double dataSize, double eliminationThreshold, ClassMeasure classMeasure)
    {
        HoleCost = holeCost;
        ClassMeasure = classMeasure;
        SizeBound = sizeBound;
        SimplicityExponent = simplicityExponent;
        SpeedWeight = speedWeight;
        DataSize = dataSize;
        EliminationThreshold = eliminationThreshold;
    }

    /// <summary>The settings used when a scenario gives none (every default below).</summary>
    public static AnalysisSettings Default { get; } = new(HoleCost.Class, DefaultSizeBound, 1.0, 0.0, DefaultDataSize, DefaultEliminationThreshold, ClassMeasure.Normalised);

    /// <summary>Which cost counts for structures with holes (both are always reported). Default <see cref="HoleCost.Class"/>.</summary>
    public HoleCost HoleCost { get; }

    /// <summary>
    /// How a class's members are weighed when holes cost their class (both measures are always reported). Default
    /// <see cref="Scenarios.ClassMeasure.Normalised"/>. It moves the simplicity posterior; training's chain keeps the
    /// normalised measure.
    /// </summary>
    public ClassMeasure ClassMeasure { get; }

    /// <summary>Largest number of nodes per hole filling counted in class masses: 1 to <see cref="MaxSizeBound"/>. Default 12.</summary>
    public int SizeBound { get; }

    /// <summary>Simplicity exponent <c>a</c> of the prior <c>2^(-a K)</c>: finite, at least 0 (0 switches the simplicity prior off). Default 1.</summary>
    public double SimplicityExponent { get; }

    /// <summary>Speed weight <c>lambda</c>, in bits per doubling of runtime steps: finite, at least 0 (0 switches the speed prior off). Default 0.</summary>
    public double SpeedWeight { get; }

    /// <summary>Effective data size <c>n</c> in tokens, which multiplies each loss gap (bits per token): finite, at least 0. Default 10^9.</summary>
    public double DataSize { get; }

    /// <summary>The share of the posterior below which a structure counts as eliminated: strictly between 0 and 1. Default 10^-6.</summary>
    public double EliminationThreshold { get; }

    /// <summary>Creates settings; every argument has the default of <see cref="Default"/>.</summary>
    /// <param name="holeCost">Class or min.</param>
    /// <param name="sizeBound">1 to <see cref="MaxSizeBound"/> nodes.</param>
    /// <param name="simplicityExponent"><c>a</c>: finite, at least 0.</param>
    /// <param name="speedWeight"><c>lambda</c>: finite, at least 0.</param>
    /// <param name="dataSize"><c>n</c> in tokens: finite, at least 0.</param>
    /// <param name="eliminationThreshold">Strictly between 0 and 1.</param>
    /// <param name="classMeasure">Normalised or counting.</param>
    /// <exception cref="ModelException">A value is out of range; the diagnostic names the setting.</exception>
    public static AnalysisSettings Create(
        HoleCost holeCost = HoleCost.Class,
        int sizeBound = DefaultSizeBound,
        double simplicityExponent = 1.0,
        double speedWeight = 0.0,
        double dataSize = DefaultDataSize,
        double eliminationThreshold = DefaultEliminationThreshold,
        ClassMeasure classMeasure = ClassMeasure.Normalised)
    {
        var bag = new DiagnosticBag();
        Check(bag, "sizeBound", sizeBound);
        bag.AddRange(CheckPosteriorParameters(simplicityExponent, speedWeight, dataSize));
        Check(bag, "eliminationThreshold", eliminationThreshold);
        bag.ThrowIfAny();
        return new AnalysisSettings(holeCost, sizeBound, simplicityExponent, speedWeight, dataSize, eliminationThreshold, classMeasure);
    }

    /// <summary>Returns a copy with the given settings changed; the result is checked like <see cref="Create"/>.</summary>
    /// <param name="holeCost">New hole cost, or null to keep it.</param>
    /// <param name="sizeBound">New size bound, or null to keep it.</param>
    /// <param name="simplicityExponent">New <c>a</c>, or null to keep it.</param>
    /// <param name="speedWeight">New <c>lambda</c>, or null to keep it.</param>
    /// <param name="dataSize">New <c>n</c>, or null to keep it.</param>
    /// <param name="eliminationThreshold">New threshold, or null to keep it.</param>
    /// <param name="classMeasure">New class measure, or null to keep it.</param>
    public AnalysisSettings With(
        HoleCost? holeCost = null,
        int? sizeBound = null,
        double? simplicityExponent = null,
        double? speedWeight = null,
        double? dataSize = null,
        double? eliminationThreshold = null,
        ClassMeasure? classMeasure = null) =>
        Create(
            holeCost ?? HoleCost,
            sizeBound ?? SizeBound,
            simplicityExponent ?? SimplicityExponent,
            speedWeight ?? SpeedWeight,
            dataSize ?? DataSize,
            eliminationThreshold ?? EliminationThreshold,
            classMeasure ?? ClassMeasure);

    /// <summary>Checks <c>a</c>, <c>lambda</c> and <c>n</c> against their ranges in <see cref="ParameterRegistry"/>.</summary>
    internal static IEnumerable<Diagnostic> CheckPosteriorParameters(double a, double lambda, double n)
    {
        foreach (var (key, value) in new[] { ("simplicityExponent", a), ("speedWeight", lambda), ("dataSize", n) })
        {
            var definition = ParameterRegistry.Get(ParameterScope.Analysis, key);
            if (definition.Check(value) is { } error)
            {
                yield return new Diagnostic(error, null, definition.PathOf(""));
            }
        }
    }

    /// <summary>Checks a setting against its range in <see cref="ParameterRegistry"/>.</summary>
    private static void Check(DiagnosticBag bag, string key, double value)
    {
        var definition = ParameterRegistry.Get(ParameterScope.Analysis, key);
        if (definition.Check(value) is { } error)
        {
            bag.Add(error, null, definition.PathOf(""));
        }
    }
}
