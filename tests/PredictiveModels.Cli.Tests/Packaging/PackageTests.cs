using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PredictiveModels.Complexity;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Cli.Tests.Packaging;

/// <summary>
/// The packages as users get them: <c>dotnet pack</c> of the solution, the library restored by a
/// fresh project from a local feed, and the tool installed from it. Slow (a full Release build and
/// two restores): filter with <c>--filter Category!=Slow</c> to skip.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class PackageTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Each package and the project folder its PACKAGE.md is in.</summary>
    public static TheoryData<string, string> Packages => new()
    {
        { "PredictiveModels", "src/PredictiveModels" },
        { "PredictiveModels.Cli", "src/PredictiveModels.Cli" },
        { "PredictiveModels.Rendering", "src/PredictiveModels.Rendering" },
        { "PredictiveModels.Interactive", "src/PredictiveModels.Interactive" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_package_has_a_description_tags_the_license_the_urls_and_a_readme_of_its_own_without_repository_links(string id, string project)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath(id));
        var nuspec = Nuspec(package);

        Element(nuspec, "description").Should().NotBeNullOrWhiteSpace().And.NotBe("Package Description", "the SDK's placeholder is no description");
        Element(nuspec, "tags")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Contain(["ai-alignment", "predictive-models"]);
        Element(nuspec, "authors").Should().Be("PredictiveModels developers");
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        ((string?)license.Attribute("type")).Should().Be("expression");
        license.Value.Should().Be("MIT");

        // The URL comes from the repository URL (here given on the command line; SourceLink takes it from the origin remote).
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        ((string?)repository.Attribute("type")).Should().Be("git");
        ((string?)repository.Attribute("url")).Should().Be(PackedSolution.RepositoryUrl);
        ((string?)repository.Attribute("commit")).Should().MatchRegex("^[0-9a-f]{40}$");
        Element(nuspec, "projectUrl").Should().Be(PackedSolution.RepositoryUrl[..^".git".Length], "the project URL follows the repository URL");

        Element(nuspec, "readme").Should().Be("README.md");
        var readme = Read(package, "README.md");
        readme.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(Path.Combine(packed.RepositoryRoot, project, "PACKAGE.md")).ReplaceLineEndings("\n"), "the package's README is the project's PACKAGE.md");
        readme.Should().StartWith($"# {id}\n");
        MarkdownLinkTargets().Matches(readme).Select(m => m.Groups["target"].Value).Where(target => !target.StartsWith("https://", StringComparison.Ordinal))
            .Should().BeEmpty("a link must work on a package page, outside the repository");
        Read(package, "CITATION.cff").Should().Be(File.ReadAllText(Path.Combine(packed.RepositoryRoot, "CITATION.cff")));
    }

    [Theory]
    [InlineData("PredictiveModels", "")]
    [InlineData("PredictiveModels", "contentFiles/any/any/PredictiveModels/")]
    [InlineData("PredictiveModels.Cli", "")]
    public void The_library_and_the_tool_carry_the_schema_and_every_sample_whose_schema_line_holds_inside_the_package(string id, string root)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath(id));
        var entries = Entries(package).ToHashSet(StringComparer.Ordinal);

        Read(package, root + "docs/scenario.schema.json").Should().Be(File.ReadAllText(Path.Combine(packed.RepositoryRoot, "docs", "scenario.schema.json")));
        Read(package, root + "docs/scenario.schema.json").Should().Contain("\"$id\": \"urn:predictive-models:scenario:1\"", "the shipped copy is the schema its id names (docs/packaging.md)");
        var folder = Path.Combine(packed.RepositoryRoot, "samples", "scenarios");
        var samples = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToList();
        samples.Should().Contain(["default.yaml", "minimal.yaml", "minimal.json", "perspectives/hubinger-lm-scaled.yaml"]);
        foreach (var sample in samples)
        {
            var entry = $"{root}samples/scenarios/{sample}";
            Read(package, entry).Should().Be(File.ReadAllText(Path.Combine(folder, sample)), "{0} is the repository's sample", entry);
            if (sample.EndsWith(".yaml", StringComparison.Ordinal))
            {
                var first = Read(package, entry).Split('\n')[0];
                var schema = first.StartsWith("# yaml-language-server: $schema=", StringComparison.Ordinal) ? first["# yaml-language-server: $schema=".Length..] : first;
                var target = Resolve(entry[..entry.LastIndexOf('/')], schema);
                entries.Should().Contain(target, "{0} starts with '{1}', which must name a file of the package", entry, first);
            }
        }
    }

    [Fact]
    public void The_library_declares_its_content_files_as_none_and_not_copied_to_the_output()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath("PredictiveModels"));

        var files = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "files").ToList();
        files.Should().NotBeEmpty();
        files.Should().OnlyContain(f => (string?)f.Attribute("buildAction") == "None" && (string?)f.Attribute("copyToOutput") == "false", "a consumer's project shows them but neither compiles nor copies them");
        files.Select(f => (string?)f.Attribute("include")).Should().Contain(["any/any/PredictiveModels/docs/scenario.schema.json", "any/any/PredictiveModels/samples/scenarios/default.yaml"]);
    }

    [Fact]
    public void Packing_the_solution_yields_the_library_with_readme_xml_docs_and_symbols_and_the_tool_package()
    {
        var files = Directory.GetFiles(packed.PackageFolder).Select(Path.GetFileName).ToArray();
        files.Should().Contain(
            [$"PredictiveModels.{packed.Version}.nupkg", $"PredictiveModels.{packed.Version}.snupkg", $"PredictiveModels.Cli.{packed.Version}.nupkg", $"PredictiveModels.Rendering.{packed.Version}.nupkg", $"PredictiveModels.Interactive.{packed.Version}.nupkg"],
            "the library, its symbols, the tool, the charts and the notebook package are packed");
        files.Should().OnlyContain(
            f => f!.StartsWith($"PredictiveModels.{packed.Version}.", StringComparison.Ordinal) || f.StartsWith($"PredictiveModels.Cli.{packed.Version}.", StringComparison.Ordinal)
                || f.StartsWith($"PredictiveModels.Rendering.{packed.Version}.", StringComparison.Ordinal) || f.StartsWith($"PredictiveModels.Interactive.{packed.Version}.", StringComparison.Ordinal),
            "tests and benchmarks are not packable");

        using (var library = ZipFile.OpenRead(packed.PackagePath("PredictiveModels")))
        {
            Entries(library).Should().Contain(["README.md", "lib/net10.0/PredictiveModels.dll", "lib/net10.0/PredictiveModels.xml"]);
            Read(library, "lib/net10.0/PredictiveModels.xml").Should().Contain("<member name=\"T:PredictiveModels.Complexity.StructureScorer\">");
            var nuspec = Nuspec(library);
            Element(nuspec, "readme").Should().Be("README.md");
            Element(nuspec, "license").Should().Be("MIT");
            nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id"))
                .Should().Contain(["MathNet.Numerics", "YamlDotNet"]);
        }

        using (var symbols = ZipFile.OpenRead(packed.PackagePath("PredictiveModels", "snupkg")))
        {
            Entries(symbols).Should().Contain("lib/net10.0/PredictiveModels.pdb");
        }

        using var tool = ZipFile.OpenRead(packed.PackagePath("PredictiveModels.Cli"));
        Entries(tool).Should().Contain(
            ["README.md", "tools/net10.0/any/DotnetToolSettings.xml", "tools/net10.0/any/predictive-models.dll", "tools/net10.0/any/PredictiveModels.dll"]);
        var command = XDocument.Parse(Read(tool, "tools/net10.0/any/DotnetToolSettings.xml")).Descendants("Command").Should().ContainSingle().Subject;
        ((string?)command.Attribute("Name")).Should().Be("predictive-models");
        ((string?)command.Attribute("EntryPoint")).Should().Be("predictive-models.dll");
        Nuspec(tool).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"))
            .Should().Contain("DotnetTool");
    }

    [Fact]
    public void The_notebook_package_carries_its_kernel_extension_and_depends_on_the_library_and_its_charts_but_not_on_the_kernel()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath("PredictiveModels.Interactive"));

        Entries(package).Should().Contain(["lib/net10.0/PredictiveModels.Interactive.dll", "lib/net10.0/PredictiveModels.Interactive.xml", "interactive-extensions/dotnet/extension.dib"]);
        Read(package, "interactive-extensions/dotnet/extension.dib").Should().Contain("Formatter.Register");
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        dependencies.Should().Contain("PredictiveModels");
        dependencies.Should().Contain("PredictiveModels.Rendering", "the formatters draw their charts with the rendering layer");
        dependencies.Should().NotContain(id => id!.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fresh_project_restores_the_library_from_the_local_feed_and_scores_the_default_scenario()
    {
        var folder = Directory.CreateDirectory(Path.Combine(packed.Root, "consumer")).FullName;

        // Empty build files stop MSBuild looking further up for ones that are not ours.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, name), "<Project />\n");
        }

        // The local feed is added to the configured sources, so the dependencies still come from nuget.org.
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="predictive-models-local" value="{packed.PackageFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PredictiveModels" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System.Reflection;
            using PredictiveModels.Complexity;
            using PredictiveModels.Scenarios;

            var scenario = Scenario.Default;
            var report = StructureScorer.Score(scenario);
            var first = report.Candidates[0];
            var version = typeof(Scenario).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            Console.WriteLine($"version={version}");
            Console.WriteLine(FormattableString.Invariant($"structures={scenario.Structures.Length}"));
            Console.WriteLine(FormattableString.Invariant($"{first.Candidate.Key} bits={first.Bits:R}"));
            """);

        var run = ProcessRunner.Run(PackedSolution.Dotnet, ["run", "--project", "Consumer.csproj"], folder, CommandTimeout, packed.ChildEnvironment(privateCache: true));

        // The packaged library must agree with the one these tests are built against.
        var expected = StructureScorer.Score(Scenario.Default).Candidates[0];
        run.ShouldSucceed()
            .ShouldPrint($"version={packed.Version}")
            .ShouldPrint(string.Create(CultureInfo.InvariantCulture, $"structures={Scenario.Default.Structures.Length}"))
            .ShouldPrint(string.Create(CultureInfo.InvariantCulture, $"{expected.Candidate.Key} bits={expected.Bits:R}"));
    }

    [Fact]
    public void The_tool_package_installs_from_the_local_feed_and_lists_the_default_structures()
    {
        var toolPath = Path.Combine(packed.Root, "tool");
        var environment = packed.ChildEnvironment(privateCache: true);
        ProcessRunner.Run(
                PackedSolution.Dotnet,
                ["tool", "install", "--tool-path", toolPath, "--add-source", packed.PackageFolder, "PredictiveModels.Cli", "--version", packed.Version],
                packed.Root,
                CommandTimeout,
                environment)
            .ShouldSucceed();

        ProcessRunner.Run(Path.Combine(toolPath, "predictive-models"), ["structures"], packed.Root, CommandTimeout, environment)
            .ShouldSucceed()
            .ShouldPrint("deceptive-agent");
    }

    private static IEnumerable<string> Entries(ZipArchive package) => package.Entries.Select(e => e.FullName);

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader((package.GetEntry(entry) ?? throw new InvalidOperationException($"{entry} is missing")).Open());
        return reader.ReadToEnd();
    }

    private static XDocument Nuspec(ZipArchive package) =>
        XDocument.Parse(Read(package, package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal)).FullName));

    private static string? Element(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>A relative path (with '..') resolved against a folder of the package, as an entry name.</summary>
    private static string Resolve(string folder, string relative)
    {
        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLinkTargets();
}
