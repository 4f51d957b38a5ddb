namespace Actors.Contracts.Funds.Events;

/// <summary>The allocation was cancelled (with a reason): its undisbursed amount went back to the programme.</summary>
public sealed record AllocationCancelled(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
