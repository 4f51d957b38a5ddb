namespace Actors.Contracts.Funds;

/// <summary>Approve, Commit, Close or Cancel one allocation (Disburse has its own order, with an amount).</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationCommand(
    [property: Id(0)] Guid AllocationId,
    [property: Id(1)] AllocationAction Action,
    [property: Id(2)] string? Reason);
