namespace Actors.Contracts.Funds;

/// <summary>One recorded step of an allocation: what, the status it led to, when, who (ROLE:subject) and why.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationStep(
    [property: Id(0)] long Version,
    [property: Id(1)] AllocationAction Action,
    [property: Id(2)] AllocationStatus Status,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor,
    [property: Id(5)] string? Reason,
    [property: Id(6)] long? AmountMillimes);
