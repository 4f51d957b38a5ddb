namespace Actors.Contracts.Funds.Events;

/// <summary>A fund manager proposed an allocation (allocateFunds): its amount is reserved on the programme.</summary>
public sealed record AllocationProposed(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
