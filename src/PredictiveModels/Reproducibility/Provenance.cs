using System.Reflection;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Reproducibility;

/// <summary>
/// What a result rests on, for citing it: the version of the library that computed it, the fingerprint of the
/// scenario it was computed from, and the seed of its random draws when it makes any.
/// </summary>
/// <param name="Version">
/// The library's version, with the commit it was built from after a <c>+</c> when it was built from a git checkout
/// (for example <c>0.1.0+ee86c8f4…</c>, 40 hexadecimal digits); see <see cref="LibraryVersion"/>.
/// </param>
/// <param name="ScenarioSha256">
/// The scenario's <see cref="Scenario.Sha256"/>: 64 lower-case hexadecimal digits; null for a scenario built in code
/// (or changed in code after it was read), which has no document to fingerprint, and for a result of no scenario.
/// </param>
/// <param name="Seed">The seed every random draw of the result comes from; null when the result draws nothing.</param>
public sealed record Provenance(string Version, string? ScenarioSha256, ulong? Seed)
{
    /// <summary>
    /// The informational version of this library: its semantic version, followed by <c>+COMMIT</c> when the build knew
    /// the git commit of its sources.
    /// </summary>
    public static string LibraryVersion { get; } =
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Provenance).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The commit part of <see cref="LibraryVersion"/> (after the <c>+</c>), or null when the build did not know it.</summary>
    public string? Commit => Version.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0 ? Version[(plus + 1)..] : null;

    /// <summary>The provenance of a result computed by this library from <paramref name="scenario"/>, drawing from <paramref name="seed"/> if it draws at all.</summary>
    /// <param name="scenario">The scenario the result was computed from; null for a result of no scenario.</param>
    /// <param name="seed">The seed of the result's random draws; null when it makes none.</param>
    public static Provenance Of(Scenario? scenario, ulong? seed = null) => new(LibraryVersion, scenario?.Sha256, seed);

    /// <summary>
    /// The fields in the order and spelling of the JSON field <c>provenance</c>, absent ones left out:
    /// <c>version=V, scenarioSha256=H, seed=S</c>. Every text output of the tool and the notebook formatters write this line.
    /// </summary>
    public override string ToString()
    {
        var fields = new List<string> { "version=" + Version };
        if (ScenarioSha256 is { } sha)
        {
            fields.Add("scenarioSha256=" + sha);
        }

        if (Seed is { } seed)
        {
            fields.Add("seed=" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(", ", fields);
    }
}
