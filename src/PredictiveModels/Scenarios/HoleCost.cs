namespace PredictiveModels.Scenarios;

/// <summary>Which cost counts for an expression with holes.</summary>
public enum HoleCost
{
    /// <summary><c>Kclass = -log2 M</c>: the mass of every filling counts (the counting argument).</summary>
    Class,

    /// <summary><c>Kmin</c>: only the cheapest filling counts.</summary>
    Min,
}
