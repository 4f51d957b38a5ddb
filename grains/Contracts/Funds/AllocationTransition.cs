namespace Actors.Contracts.Funds;

/// <summary>One row of the allocation state machine: a step, the statuses it starts from, whether it must say why.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationTransition(
    [property: Id(0)] AllocationAction Action,
    [property: Id(1)] IReadOnlyList<AllocationStatus> From,
    [property: Id(2)] bool ReasonRequired);
