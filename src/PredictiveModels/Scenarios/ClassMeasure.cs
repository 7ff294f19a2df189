namespace PredictiveModels.Scenarios;

/// <summary>
/// How the members of a class (the fillings of an expression's holes) are weighed in its class mass
/// <c>M = sum over fillings of 2^-L</c>. Both are always reported; <see cref="AnalysisSettings.ClassMeasure"/> says which
/// one a candidate's <c>K</c> uses when holes cost their class.
/// </summary>
public enum ClassMeasure
{
    /// <summary>
    /// The world model's own code: a symbol costs <c>-log2(weight / total weight of its type's alternatives)</c>, so
    /// the alternatives of a type share one unit of probability, and a class's mass is at most 1. Adding objectives to
    /// the world model can only make each existing one dearer: the class's mass cannot grow.
    /// </summary>
    Normalised,

    /// <summary>
    /// The counting argument's reading: every symbol keeps its own cost however many others its type has,
    /// <c>max(0, -log2(weight / (total weight of the type's built-ins + 1)))</c> (the cost it would have as the only
    /// concept of its type, at unit weight), so each admissible objective adds its own mass and a class's mass grows
    /// with the number of its members; it can exceed 1, and then its <c>Kclass</c> is negative.
    /// </summary>
    Counting,
}
