namespace Actors.Contracts.Funds.Events;

/// <summary>The agreement with the municipality was signed: tranches may be disbursed.</summary>
public sealed record AllocationCommitted(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
