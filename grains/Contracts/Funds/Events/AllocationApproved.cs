namespace Actors.Contracts.Funds.Events;

/// <summary>Another fund manager approved the allocation: the reserved amount became allocated.</summary>
public sealed record AllocationApproved(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
