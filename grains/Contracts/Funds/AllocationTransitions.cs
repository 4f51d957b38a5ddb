namespace Actors.Contracts.Funds;

/// <summary>
/// The allocation state machine in one place. Where a step leads is fixed except for Disburse,
/// which leads to DISBURSED when the last millime is paid and to PARTIALLY_DISBURSED before.
/// Approve also needs a fund manager other than the proposer (segregation of duties).
/// </summary>
public static class AllocationTransitions
{
    public static IReadOnlyList<AllocationTransition> All { get; } =
    [
        new(AllocationAction.Approve, [AllocationStatus.Proposed], ReasonRequired: false),
        new(AllocationAction.Commit, [AllocationStatus.Approved], ReasonRequired: false),
        new(AllocationAction.Disburse, [AllocationStatus.Committed, AllocationStatus.PartiallyDisbursed], ReasonRequired: false),
        new(AllocationAction.Close, [AllocationStatus.Disbursed], ReasonRequired: false),
        new(AllocationAction.Cancel,
            [AllocationStatus.Proposed, AllocationStatus.Approved, AllocationStatus.Committed, AllocationStatus.PartiallyDisbursed],
            ReasonRequired: true),
    ];

    public static AllocationTransition For(AllocationAction action) =>
        All.FirstOrDefault(t => t.Action == action) ?? throw new ArgumentOutOfRangeException(nameof(action), action, "Not a step of an existing allocation.");

    public static bool Allows(AllocationAction action, AllocationStatus from) => For(action).From.Contains(from);

    /// <summary>The status a step leads to (Disburse: see the class summary).</summary>
    public static AllocationStatus Target(AllocationAction action, bool fullyDisbursed = false) => action switch
    {
        AllocationAction.Propose => AllocationStatus.Proposed,
        AllocationAction.Approve => AllocationStatus.Approved,
        AllocationAction.Commit => AllocationStatus.Committed,
        AllocationAction.Disburse => fullyDisbursed ? AllocationStatus.Disbursed : AllocationStatus.PartiallyDisbursed,
        AllocationAction.Close => AllocationStatus.Closed,
        AllocationAction.Cancel => AllocationStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The steps possible from a status (for clients' buttons; the grain still decides).</summary>
    public static IReadOnlyList<AllocationAction> AvailableFrom(AllocationStatus status) =>
        All.Where(t => t.From.Contains(status)).Select(t => t.Action).ToList();
}
