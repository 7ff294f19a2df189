using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PredictiveModels.Tests.Conventions;

/// <summary>
/// Which namespaces of the library use which, read from the sources with the C# compiler: every name in a file of
/// <c>src/PredictiveModels/N/</c> that binds to a type or member of another namespace of the library is a reference from
/// <c>N</c> to that namespace. Names in XML documentation and in strings are not references.
/// </summary>
internal static class NamespaceReferences
{
    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), string>> Cached = new(Compute);

    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), string>> CachedRooms = new(ComputeRooms);

    /// <summary>Each reference between two top-level namespaces of the library, with one place that makes it (file and line).</summary>
    public static IReadOnlyDictionary<(string From, string To), string> All => Cached.Value;

    /// <summary>
    /// Each reference between two rooms of <c>Dynamics</c>, with one place that makes it. A room is a folder of
    /// <c>src/PredictiveModels/Dynamics/</c> (<c>Chain</c>, <c>Solvers</c>, <c>Simulation</c>; <c>Training</c> for the files
    /// directly in it); the rooms share the namespace <c>PredictiveModels.Dynamics</c>, so a reference goes to the room of
    /// the file that declares what it names.
    /// </summary>
    public static IReadOnlyDictionary<(string From, string To), string> Rooms => CachedRooms.Value;

    private static IReadOnlyDictionary<(string From, string To), string> ComputeRooms()
    {
        var dynamics = Path.Combine(Source, "Dynamics");
        string? Room(string? file)
        {
            if (file is null || !file.StartsWith(dynamics + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null;
            }

            var parts = Path.GetRelativePath(dynamics, file).Split(Path.DirectorySeparatorChar);
            return parts.Length == 1 ? "Training" : parts[0];
        }

        var found = new Dictionary<(string, string), string>();
        foreach (var tree in Trees.Value)
        {
            var from = Room(tree.FilePath);
            if (from is null)
            {
                continue;
            }

            var model = Compilation.Value.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var declared = symbol switch
                {
                    null or INamespaceSymbol => null,
                    ITypeSymbol t => t.OriginalDefinition,
                    _ => symbol.ContainingType?.OriginalDefinition,
                };
                var to = Room(declared?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath);
                if (to is not null && to != from && !found.ContainsKey((from, to)))
                {
                    found[(from, to)] = $"{Path.GetRelativePath(Source, tree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({name.Identifier.Text})";
                }
            }
        }

        return found;
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);

    private static readonly Lazy<SyntaxTree[]> Trees = new(() => Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, f))
        .ToArray());

    private static string Source => Path.Combine(RepositoryRoot(), "src", "PredictiveModels");

    private static readonly Lazy<CSharpCompilation> Compilation = new(() =>
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("PredictiveModels", StringComparison.Ordinal)))
            .DistinctBy(Path.GetFileName)
            .Select(f => MetadataReference.CreateFromFile(f));
        return CSharpCompilation.Create(
            "PredictiveModels.Layers",
            Trees.Value.Concat([CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;", Options)]),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    });

    /// <summary>Every string literal (or literal part of an interpolated string) of the library that starts like a command-line option (<c>--</c> and a letter), with its file (relative, with '/') and line.</summary>
    public static IReadOnlyList<(string File, int Line, string Text)> OptionNames =>
    [
        .. Trees.Value.SelectMany(tree => tree.GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t.ValueText, "(^|[^-])--[a-z]"))
            .Select(t => (Path.GetRelativePath(Source, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/'), t.GetLocation().GetLineSpan().StartLinePosition.Line + 1, t.ValueText))),
    ];

    private static IReadOnlyDictionary<(string From, string To), string> Compute()
    {
        var source = Source;
        var options = Options;
        var trees = Trees.Value;
        var compilation = Compilation.Value;

        var found = new Dictionary<(string, string), string>();
        foreach (var tree in trees)
        {
            var from = TopNamespace(Path.GetRelativePath(source, tree.FilePath));
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Ancestors().Any(a => a is UsingDirectiveSyntax))
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var ns = symbol switch
                {
                    null or INamespaceSymbol => null,
                    ITypeSymbol t => t.ContainingNamespace,
                    _ => symbol.ContainingType?.ContainingNamespace ?? symbol.ContainingNamespace,
                };
                var to = LibraryNamespace(ns);
                if (to is not null && to != from && !found.ContainsKey((from, to)))
                {
                    found[(from, to)] = $"{Path.GetRelativePath(source, tree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({name.Identifier.Text})";
                }
            }
        }

        return found;
    }

    /// <summary>The top-level namespace a file of the library belongs to: its first folder.</summary>
    private static string TopNamespace(string relativePath) => relativePath.Split(Path.DirectorySeparatorChar)[0];

    /// <summary><c>X</c> for <c>PredictiveModels.X</c> or one of its sub-namespaces; null outside the library.</summary>
    private static string? LibraryNamespace(INamespaceSymbol? ns)
    {
        var parts = new List<string>();
        for (var n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
        {
            parts.Insert(0, n.Name);
        }

        return parts.Count >= 2 && parts[0] == "PredictiveModels" ? parts[1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "PredictiveModels.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("the tests run from inside the repository");
    }
}
