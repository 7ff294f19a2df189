using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Tests.Dynamics;

public sealed partial class TrajectorySimulatorTests
{
    [Theory]
    [InlineData(5.0)]
    [InlineData(20.0)]
    public void The_simulated_class_distribution_agrees_with_the_exact_transient_within_Monte_Carlo_error(double tau)
    {
        var exact = ClassSums.Distribution(Space, Transient.Compute(Space, [tau]).Distributions[0].AsSpan());

        var simulated = Simulator.Simulate(Trajectories, tau, seed: 20_260_101);

        foreach (var k in Enum.GetValues<OutcomeClass>())
        {
            var p = exact[k];
            simulated.Estimate(k).Value.Should().BeApproximately(p, Tolerance(p, Trajectories), k.ToString());
        }

        simulated.UndecidedEstimate.Value.Should().BeApproximately(exact.Undecided, Tolerance(exact.Undecided, Trajectories), "undecided");
        simulated.Classes.Sample!.Counts.Sum().Should().Be(Trajectories - simulated.Classes.Sample.Undecided);
    }

    [Theory]
    [InlineData("awareness")]
    [InlineData("long horizon")]
    [InlineData("deception")]
    public void The_fraction_reaching_a_passage_by_tau_and_its_mean_time_agree_with_the_exact_absorbing_chain(string passage)
    {
        const double tau = 20;
        Func<Configuration, bool> target = passage switch
        {
            "awareness" => c => c.Aware,
            "long horizon" => c => c.LongTerm,
            _ => c => c.Branch == Space.DeceptiveBranch,
        };
        var reachedBy = FirstPassageReference.ReachedBy(Space, target, tau, steps: 400);
        var exactFraction = reachedBy[^1];
        var exactMean = FirstPassageReference.ConditionalMeanTime(reachedBy, tau);

        var result = Simulator.Simulate(Trajectories, tau, seed: 7);
        var simulated = passage switch
        {
            "awareness" => result.Awareness,
            "long horizon" => result.LongTerm,
            _ => result.Deception,
        };

        exactFraction.Should().BeInRange(0.02, 0.98, "the check needs a passage that happens in some runs and not in others");
        simulated.Reached.Value.Should().BeApproximately(exactFraction, Tolerance(exactFraction, Trajectories));
        simulated.MeanTime.Should().BeApproximately(exactMean, (4.5 * simulated.MeanTimeStandardError) + (1e-3 * tau));
        simulated.MedianTime.Should().BeInRange(0, tau);
    }

    [Fact]
    public void More_training_runs_have_been_deceptive_by_tau_than_are_deceptive_at_tau()
    {
        // The deceptive jump has a reverse, so some runs visit deception and leave it again.
        const double tau = 20;
        var atTau = ClassSums.Distribution(Space, Transient.Compute(Space, [tau]).Distributions[0].AsSpan()).DeceptiveProbability;

        var result = Simulator.Simulate(Trajectories, tau, seed: 11);

        result.Deception.Reached.Value.Should().BeGreaterThan(atTau + Tolerance(atTau, Trajectories));
        result.EventsOf(MoveKind.Jump).Should().BeGreaterThan(result.Deception.Reached.Count, "runs that left deception jumped at least twice");
    }

    [Fact]
    public void At_tau_zero_every_trajectory_is_at_the_start()
    {
        var result = Simulator.Simulate(1_000, 0, seed: 1, keepTrajectories: true);

        result.Events.Should().Be(0);
        result.Trajectories.Should().HaveCount(1_000).And.OnlyContain(t => t.FinalIndex == Space.Start && t.Events == 0 && t.FinalClass == null);
        result.UndecidedEstimate.Value.Should().Be(1);
        result.Classes.Sample!.Counts.Should().OnlyContain(c => c == 0);
        new[] { result.Awareness, result.LongTerm, result.Deception }.Should().OnlyContain(p => p.Reached.Count == 0 && double.IsNaN(p.MeanTime) && double.IsNaN(p.MedianTime));
    }

    [Fact]
    public void Trajectory_records_agree_with_the_summaries()
    {
        const double tau = 20;
        var result = Simulator.Simulate(2_000, tau, seed: 5, keepTrajectories: true);

        result.Trajectories.Select(t => t.Index).Should().Equal(Enumerable.Range(0, 2_000));
        result.Trajectories.Sum(t => t.Events).Should().Be(result.Events);
        result.EventsByKind.Sum().Should().Be(result.Events);
        result.Trajectories.Count(t => t.DeceptionTime is not null).Should().Be(result.Deception.Reached.Count);
        result.Trajectories.Count(t => t.FinalClass == OutcomeClass.Deceptive).Should().Be(result.Classes.Sample!.CountOf(OutcomeClass.Deceptive));
        result.Trajectories.Where(t => t.AwarenessTime is not null).Average(t => t.AwarenessTime!.Value).Should().BeApproximately(result.Awareness.MeanTime, 1e-9);
        result.Trajectories.Where(t => t.Final != Space[t.FinalIndex]).Should().BeEmpty();
        result.Trajectories.Where(t => !new[] { t.AwarenessTime, t.LongTermTime, t.DeceptionTime }.All(time => time == null || (time >= 0 && time <= tau))).Should().BeEmpty();

        // A deceptive configuration is aware and long-term, and the jump needs both first.
        result.Trajectories.Where(t => t.DeceptionTime is { } deceived && !(t.AwarenessTime <= deceived && t.LongTermTime <= deceived)).Should().BeEmpty();
    }
}
