using PredictiveModels.Structures;

namespace PredictiveModels.Cli.Rendering.Documents;

/// <summary>The <c>classes</c> objects of the documents: each outcome class's name with its probability, in the order of <see cref="OutcomeClass"/>.</summary>
internal static class ClassProbabilities
{
    /// <summary>Each class of a distribution with its probability (0 to 1); the undecided mass is not among them.</summary>
    public static IReadOnlyDictionary<string, double> Of(OutcomeDistribution distribution)
    {
        // A Dictionary enumerates in the order of insertion while nothing is removed, so the keys serialise in class order.
        var classes = new Dictionary<string, double>(distribution.Count);
        foreach (var (k, p) in distribution)
        {
            classes.Add(k.ToString(), p);
        }

        return classes;
    }
}
