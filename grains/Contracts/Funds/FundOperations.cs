using Actors.Contracts.Errors;

namespace Actors.Contracts.Funds;

/// <summary>
/// What the fund grains (and the municipality registry) offer, each with the refusals it may
/// raise: the grains refuse through these and the API builds each mutation's error union from them.
/// </summary>
public static class FundOperations
{
    private static readonly string[] Step = [ErrorCodes.InvalidTransition, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed];

    /// <summary>Opening a year: no mutation yet (SYSTEM seeds, tests open), but declared like the others.</summary>
    public static DomainOperation OpenFund { get; } = new("openFund",
        ErrorCodes.FundAlreadyOpen, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed);

    public static DomainOperation AllocateFunds { get; } = new("allocateFunds",
        ErrorCodes.FundNotFound, ErrorCodes.ProgrammeNotFound, ErrorCodes.MunicipalityNotFound, ErrorCodes.NotANewMunicipality,
        ErrorCodes.AppropriationExceeded, ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed);

    public static DomainOperation ApproveAllocation { get; } = new("approveAllocation",
        [.. Step, ErrorCodes.SegregationOfDuties, ErrorCodes.NotANewMunicipality, ErrorCodes.MunicipalityNotFound]);

    public static DomainOperation CommitAllocation { get; } = new("commitAllocation", Step);

    public static DomainOperation CloseAllocation { get; } = new("closeAllocation", Step);

    public static DomainOperation CancelAllocation { get; } = new("cancelAllocation", [.. Step, ErrorCodes.ReasonRequired]);

    public static DomainOperation DisburseAllocation { get; } = new("disburseAllocation",
        [.. Step, ErrorCodes.DisbursementExceedsAllocation, ErrorCodes.IdempotencyKeyReused]);

    public static DomainOperation ProposeAmendment { get; } = new("proposeAmendment",
        ErrorCodes.FundNotFound, ErrorCodes.ProgrammeNotFound, ErrorCodes.UnprogrammedExceeded, ErrorCodes.AppropriationExceeded,
        ErrorCodes.ReasonRequired, ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed);

    public static DomainOperation ApproveAmendment { get; } = new("approveAmendment",
        [.. Step, ErrorCodes.SegregationOfDuties, ErrorCodes.UnprogrammedExceeded, ErrorCodes.AppropriationExceeded]);

    public static DomainOperation RejectAmendment { get; } = new("rejectAmendment", [.. Step, ErrorCodes.ReasonRequired]);

    public static DomainOperation ImportMunicipalities { get; } = new("importMunicipalities", ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed);

    public static IReadOnlyList<DomainOperation> All { get; } =
    [
        OpenFund, AllocateFunds, ApproveAllocation, CommitAllocation, CloseAllocation, CancelAllocation, DisburseAllocation,
        ProposeAmendment, ApproveAmendment, RejectAmendment, ImportMunicipalities,
    ];

    /// <summary>The operation of an allocation step (allocateFunds is Propose).</summary>
    public static DomainOperation For(AllocationAction action) => action switch
    {
        AllocationAction.Propose => AllocateFunds,
        AllocationAction.Approve => ApproveAllocation,
        AllocationAction.Commit => CommitAllocation,
        AllocationAction.Disburse => DisburseAllocation,
        AllocationAction.Close => CloseAllocation,
        AllocationAction.Cancel => CancelAllocation,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an allocation step."),
    };

    /// <summary>The operation of an amendment decision.</summary>
    public static DomainOperation For(AmendmentAction action) => action switch
    {
        AmendmentAction.Approve => ApproveAmendment,
        AmendmentAction.Reject => RejectAmendment,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an amendment decision."),
    };
}
