namespace Actors.Contracts.Funds;

/// <summary>An appropriation amendment is proposed, then approved (applied) or rejected.</summary>
public enum AmendmentStatus
{
    Proposed,
    Approved,
    Rejected,
}
