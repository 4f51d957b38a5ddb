namespace Actors.Contracts.Funds.Events;

/// <summary>The fully disbursed allocation was closed.</summary>
public sealed record AllocationClosed(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
