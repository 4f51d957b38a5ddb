using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Funds.Index;

/// <summary>
/// What the allocation index keeps of an allocation: enough to filter, sort and count. It is the
/// payload of <c>AllocationChanged</c>; applying it is idempotent, the highest Version wins.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllocationIndexEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Year,
    [property: Id(2)] FundProgrammeCode Programme,
    [property: Id(3)] string MunicipalityCode,
    [property: Id(4)] string Governorate,
    [property: Id(5)] AllocationStatus Status,
    [property: Id(6)] long AmountMillimes,
    [property: Id(7)] long DisbursedMillimes,
    [property: Id(8)] DateTimeOffset ProposedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] long Version) : IIndexEntry
{
    public static AllocationIndexEntry From(Allocation allocation) => new(
        allocation.Id, allocation.Year, allocation.Programme, allocation.MunicipalityCode, allocation.Governorate,
        allocation.Status, allocation.AmountMillimes, allocation.DisbursedMillimes, allocation.ProposedAt,
        allocation.UpdatedAt, allocation.Version);

    /// <summary>Reserved on its programme, as <see cref="Allocation.ReservedMillimes"/> counts it.</summary>
    public long ReservedMillimes => Status == AllocationStatus.Proposed ? AmountMillimes : 0;

    /// <summary>Allocated, as <see cref="Allocation.AllocatedMillimes"/> counts it.</summary>
    public long AllocatedMillimes => Status switch
    {
        AllocationStatus.Proposed => 0,
        AllocationStatus.Cancelled => DisbursedMillimes,
        _ => AmountMillimes,
    };
}
