using System.Globalization;

namespace PredictiveModels.Cli.Tests;

/// <summary>
/// A host that runs under another culture (de-DE writes 1,5 for 1.5 and 1.234,5 for 1,234.5) gets exactly
/// the output, messages and option readings the invariant culture gives.
/// </summary>
public sealed class CultureInvarianceTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static TheoryData<string[]> Commands => new()
    {
        { ["score", "--format", "table"] },
        { ["score", "--format", "json"] },
        { ["score", "--format", "csv"] },
        { ["score", "--format", "markdown"] },
        { ["explain", "deceptive-agent"] },
        { ["explain", "deceptive-agent", "--format", "json"] },
        { ["posterior"] },
        { ["posterior", "--format", "csv"] },
        { ["structures", "--format", "markdown"] },
        { ["sweep", "-p", "n", "--from", "0.5", "--to", "1.5", "--steps", "3"] },
        { ["sweep", "-p", "a", "--from", "0.5", "--to", "1.5", "--steps", "3", "--format", "json"] },
        { ["validate", "samples/scenarios/minimal.json"] },
        { ["sweep", "-p", "n", "--from", "1", "--to", "1,5"] },
        { ["train", "--trajectories", "1.5"] },
        { ["validate", "samples/scenarios/no-such-file.yaml"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_command_under_de_DE_prints_what_it_prints_under_the_invariant_culture(string[] args)
    {
        var resolved = args.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepositoryRoot.File(a) : a).ToArray();
        var invariant = await Under(CultureInfo.InvariantCulture, resolved);

        var german = await Under(German, resolved);

        german.Should().Be(invariant);
    }

    [Fact]
    public async Task An_option_value_with_a_decimal_point_is_read_as_one_and_a_half_under_de_DE()
    {
        var run = await Under(German, ["sweep", "-p", "n", "--from", "0", "--to", "1.5", "--steps", "2", "--format", "csv"]);

        run.ExitCode.Should().Be(ExitCodes.Success, run.Error);
        CsvText.Parse(run.Output).Skip(1).Select(row => row[0]).Should().Equal("0", "1.5");
    }

    [Fact]
    public void Scenario_numbers_and_messages_do_not_depend_on_the_culture()
    {
        const string text = "schemaVersion: 1\nextends: default\nanalysis:\n  dataSize: 1.5\n  simplicityExponent: -0.5\n";
        var invariant = Read(CultureInfo.InvariantCulture, text);

        var german = Read(German, text);

        german.Should().Be(invariant).And.Contain("-0.5");
    }

    private static string Read(CultureInfo culture, string text)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            PredictiveModels.Scenarios.ScenarioLoader.Parse(text, "culture.yaml");
            return "no error";
        }
        catch (PredictiveModels.Diagnostics.ModelException e)
        {
            return e.Message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static async Task<CliRun> Under(CultureInfo culture, string[] args)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return await CliRun.Of(args);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}

/// <summary>The real program in a child process whose runtime has globalization on and whose locale is German.</summary>
[Trait("Category", "Slow")]
public sealed class ProcessCultureTests
{
    public static TheoryData<string[]> Commands => new()
    {
        { ["sweep", "-p", "n", "--from", "0.5", "--to", "1.5", "--steps", "3", "--format", "csv"] },
        { ["score", "--format", "json"] },
        { ["posterior"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_program_under_LANG_de_DE_with_globalization_on_prints_what_it_prints_in_the_invariant_culture(string[] args)
    {
        using var folder = new TempFolder();

        // The tool ships with invariant globalization; a runtime configuration that switches it on plays a
        // machine where it is on, and LANG then makes the process culture de-DE.
        var shipped = Path.Combine(AppContext.BaseDirectory, "predictive-models.runtimeconfig.json");
        var globalized = folder.Write("globalized.runtimeconfig.json", File.ReadAllText(shipped).Replace("\"System.Globalization.Invariant\": true", "\"System.Globalization.Invariant\": false", StringComparison.Ordinal));
        File.ReadAllText(globalized).Should().Contain("\"System.Globalization.Invariant\": false");

        var invariant = await Run(args, null, []);
        var german = await Run(args, globalized, [("LANG", "de_DE.UTF-8"), ("LC_ALL", "de_DE.UTF-8"), ("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "0")]);

        invariant.ExitCode.Should().Be(0, invariant.Error);
        german.Should().Be(invariant);
    }

    private static async Task<CliRun> Run(string[] args, string? runtimeConfig, (string Name, string Value)[] environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        if (runtimeConfig is not null)
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "predictive-models.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await error);
    }
}
