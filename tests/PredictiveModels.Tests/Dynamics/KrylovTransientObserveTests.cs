using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// A caller of the Krylov transient may take what it needs from each reported distribution as it is reached and keep only
/// some of them (training keeps the phase's last): the observed distributions are those of a run that keeps them all.
/// </summary>
public sealed class KrylovTransientObserveTests
{
    [Fact]
    public void Observed_distributions_are_those_kept_by_a_plain_run_and_only_the_chosen_ones_are_kept()
    {
        var space = ConfigurationSpace.Build(Scenario.Default, Scenario.Default.Dynamics.With(goalResolution: 16));
        var generator = space.BuildGenerator();
        double[] times = [0, 12.5, 25, 50, 100];
        var seen = new double[times.Length][];

        var plain = KrylovTransient.Compute(generator, space.Start, times, space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);
        var observed = KrylovTransient.Compute(generator, space.Start, times, space.Settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default, null, (t, d) =>
        {
            seen[t] = [.. d];
            return t == times.Length - 1;
        });

        for (var t = 0; t < times.Length; t++)
        {
            seen[t].Should().Equal(plain.Distributions[t], $"time {times[t]} is observed as the plain run reports it");
        }

        observed.Distributions.Take(times.Length - 1).Should().OnlyContain(d => d.IsEmpty);
        observed.Distributions[^1].Should().Equal(plain.Distributions[^1]);
        observed.ErrorBounds.Should().Equal(plain.ErrorBounds);
    }

    [Fact]
    public void Training_gives_the_class_probabilities_of_the_distributions_it_no_longer_keeps()
    {
        var scenario = Scenario.Default;
        var settings = scenario.Dynamics.With(goalResolution: 16);
        var space = ConfigurationSpace.Build(scenario, settings);
        var times = TrainingDynamics.IndexFractions.Select(f => f * settings.Duration).ToArray();

        var trained = TrainingDynamics.Train(scenario, settings, absorption: false, relaxation: false);
        var plain = KrylovTransient.Compute(space.BuildGenerator(), space.Start, times, settings.Tolerance, KrylovTransient.BasisSize, prune: true, null, default);

        var phase = trained.Phases[0];
        phase.ClassesOverTime.Select(c => c.Classes.Probabilities).Should().Equal(
            plain.Distributions.Select(d => ClassSums.Distribution(space, d.AsSpan()).Probabilities),
            (a, b) => a.SequenceEqual(b));
    }
}
