namespace Actors.Contracts.Funds;

/// <summary>
/// The amendment state machine in one table: PROPOSED → APPROVED (applied; by a fund manager
/// other than the proposer) or REJECTED (with a reason; the proposer may withdraw their own).
/// The fund grain enforces it, the API reads it for <c>availableActions</c>.
/// </summary>
public static class AmendmentTransitions
{
    public static IReadOnlyList<AmendmentTransition> All { get; } =
    [
        new(AmendmentAction.Approve, [AmendmentStatus.Proposed], AmendmentStatus.Approved, ReasonRequired: false),
        new(AmendmentAction.Reject, [AmendmentStatus.Proposed], AmendmentStatus.Rejected, ReasonRequired: true),
    ];

    public static AmendmentTransition For(AmendmentAction action) =>
        All.FirstOrDefault(t => t.Action == action) ?? throw new ArgumentOutOfRangeException(nameof(action), action, "Not an amendment decision.");

    public static bool Allows(AmendmentAction action, AmendmentStatus from) => For(action).From.Contains(from);

    /// <summary>The decisions possible from a status (for clients' buttons; the grain still decides).</summary>
    public static IReadOnlyList<AmendmentAction> AvailableFrom(AmendmentStatus status) =>
        All.Where(t => t.From.Contains(status)).Select(t => t.Action).ToList();
}
