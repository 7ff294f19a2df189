namespace PredictiveModels.Diagnostics;

/// <summary>Suggests the closest known name for a misspelt one.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// The longest name for which a suggestion is sought, in characters: the edit distance costs the product of
    /// the two lengths, so a hostile name of a million characters must not reach it.
    /// </summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// Returns <c>"; did you mean 'x'?"</c> for the nearest name within a small edit distance, else an empty string.
    /// Names shorter than three characters or longer than <see cref="MaxNameLength"/> get no suggestion, and candidates whose length alone puts
    /// them out of reach are skipped, so the cost is at most the number of candidates times <see cref="MaxNameLength"/> squared.
    /// </summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        if (name.Length > MaxNameLength || name.Length < 3)
        {
            // Below three characters every name is one slip from too many others for a guess to help.
            return "";
        }

        var limit = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var d = Distance(name, candidate);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= limit ? $"; did you mean '{best}'?" : "";
    }

    private static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    // Two neighbouring letters swapped ("scroe" for "score") is one slip, not two.
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
