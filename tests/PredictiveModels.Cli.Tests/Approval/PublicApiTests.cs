using PublicApiGenerator;

namespace PredictiveModels.Cli.Tests.Approval;

/// <summary>
/// The public API of the library and of the command-line assembly, as text, against its approved copy: a type or
/// member added, removed or changed fails here until it is approved, so that no change to what users compile against
/// goes unnoticed.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new() { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] };

    [Fact]
    public void The_librarys_public_api_is_the_approved_one()
    {
        Approved.ShouldMatch("PredictiveModels.api.txt", typeof(Scenarios.Scenario).Assembly.GeneratePublicApi(Options));
    }

    [Fact]
    public void The_command_line_assemblys_public_api_is_the_approved_one()
    {
        Approved.ShouldMatch("PredictiveModels.Cli.api.txt", typeof(CliApp).Assembly.GeneratePublicApi(Options));
    }
}
