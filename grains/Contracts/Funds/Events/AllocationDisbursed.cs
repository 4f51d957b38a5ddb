namespace Actors.Contracts.Funds.Events;

/// <summary>One tranche was paid (the allocation's last disbursement).</summary>
public sealed record AllocationDisbursed(
    string Actor,
    long Version,
    DateTimeOffset At,
    Allocation Allocation) : IAllocationEvent;
