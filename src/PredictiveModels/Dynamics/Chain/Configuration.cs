namespace PredictiveModels.Dynamics;

/// <summary>
/// One configuration of the training chain. For a non-deceptive branch, <see cref="Goal"/> is the
/// goal progress in steps. A deceptive configuration is always long-term and aware; it remembers the
/// branch its proxy came from (<see cref="Origin"/>), the size of the proxy it keeps, in goal steps of
/// that branch (<see cref="Goal"/>, 0 to the origin's goal length), and whether it jumped from a
/// complete aligned goal (<see cref="Defection"/>) or from a partial one (a race).
/// </summary>
/// <param name="World">World-model progress <c>w</c>, an index into <see cref="ConfigurationSpace.World"/>: 0 to its <see cref="WorldGrid.Steps"/>.</param>
/// <param name="Branch">Index into <see cref="ConfigurationSpace.Branches"/>; 0 is "no goal yet".</param>
/// <param name="Goal">Goal progress <c>g</c> (on the deceptive branch, the kept proxy's size <c>k</c>), 0 to the branch's (or origin's) goal steps.</param>
/// <param name="LongTerm">True for a long-term horizon, false for a myopic one.</param>
/// <param name="Aware">True when situationally aware.</param>
/// <param name="Origin">On the deceptive branch, the index of the non-deceptive branch the proxy came from (at least 1); 0 on every other branch.</param>
/// <param name="Defection">On the deceptive branch, true when the jump happened from a complete aligned goal (a defection) and false when from a partial one (a race); false on every other branch.</param>
public readonly record struct Configuration(int World, int Branch, int Goal, bool LongTerm, bool Aware, int Origin = 0, bool Defection = false);
