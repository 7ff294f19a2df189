using Xunit.Sdk;

namespace PredictiveModels.Cli.Tests.Packaging;

/// <summary>
/// Packs the solution once for the packaging tests, with a version no one else uses and with
/// its build output in a temporary folder, so that neither the global package cache nor the
/// repository's own bin/obj folders see the test build. Deletes everything it made on dispose.
/// </summary>
public sealed class PackedSolution : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Packs the solution; throws with the pack output when it fails.</summary>
    public PackedSolution()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid().ToString("N")[..8]}";
        Root = Directory.CreateTempSubdirectory("predictive-models-packaging-").FullName;
        PackageFolder = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        PrivatePackageCache = Directory.CreateDirectory(Path.Combine(Root, "nuget-cache")).FullName;

        PackResult = ProcessRunner.Run(
            Dotnet,
            [
                "pack", Path.Combine(RepositoryRoot, "PredictiveModels.sln"),
                "-c", "Release",
                "-o", PackageFolder,
                "--artifacts-path", Path.Combine(Root, "artifacts"),
                $"-p:Version={Version}",
                $"-p:RepositoryUrl={RepositoryUrl}",
                "-nodeReuse:false",
            ],
            RepositoryRoot,
            PackTimeout,
            ChildEnvironment());
        if (PackResult.TimedOut || PackResult.ExitCode != 0)
        {
            Dispose();
            throw new XunitException("Packing the solution failed.\n" + PackResult.Describe());
        }
    }

    /// <summary>The folder holding <c>PredictiveModels.sln</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary>
    /// The repository URL the packages are packed with. The checkout has no public address; SourceLink would take one
    /// from an <c>origin</c> remote (docs/packaging.md). This reserved name never resolves; it shows the URL reaching the nuspec.
    /// </summary>
    public static string RepositoryUrl => "https://example.invalid/predictive-models.git";

    /// <summary>The unique package version of this test run.</summary>
    public string Version { get; }

    /// <summary>The temporary folder everything of this run lives in.</summary>
    public string Root { get; }

    /// <summary>The pack output folder, used as a local package feed.</summary>
    public string PackageFolder { get; }

    /// <summary>A package cache of this run only (<c>NUGET_PACKAGES</c>), used by the consumers.</summary>
    public string PrivatePackageCache { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public ProcessResult PackResult { get; }

    /// <summary>The dotnet host running the tests (the CLI sets <c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from the PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The path of a package of this run in the pack folder.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="extension"><c>nupkg</c> or <c>snupkg</c>.</param>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(PackageFolder, $"{id}.{Version}.{extension}");

    /// <summary>
    /// The environment of child dotnet commands: quiet, no lingering build nodes, none of the
    /// MSBuild variables the test host inherited from <c>dotnet test</c>, and optionally the
    /// private package cache.
    /// </summary>
    /// <param name="privateCache">Whether restores go to <see cref="PrivatePackageCache"/>.</param>
    public Dictionary<string, string?> ChildEnvironment(bool privateCache = false)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (Path.GetDirectoryName(Dotnet) is { Length: > 0 } dotnetRoot)
        {
            environment["DOTNET_ROOT"] = dotnetRoot;
        }

        if (privateCache)
        {
            environment["NUGET_PACKAGES"] = PrivatePackageCache;
        }

        return environment;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TryDelete(Root);

        // The consumers restore into the private cache; should a restore have ignored it, remove
        // this run's version from the global cache too, so that it never shadows a later pack.
        var globalCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "predictivemodels", "predictivemodels.cli", "predictivemodels.rendering", "predictivemodels.interactive" })
        {
            TryDelete(Path.Combine(globalCache, id, Version.ToLowerInvariant()));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary folder must not fail the tests.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PredictiveModels.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PredictiveModels.sln.");
    }
}
