namespace Actors.Contracts.Funds;

/// <summary>
/// An allocation from a programme to a municipality, as held by its fund grain (state and view at once).
/// The municipality's names and governorate are copied when it is proposed, so listings and roll-ups
/// never need the registry.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Allocation(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Year,
    [property: Id(2)] FundProgrammeCode Programme,
    [property: Id(3)] string MunicipalityCode,
    [property: Id(4)] string MunicipalityNameAr,
    [property: Id(5)] string MunicipalityNameFr,
    [property: Id(6)] string Governorate,
    [property: Id(7)] long AmountMillimes,
    [property: Id(8)] long DisbursedMillimes,
    [property: Id(9)] AllocationStatus Status,
    [property: Id(10)] string? Reason,
    [property: Id(11)] string ProposerSubject,
    [property: Id(12)] string ProposedBy,
    [property: Id(13)] DateTimeOffset ProposedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] long Version,
    [property: Id(16)] IReadOnlyList<AllocationStep> Steps,
    [property: Id(17)] IReadOnlyList<Disbursement> Disbursements)
{
    /// <summary>Counts as reserved on its programme: proposed, not yet approved.</summary>
    public long ReservedMillimes => Status == AllocationStatus.Proposed ? AmountMillimes : 0;

    /// <summary>
    /// Counts as allocated: the amount once approved; after a cancellation only what was disbursed
    /// stays allocated, the rest went back to the programme.
    /// </summary>
    public long AllocatedMillimes => Status switch
    {
        AllocationStatus.Proposed => 0,
        AllocationStatus.Cancelled => DisbursedMillimes,
        _ => AmountMillimes,
    };

    /// <summary>What can still be paid: nothing once cancelled or closed.</summary>
    public long UndisbursedMillimes => Status is AllocationStatus.Cancelled or AllocationStatus.Closed ? 0 : AmountMillimes - DisbursedMillimes;
}
