using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>
/// The docs' parameter tables agree with <see cref="ParameterRegistry"/>: the reference table of docs/scenario-format.md
/// is generated from it (<c>PM_APPROVE=1</c> rewrites it), and the hand-written tables that state a range or a default
/// state the registry's.
/// </summary>
public sealed partial class ParameterDocsTests
{
    private const string TableStart = "<!-- parameter-table: generated from ParameterRegistry -->";
    private const string TableEnd = "<!-- end of parameter-table -->";

    [Fact]
    public void The_reference_table_of_scenario_format_md_is_generated_from_the_registry()
    {
        var path = Doc("scenario-format.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(TableStart, StringComparison.Ordinal) + TableStart.Length;
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        var expected = "\n" + ReferenceTable();

        if (Environment.GetEnvironmentVariable("PM_APPROVE") == "1")
        {
            File.WriteAllText(path, text[..start] + expected + text[end..]);
            return;
        }

        text[start..end].Should().Be(expected, "the table is generated from ParameterRegistry; run the tests with PM_APPROVE=1 to rewrite it");
    }

    [Theory]
    [InlineData("scenario-format.md", "analysis", ParameterScope.Analysis)]
    [InlineData("scenario-format.md", "worldModel", ParameterScope.WorldModel)]
    [InlineData("scenario-format.md", "worldModel.concepts[]", ParameterScope.Concept)]
    [InlineData("scenario-format.md", "structures[]", ParameterScope.Structure)]
    public void Each_key_table_of_scenario_format_md_lists_every_key_with_the_registrys_range_and_default(string doc, string section, ParameterScope scope)
    {
        var rows = Rows(Section(File.ReadAllText(Doc(doc)), $"### `{section}`"));

        foreach (var definition in ParameterRegistry.InScope(scope))
        {
            var row = rows.SingleOrDefault(r => r[0] == $"`{definition.Key}`");
            row.Should().NotBeNull($"{doc} documents {definition.Form} in its table of {section}");
            RangeIn(row![3]).Should().Be(Describe(definition.Range), $"{doc} states the range of {definition.Form}");
            if (definition.Default is { } value)
            {
                Number(row[4].Trim('`')).Should().Be(value, $"{doc} states the default of {definition.Form}");
            }
        }
    }

    [Fact]
    public void The_parameter_table_of_posterior_md_states_the_registrys_ranges_and_defaults()
    {
        var rows = Rows(Section(File.ReadAllText(Doc("posterior.md")), "## Parameters"));

        foreach (var definition in ParameterRegistry.InScope(ParameterScope.Analysis))
        {
            var row = rows.Single(r => r[0] == $"`{definition.Form}`");
            RangeIn(row[3]).Should().Be(Describe(definition.Range), $"posterior.md states the range of {definition.Form}");
            Number(row[4]).Should().Be(definition.Default, $"posterior.md states the default of {definition.Form}");
        }
    }

    [Fact]
    public void The_phase_lever_table_of_scenario_format_md_states_the_registrys_units_and_ranges()
    {
        var rows = Rows(Section(File.ReadAllText(Doc("scenario-format.md")), "## Training dynamics (`dynamics`)"));

        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            var definition = ParameterRegistry.Get(ParameterScope.Phase, row[0].Trim('`'));
            RangeIn(row[2]).Should().Be(Describe(definition.Range), $"scenario-format.md states the range of {definition.Form}");
        }
    }

    [Fact]
    public void The_phase_table_of_dynamics_md_lists_every_numeric_key_of_a_phase_but_the_duration_it_gives_in_its_text()
    {
        var rows = Rows(Section(File.ReadAllText(Doc("dynamics.md")), "## Phases and levers"));
        var documented = rows.SelectMany(r => BacktickedKeys().Matches(r[0]).Select(m => m.Groups[1].Value));

        documented.Should().Contain(ParameterRegistry.InScope(ParameterScope.Phase).Select(d => d.Key).Where(k => k != "duration"));
    }

    /// <summary>The reference table: one row per parameter of the registry, in its order.</summary>
    internal static string ReferenceTable()
    {
        var b = new StringBuilder();
        b.Append("| path | unit | range | default | sweep | meaning |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var d in ParameterRegistry.All)
        {
            var path = d.ShortName is null ? $"`{d.Form}`" : $"`{d.Form}` (`{d.ShortName}`)";
            var sweep = !d.IsSweepable ? "no" : d.ChangesOnlyTraining ? "`--dynamics` only" : "yes";
            var note = d.Note is null ? "" : $"; {d.Note}";
            b.Append(CultureInfo.InvariantCulture, $"| {path} | {d.HelpUnit} | {d.Range}{note} | {d.DefaultSource} | {sweep} | {d.Description} |\n");
        }

        return b.ToString();
    }

    /// <summary>A range in the words of the docs' tables: <c>&gt;= 0</c>, <c>&gt; 0</c>, <c>0 to 10^6</c>, <c>strictly between 0 and 1</c>, <c>whole number, 1 to 512</c>.</summary>
    private static string Describe(ParameterRange range)
    {
        var whole = range.WholeNumbers ? "whole number, " : "";
        if (!range.HasMaximum)
        {
            return whole + (range.MinimumExclusive ? "> " : ">= ") + Words(range.Minimum);
        }

        return range.MinimumExclusive && range.MaximumExclusive
            ? $"strictly between {Words(range.Minimum)} and {Words(range.Maximum)}"
            : $"{whole}{Words(range.Minimum)} to {Words(range.Maximum)}";
    }

    private static string Words(double value)
    {
        var exponent = value > 0 ? (int)Math.Round(Math.Log10(value)) : 0;
        return value > 0 && (exponent > 4 || exponent < -2) && double.Parse($"1e{exponent}", CultureInfo.InvariantCulture) == value
            ? $"10^{exponent}"
            : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The range a cell states: the first phrase of a form <see cref="Describe"/> writes.</summary>
    private static string? RangeIn(string cell)
    {
        var match = RangePhrase().Match(cell.Replace("`", "", StringComparison.Ordinal));
        return match.Success ? match.Value : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text.Replace("10^", "1e", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The text of a section, from its heading to the next heading of its level or above.</summary>
    private static string Section(string text, string heading)
    {
        text = text.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the doc has the heading {heading}");
        var level = heading.TakeWhile(c => c == '#').Count();
        var next = Regex.Match(text[(start + heading.Length + 2)..], $"\n#{{1,{level}}} ");
        return next.Success ? text.Substring(start, heading.Length + 2 + next.Index) : text[start..];
    }

    /// <summary>The body rows of every table of a text, as cells.</summary>
    private static List<string[]> Rows(string text) =>
    [
        .. text.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .Where(cells => cells[0] != "key" && cells[0] != "setting (scenario key)"),
    ];

    private static string Doc(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PredictiveModels.sln")))
            {
                return Path.Combine(folder.FullName, "docs", name);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PredictiveModels.sln.");
    }

    [GeneratedRegex(@"(whole number, )?(>=? -?[0-9.]+(\^-?[0-9]+)?|strictly between [0-9.^-]+ and [0-9.^-]+|-?[0-9.]+(\^-?[0-9]+)? to -?[0-9.]+(\^-?[0-9]+)?)")]
    private static partial Regex RangePhrase();

    [GeneratedRegex(@"`([A-Za-z]+)`")]
    private static partial Regex BacktickedKeys();
}
