using System.Globalization;
using PredictiveModels.Diagnostics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Dynamics;

/// <summary>
/// Checks, before anything is allocated, that the training chains of a scenario can be built: each phase's
/// chain within <see cref="DynamicsSettings.MaxConfigurations"/>, and the memory it needs (estimated at
/// <see cref="ConfigurationSpace.BytesPerConfiguration"/> bytes per configuration, and
/// <see cref="RelaxationBytesPerConfiguration"/> more when the relaxation time and its reachability are computed)
/// within what the machine makes available to the process. Commands that train run it first, and so does validation, so that a
/// scenario that validates can be trained.
/// </summary>
public static class ChainBudget
{
    /// <summary>The memory the process may use, in bytes: the physical memory, or the container's or the GC's limit when lower.</summary>
    public static long AvailableBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Bytes per configuration that the relaxation time and the search for when the equilibrium is reached need on top of
    /// <see cref="ConfigurationSpace.BytesPerConfiguration"/>: the transient kept at the reachability grid's times, the
    /// transient continued beyond the phase, and the Lanczos vectors. Measured: <c>train</c> on the default's pre-training
    /// chain peaks at 1.44 GB for 1.56 x 10^6 configurations (920 bytes each), against 665 MB without them.
    /// </summary>
    public const long RelaxationBytesPerConfiguration = 550;

    /// <summary>The memory, in bytes, the solvers need for a chain of <paramref name="configurations"/> configurations (about), without the relaxation time.</summary>
    /// <param name="configurations">Number of configurations, at least 0.</param>
    public static long EstimateBytes(long configurations) => EstimateBytes(configurations, relaxation: false);

    /// <summary>The memory, in bytes, the solvers need for a chain of <paramref name="configurations"/> configurations (about).</summary>
    /// <param name="configurations">Number of configurations, at least 0.</param>
    /// <param name="relaxation">Whether the relaxation time and its reachability are computed too.</param>
    public static long EstimateBytes(long configurations, bool relaxation)
    {
        var each = BytesEach(relaxation);
        return configurations > long.MaxValue / each ? long.MaxValue : configurations * each;
    }

    /// <summary>Checks every phase's chain of a scenario against the limits, with the scenario's own settings and the machine's memory, for training without the relaxation time.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="ModelException">A chain is too large or would not fit in memory; the diagnostic names the setting to change and, for a scenario read from a file, where it stands.</exception>
    public static void Check(Scenario scenario) => Check(scenario, AvailableBytes(), relaxation: false);

    /// <summary>As <see cref="Check(Scenario)"/>, for training with or without the relaxation time.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="relaxation">Whether the relaxation time and its reachability will be computed (they need more memory).</param>
    /// <exception cref="ModelException">A chain is too large or would not fit in memory.</exception>
    public static void Check(Scenario scenario, bool relaxation) => Check(scenario, AvailableBytes(), relaxation);

    /// <summary>As <see cref="Check(Scenario)"/>, against a given amount of available memory.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="availableBytes">The memory the chain may use, in bytes; at least 1.</param>
    /// <exception cref="ModelException">A chain is too large or would not fit in <paramref name="availableBytes"/>.</exception>
    public static void Check(Scenario scenario, long availableBytes) => Check(scenario, availableBytes, relaxation: false);

    /// <summary>As <see cref="Check(Scenario, bool)"/>, against a given amount of available memory.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="availableBytes">The memory the chain may use, in bytes; at least 1.</param>
    /// <param name="relaxation">Whether the relaxation time and its reachability will be computed.</param>
    /// <exception cref="ModelException">A chain is too large or would not fit in <paramref name="availableBytes"/>.</exception>
    public static void Check(Scenario scenario, long availableBytes, bool relaxation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(availableBytes, 1);
        try
        {
            foreach (var phase in scenario.Phases)
            {
                var count = ConfigurationSpace.CountConfigurations(scenario, scenario.Dynamics, phase);
                if (count > scenario.Dynamics.MaxConfigurations || count > int.MaxValue / 2)
                {
                    // The limit the scenario sets is reported first: it does not depend on the machine.
                    ConfigurationSpace.CheckSize(scenario, scenario.Dynamics, phase);
                }

                ThrowIfUnaffordable(count, scenario.Dynamics, availableBytes, phase.Name, relaxation);
            }
        }
        catch (ModelException e) when (scenario.Locations is { } locations)
        {
            throw new ModelException(locations.Locate(e.Diagnostics));
        }
    }

    /// <summary>Refuses a chain whose estimated memory exceeds what is available.</summary>
    internal static void ThrowIfUnaffordable(long count, DynamicsSettings settings, long availableBytes, string? phase = null, bool relaxation = false)
    {
        var needed = EstimateBytes(count, relaxation);
        if (needed <= availableBytes)
        {
            return;
        }

        var which = phase is null ? "the training chain" : $"the training chain of phase '{phase}'";
        throw new ModelException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{which} would have {count:N0} configurations, needing about {Gibibytes(needed)} of memory ({Each(relaxation)}), but only {Gibibytes(availableBytes)} is available; raise dynamics.goalResolution (now {settings.GoalResolution} bits per step) or lower dynamics.worldSteps (now {settings.WorldSteps})"),
            null,
            "dynamics.goalResolution");
    }

    private static long BytesEach(bool relaxation) =>
        ConfigurationSpace.BytesPerConfiguration + (relaxation ? RelaxationBytesPerConfiguration : 0);

    private static string Each(bool relaxation) => relaxation
        ? string.Create(CultureInfo.InvariantCulture, $"{BytesEach(true):N0} bytes each with the relaxation time, {BytesEach(false)} without")
        : string.Create(CultureInfo.InvariantCulture, $"{BytesEach(false)} bytes each");

    private static string Gibibytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB");
}
