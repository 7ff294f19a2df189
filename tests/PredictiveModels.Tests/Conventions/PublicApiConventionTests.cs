using System.Reflection;
using System.Runtime.CompilerServices;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Conventions;

public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(Scenario).Assembly.GetExportedTypes();

    [Fact]
    public void Every_public_class_is_sealed_static_or_an_abstract_base_of_the_library()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Where(t => !(t.IsAbstract && PublicTypes.Any(d => d != t && d.IsSubclassOf(t))))
            .Select(t => t.FullName);

        open.Should().BeEmpty("public classes are sealed unless the library itself derives from them");
    }

    [Fact]
    public void No_public_property_can_be_set_after_construction()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        settable.Should().BeEmpty("specifications and results are immutable");
    }

    [Fact]
    public void Every_public_type_lives_in_a_namespace_named_after_a_part_of_the_model()
    {
        var allowed = new[] { "Diagnostics", "WorldModels", "Expressions", "Complexity", "Structures", "Scenarios", "Posterior", "Dynamics", "Analysis", "Uncertainty", "Reproducibility" }
            .Select(n => "PredictiveModels." + n);

        PublicTypes.Select(t => t.Namespace).Distinct().Should().OnlyContain(n => allowed.Contains(n));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
