namespace Actors.Contracts.Funds;

/// <summary>The decisions on a proposed amendment, each a mutation of its own (proposeAmendment creates it).</summary>
public enum AmendmentAction
{
    Approve,
    Reject,
}
