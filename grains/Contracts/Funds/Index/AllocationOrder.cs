using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Funds.Index;

[GenerateSerializer, Immutable]
public sealed record AllocationOrder(AllocationSortField Field, bool Descending)
    : KeysetOrder<AllocationSortField, AllocationIndexEntry>(Field, Descending)
{
    public static AllocationOrder Default { get; } = new(AllocationSortField.ProposedAt, Descending: true);

    protected override SortField<AllocationIndexEntry> Sort(AllocationSortField field) => field switch
    {
        AllocationSortField.ProposedAt => SortField<AllocationIndexEntry>.Instant(e => e.ProposedAt),
        AllocationSortField.UpdatedAt => SortField<AllocationIndexEntry>.Instant(e => e.UpdatedAt),
        AllocationSortField.Amount => SortField<AllocationIndexEntry>.Number(e => e.AmountMillimes),
        AllocationSortField.MunicipalityCode => SortField<AllocationIndexEntry>.Text(e => e.MunicipalityCode),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown sort field."),
    };
}
