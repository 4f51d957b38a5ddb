namespace Actors.Contracts.Funds;

/// <summary>The steps of an allocation's life, each a mutation of its own (allocateFunds is Propose).</summary>
public enum AllocationAction
{
    Propose,
    Approve,
    Commit,
    Disburse,
    Close,
    Cancel,
}
