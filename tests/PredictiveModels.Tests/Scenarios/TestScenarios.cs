using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>Scenarios the tests share, and the repository's files.</summary>
internal static class TestScenarios
{
    public static Scenario Default => Scenario.Default;

    /// <summary>The folder that holds PredictiveModels.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PredictiveModels.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PredictiveModels.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "scenarios", name);

    /// <summary>Every shipped scenario file, those in subfolders (samples/scenarios/perspectives) included, as paths for <see cref="Sample"/>, in ordinal order.</summary>
    public static IEnumerable<string> SampleFiles()
    {
        var folder = Path.Combine(RepositoryRoot, "samples", "scenarios");
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }
}
