using System.Xml.Linq;

namespace PredictiveModels.Rendering.Tests.Docs;

/// <summary>
/// Every figure in docs/ is produced by this test. It renders the figure from the library and compares it with the
/// committed copy: the drawn texts and the colours used must be the same (positions depend on the machine's fonts, so
/// the bytes are not compared). With <c>PM_APPROVE=1</c> it writes the committed copy instead.
/// </summary>
public sealed class DocsFigureTests
{
    public static TheoryData<string> Figures => ["posterior-by-class.svg"];

    [Theory]
    [MemberData(nameof(Figures))]
    public void The_committed_figure_is_what_the_chart_code_draws_today(string name)
    {
        var chart = Render(name);
        var path = Path.Combine(RepositoryRoot(), "docs", "images", name);
        if (Environment.GetEnvironmentVariable("PM_APPROVE") == "1")
        {
            File.WriteAllText(path, chart.Svg);
        }

        File.Exists(path).Should().BeTrue($"docs/images/{name} is committed (write it with PM_APPROVE=1)");
        var committed = XDocument.Parse(File.ReadAllText(path));
        var rendered = XDocument.Parse(chart.Svg);
        Texts(committed).Should().Equal(Texts(rendered), $"docs/images/{name} is stale: rewrite it with PM_APPROVE=1");
        Colours(committed).Should().Equal(Colours(rendered), $"docs/images/{name} is stale: rewrite it with PM_APPROVE=1");
    }

    private static SvgChart Render(string name) => name switch
    {
        "posterior-by-class.svg" => PosteriorChart.ByClass(Results.Posterior),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such figure"),
    };

    private static string[] Texts(XDocument svg) => [.. svg.Descendants().Where(e => e.Name.LocalName is "text" or "title").Select(e => e.Value.Trim())];

    private static string[] Colours(XDocument svg) => [.. svg.Descendants()
        .SelectMany(e => new[] { (string?)e.Attribute("fill"), (string?)e.Attribute("stroke") })
        .OfType<string>().Where(c => c.StartsWith('#')).Distinct().Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PredictiveModels.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PredictiveModels.sln not found above " + AppContext.BaseDirectory);
    }
}
