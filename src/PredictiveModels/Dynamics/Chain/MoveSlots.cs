namespace PredictiveModels.Dynamics;

/// <summary>
/// Where each kind of move's slots are: the reset, one per world step (the move between <c>w</c> and <c>w + 1</c>),
/// enter, horizon, awareness, jump, then one per goal step of each non-deceptive branch (the step that ends at
/// <c>upper</c>), which the deceptive proxies of that branch share.
/// </summary>
internal sealed class MoveSlots
{
    /// <summary>The slot of oversight's reset: its rate is the phase's detection rate whatever the energies.</summary>
    public const int Reset = 0;

    public MoveSlots(ConfigurationSpace space)
    {
        World = Reset + 1;
        Enter = World + space.World.Steps;
        Horizon = Enter + 1;
        Awareness = Horizon + 1;
        Jump = Awareness + 1;
        GoalStart = new int[space.Branches.Length];
        var next = Jump + 1;
        for (var b = 1; b < space.Branches.Length; b++)
        {
            if (b != space.DeceptiveBranch)
            {
                GoalStart[b] = next;
                next += space.Branches[b].Steps;
            }
        }

        Count = next;
    }

    public int World { get; }

    public int Enter { get; }

    public int Horizon { get; }

    public int Awareness { get; }

    public int Jump { get; }

    public int[] GoalStart { get; }

    public int Count { get; }
}
