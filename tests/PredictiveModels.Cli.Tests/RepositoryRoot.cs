namespace PredictiveModels.Cli.Tests;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding PredictiveModels.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    /// <summary>The full path of a file given relative to the repository root with '/' separators.</summary>
    public static string File(string relative) => System.IO.Path.Combine([Path, .. relative.Split('/')]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "PredictiveModels.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PredictiveModels.sln.");
    }
}
