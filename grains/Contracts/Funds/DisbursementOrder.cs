namespace Actors.Contracts.Funds;

/// <summary>Pay one tranche of a committed allocation.</summary>
[GenerateSerializer, Immutable]
public sealed record DisbursementOrder(
    [property: Id(0)] Guid AllocationId,
    [property: Id(1)] long AmountMillimes,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? IdempotencyKey);
