using Actors.Contracts.Centers;

namespace Actors.Api.Progress;

/// <param name="AverageReadiness">The mean readiness score (0 to 1) of the phase's centers; null when it has none.</param>
public sealed record RolloutPhaseCount(RolloutPhase Phase, int Count, double? AverageReadiness);
