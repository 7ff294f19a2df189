using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Dynamics;

namespace PredictiveModels.Cli.Commands;

/// <summary>
/// Reads the <c>--configuration</c> of <c>explain</c>: comma-separated <c>key=value</c> items naming the parts of a
/// configuration of the chain, its branch given apart (by the structure argument and <c>--mechanism</c>). On a goal
/// branch or with no goal: <c>w</c> (world step, required), <c>g</c> (goal steps, default 0), <c>h</c>
/// (<c>myopic</c> or <c>long-term</c>, default myopic) and <c>s</c> (<c>unaware</c> or <c>aware</c>, default unaware).
/// On the deceptive branch: <c>w</c>, <c>k</c> (the kept proxy's steps, default 0), <c>origin</c> (the candidate key
/// of the branch the proxy came from, required) and <c>flag</c> (<c>race</c> or <c>defection</c>, required); it is
/// long-term and aware, and <c>h</c> and <c>s</c> may only say so. Every error names the item and its position.
/// </summary>
internal static class ConfigurationText
{
    private static readonly string[] HonestKeys = ["w", "g", "h", "s"];
    private static readonly string[] DeceptiveKeys = ["w", "k", "origin", "flag", "h", "s"];

    /// <summary>The configuration <paramref name="text"/> names on <paramref name="branch"/> of <paramref name="model"/>'s chain.</summary>
    /// <exception cref="UsageException">The text is malformed or names a configuration outside the chain; the message says where and why.</exception>
    public static Configuration Parse(string text, EnergyModel model, int branch)
    {
        var deceptive = branch == model.DeceptiveBranch;
        var keys = deceptive ? DeceptiveKeys : HonestKeys;
        var items = new Dictionary<string, (string Value, string Item, int Column)>(StringComparer.Ordinal);
        var column = 1;
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            var at = column + (raw.Length - raw.TrimStart().Length);
            column += raw.Length + 1;
            if (item.Length == 0)
            {
                throw Error(text, at, item, "an empty item; write key=value items separated by commas, e.g. w=3,g=2,h=long-term,s=aware");
            }

            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Error(text, at, item, $"expected key=value, with a key among {string.Join(", ", keys)}");
            }

            var key = item[..equals].Trim();
            if (!keys.Contains(key))
            {
                var why = deceptive ? "on the deceptive branch" : "off the deceptive branch";
                throw Error(text, at, item, $"unknown key '{key}' {why}; the keys are {string.Join(", ", keys)}{NameSuggestions.DidYouMean(key, keys)}");
            }

            if (items.ContainsKey(key))
            {
                throw Error(text, at, item, $"'{key}' is given twice");
            }

            items[key] = (item[(equals + 1)..].Trim(), item, at);
        }

        var world = Whole(text, items, "w", "the world step", 0, model.World.Steps, required: true);
        if (!deceptive)
        {
            var steps = model.Branches[branch].Steps;
            var goal = Whole(text, items, "g", $"the goal step of '{model.Branches[branch].Label}'", 0, steps, required: false);
            var longTerm = Choice(text, items, "h", "myopic", "long-term") ?? false;
            var aware = Choice(text, items, "s", "unaware", "aware") ?? false;
            return new Configuration(world, branch, goal, longTerm, aware);
        }

        if (Choice(text, items, "h", "myopic", "long-term") == false || Choice(text, items, "s", "unaware", "aware") == false)
        {
            var (_, item, at) = Choice(text, items, "h", "myopic", "long-term") == false ? items["h"] : items["s"];
            throw Error(text, at, item, "a deceptive configuration is always long-term and aware");
        }

        var origin = Origin(text, items, model);
        var proxy = Whole(text, items, "k", $"the proxy's steps of '{model.Branches[origin].Label}'", 0, model.Branches[origin].Steps, required: false);
        var defection = Choice(text, items, "flag", "race", "defection")
            ?? throw new UsageException($"--configuration '{text}': a deceptive configuration needs flag=race (it jumped from a partial goal) or flag=defection (from a complete one)");
        return new Configuration(world, branch, proxy, true, true, origin, defection);
    }

    /// <summary>How a configuration is written back, in the notation <see cref="Parse"/> reads.</summary>
    public static string Format(EnergyModel model, Configuration c) => c.Branch == model.DeceptiveBranch
        ? Invariant($"w={c.World},k={c.Goal},origin={model.Branches[c.Origin].Label},flag={(c.Defection ? "defection" : "race")}")
        : Invariant($"w={c.World},g={c.Goal},h={(c.LongTerm ? "long-term" : "myopic")},s={(c.Aware ? "aware" : "unaware")}");

    private static int Whole(string text, Dictionary<string, (string Value, string Item, int Column)> items, string key, string what, int min, int max, bool required)
    {
        if (!items.TryGetValue(key, out var found))
        {
            return required
                ? throw new UsageException(Invariant($"--configuration '{text}': {key}= is required: {what}, {min} to {max}"))
                : 0;
        }

        if (!int.TryParse(found.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(text, found.Column, found.Item, Invariant($"{what} must be a whole number, {min} to {max}"));
        }

        if (value < min || value > max)
        {
            throw Error(text, found.Column, found.Item, Invariant($"{what} is {value}, outside {min} to {max}"));
        }

        return value;
    }

    /// <summary>False for <paramref name="no"/>, true for <paramref name="yes"/>, null when the key is absent.</summary>
    private static bool? Choice(string text, Dictionary<string, (string Value, string Item, int Column)> items, string key, string no, string yes)
    {
        if (!items.TryGetValue(key, out var found))
        {
            return null;
        }

        return found.Value == yes ? true
            : found.Value == no ? false
            : throw Error(text, found.Column, found.Item, $"{key} is '{no}' or '{yes}'{NameSuggestions.DidYouMean(found.Value, [no, yes])}");
    }

    private static int Origin(string text, Dictionary<string, (string Value, string Item, int Column)> items, EnergyModel model)
    {
        var origins = Enumerable.Range(1, model.Branches.Length - 1).Where(b => b != model.DeceptiveBranch).ToArray();
        var labels = origins.Select(b => model.Branches[b].Label).ToArray();
        if (!items.TryGetValue("origin", out var found))
        {
            throw new UsageException($"--configuration '{text}': a deceptive configuration needs origin=KEY, the candidate its proxy came from: {string.Join(", ", labels)}");
        }

        var index = Array.IndexOf(labels, found.Value);
        return index >= 0
            ? origins[index]
            : throw Error(text, found.Column, found.Item, $"no branch '{found.Value}'; the origins are {string.Join(", ", labels)}{NameSuggestions.DidYouMean(found.Value, labels)}");
    }

    private static UsageException Error(string text, int column, string item, string message) =>
        new(Invariant($"--configuration '{text}', at character {column} ('{item}'): {message}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
