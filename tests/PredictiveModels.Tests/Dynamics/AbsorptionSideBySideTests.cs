using PredictiveModels.Dynamics;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Dynamics;

/// <summary>
/// Absorption sweeps the goal branches of a chain on several cores once branch 0 is done: the numbers must be those of a
/// sweep in index order to the bit, whatever the number of threads, and the absorbing configurations read from the layout
/// must be those of <see cref="Absorption.IsAbsorbing"/>.
/// </summary>
public sealed class AbsorptionSideBySideTests
{
    // The default scenario's pre-training chain on the 16-bit goal grid: several goal branches of different lengths.
    private static ConfigurationSpace Space() =>
        ConfigurationSpace.Build(Scenario.Default, Scenario.Default.Dynamics.With(goalResolution: 16));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Goal_branches_swept_side_by_side_give_the_numbers_of_a_sweep_in_index_order(bool goalLines)
    {
        var method = goalLines ? Absorption.SweepMethod.GoalLines : Absorption.SweepMethod.FlagBlocks;
        var space = Space();
        var generator = space.BuildGenerator();

        var sideBySide = Absorption.Compute(space, generator, null, CancellationToken.None, method, sideBySide: true);
        var inOrder = Absorption.Compute(space, generator, null, CancellationToken.None, method, sideBySide: false);

        Absorption.SweepsSideBySide(space, generator).Should().BeTrue("the default chain's goal branches read only themselves and branch 0");
        sideBySide.Probabilities.Probabilities.Should().Equal(inOrder.Probabilities.Probabilities);
        sideBySide.MeanTime.Should().Be(inOrder.MeanTime);
        sideBySide.Residual.Should().Be(inOrder.Residual);
        sideBySide.Unaccounted.Should().Be(inOrder.Unaccounted);
        sideBySide.Sweeps.Should().Be(inOrder.Sweeps);
    }

    [Fact]
    public async Task Absorption_on_one_thread_gives_the_numbers_of_absorption_on_every_core()
    {
        var space = Space();
        var generator = space.BuildGenerator();

        // Parallel loops run on the current task scheduler: an exclusive one runs every part on one thread, one after another.
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var oneThread = await Task.Factory.StartNew(() => Absorption.Compute(space, generator, null, CancellationToken.None), CancellationToken.None, TaskCreationOptions.None, exclusive);
        var everyCore = Absorption.Compute(space, generator, null, CancellationToken.None);

        oneThread.Probabilities.Probabilities.Should().Equal(everyCore.Probabilities.Probabilities);
        oneThread.MeanTime.Should().Be(everyCore.MeanTime);
        oneThread.Residual.Should().Be(everyCore.Residual);
    }

    [Fact]
    public void The_absorbing_configurations_read_from_the_layout_are_those_of_IsAbsorbing()
    {
        var space = Space();

        var fromLayout = Absorption.AbsorbingConfigurations(space);

        fromLayout.Should().Equal(Enumerable.Range(0, space.Count).Select(i => Absorption.IsAbsorbing(space, i)));
        fromLayout.Should().Contain(true).And.Contain(false);
    }
}
