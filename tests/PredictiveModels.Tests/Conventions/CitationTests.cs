using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PredictiveModels.Tests.Scenarios;
using YamlDotNet.RepresentationModel;

namespace PredictiveModels.Tests.Conventions;

/// <summary>
/// CITATION.cff, LICENSE and README's BibTeX entry restate facts whose one source is Directory.Build.props
/// (the version, the license, the authors, the copyright); these tests keep them from drifting apart.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly Lazy<XElement> BuildProperties = new(() =>
        XDocument.Load(Path.Combine(TestScenarios.RepositoryRoot, "Directory.Build.props")).Root!);

    private static readonly Lazy<YamlMappingNode> Citation = new(() =>
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestScenarios.RepositoryRoot, "CITATION.cff"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    });

    [Fact]
    public void The_citation_file_is_cff_1_2_0_with_the_keys_the_format_requires()
    {
        Scalar(Citation.Value, "cff-version").Should().Be("1.2.0");
        Scalar(Citation.Value, "message").Should().NotBeNullOrWhiteSpace();
        Scalar(Citation.Value, "title").Should().NotBeNullOrWhiteSpace();
        Scalar(Citation.Value, "abstract").Should().NotBeNullOrWhiteSpace();
        ((YamlSequenceNode)Citation.Value.Children[new YamlScalarNode("keywords")]).Children.Should().NotBeEmpty();
        DateOnly.TryParseExact(Scalar(Citation.Value, "date-released"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            .Should().BeTrue("CFF wants date-released as YYYY-MM-DD");
    }

    [Fact]
    public void The_citation_version_is_the_version_the_packages_are_built_with()
    {
        Scalar(Citation.Value, "version").Should().Be(Property("Version"));
    }

    [Fact]
    public void The_citation_license_is_the_package_license()
    {
        Scalar(Citation.Value, "license").Should().Be(Property("PackageLicenseExpression"));
    }

    [Fact]
    public void The_citation_authors_are_the_package_authors_as_one_entity()
    {
        var authors = ((YamlSequenceNode)Citation.Value.Children[new YamlScalarNode("authors")]).Children;

        authors.Should().ContainSingle();
        Scalar((YamlMappingNode)authors[0], "name").Should().Be(Property("Authors"), "an entity author has a name, a person a given and a family name");
    }

    [Fact]
    public void The_license_file_is_the_mit_license_with_the_package_copyright()
    {
        Property("PackageLicenseExpression").Should().Be("MIT", "LICENSE holds the MIT text");
        var lines = File.ReadAllLines(Path.Combine(TestScenarios.RepositoryRoot, "LICENSE"));

        lines[0].Should().Be("MIT License");
        lines.Should().Contain(Property("Copyright"));
    }

    [Fact]
    public void The_bibtex_entry_in_the_readme_cites_the_current_version()
    {
        var readme = File.ReadAllText(Path.Combine(TestScenarios.RepositoryRoot, "README.md"));

        var entry = BibtexEntry().Match(readme);
        entry.Success.Should().BeTrue("README's \"How to cite\" gives a BibTeX entry");
        BibtexVersion().Match(entry.Value).Groups[1].Value.Should().Be(Property("Version"));
        entry.Value.Should().Contain($"author = {{{{{Property("Authors")}}}}}", "the authors are one entity, braced so BibTeX does not split the name");
        entry.Value.Should().Contain($"title = {{{{{Scalar(Citation.Value, "title")}}}}}", "the title is CITATION.cff's");
    }

    private static string Property(string name) =>
        BuildProperties.Value.Descendants(name).Single().Value;

    private static string Scalar(YamlMappingNode mapping, string key) =>
        ((YamlScalarNode)mapping.Children[new YamlScalarNode(key)]).Value!;

    [GeneratedRegex(@"```bibtex\n@software\{[^`]*```")]
    private static partial Regex BibtexEntry();

    [GeneratedRegex(@"version = \{([^}]*)\}")]
    private static partial Regex BibtexVersion();
}
