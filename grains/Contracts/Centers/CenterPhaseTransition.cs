namespace Actors.Contracts.Centers;

/// <summary>One row of the rollout table: the phase a center moves to, the phases it may leave, what the move needs.</summary>
[GenerateSerializer, Immutable]
public sealed record CenterPhaseTransition(
    [property: Id(0)] RolloutPhase To,
    [property: Id(1)] IReadOnlyList<RolloutPhase> From,
    [property: Id(2)] bool ReasonRequired,
    [property: Id(3)] bool NeedsReadiness);
