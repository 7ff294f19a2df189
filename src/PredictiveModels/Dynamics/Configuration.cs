namespace PredictiveModels.Dynamics;

/// <summary>
/// One configuration of the training chain. For a non-deceptive branch, <see cref="Goal"/> is the
/// goal progress in steps; for the deceptive branch it is the size, in goal steps, of the partial
/// goal kept as the long-term objective at the jump (and the configuration is always long-term
/// and aware).
/// </summary>
/// <param name="World">World-model progress <c>w</c>, 0 to <c>W</c>.</param>
/// <param name="Branch">Index into <see cref="ConfigurationSpace.Branches"/>; 0 is "no goal yet".</param>
/// <param name="Goal">Goal progress <c>g</c> (or the kept proxy's size, on the deceptive branch).</param>
/// <param name="LongTerm">True for a long-term horizon, false for a myopic one.</param>
/// <param name="Aware">True when situationally aware.</param>
public readonly record struct Configuration(int World, int Branch, int Goal, bool LongTerm, bool Aware);
