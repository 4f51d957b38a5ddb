using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Funds;

/// <summary>
/// One fund year (key: the year), holding its programme lines, every allocation and every amendment.
/// One grain per year keeps every money invariant in one single-threaded place: each check and the
/// write that follows it happen in one turn, so concurrent calls can never overdraw a programme.
/// The 2026 fund exists from the start (seeded from the State budget); other years are opened.
/// Refusals are DomainExceptions and change nothing.
/// </summary>
public interface IFundGrain : IGrainWithIntegerKey
{
    /// <summary>Opens the year (SYSTEM or FUND_MANAGER). Opening again with the same setup changes nothing.</summary>
    Task<FundView> Open(Actor actor, FundSetup setup);

    /// <summary>The fund, or null when this year has no fund.</summary>
    [ReadOnly]
    Task<FundView?> Find();

    /// <summary>allocateFunds: a PROPOSED allocation that reserves its amount.</summary>
    Task<Allocation> Allocate(Actor actor, AllocationProposal proposal);

    /// <summary>approveAllocation, commitAllocation, closeAllocation, cancelAllocation.</summary>
    Task<Allocation> Perform(Actor actor, AllocationCommand command);

    /// <summary>disburseAllocation: one tranche.</summary>
    Task<Allocation> Disburse(Actor actor, DisbursementOrder order);

    [ReadOnly]
    Task<Allocation?> FindAllocation(Guid allocationId);

    /// <summary>The allocations of these ids that exist, in the same order (one call for a page).</summary>
    [ReadOnly]
    Task<IReadOnlyList<Allocation>> GetAllocations(IReadOnlyList<Guid> allocationIds);

    Task<FundAmendment> ProposeAmendment(Actor actor, AmendmentProposal proposal);

    Task<FundAmendment> DecideAmendment(Actor actor, AmendmentDecision decision);

    /// <summary>One amendment as the fund holds it now (the amendment register may lag behind by one relay poll).</summary>
    [ReadOnly]
    Task<FundAmendment?> FindAmendment(Guid amendmentId);
}
