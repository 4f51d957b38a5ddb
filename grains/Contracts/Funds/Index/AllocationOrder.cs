using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Funds.Index;

/// <summary>Sort by one field, ties broken by id in the same direction, so keyset pages are stable.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationOrder(
    [property: Id(0)] AllocationSortField Field,
    [property: Id(1)] bool Descending) : IKeysetOrder<AllocationIndexEntry>
{
    public static AllocationOrder Default { get; } = new(AllocationSortField.ProposedAt, Descending: true);

    /// <inheritdoc />
    public SortKeyKind KeyKind => Field == AllocationSortField.MunicipalityCode ? SortKeyKind.Text : SortKeyKind.Number;

    /// <inheritdoc />
    public string KeyOf(AllocationIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Field switch
        {
            AllocationSortField.ProposedAt => SortKeys.Of(entry.ProposedAt),
            AllocationSortField.UpdatedAt => SortKeys.Of(entry.UpdatedAt),
            AllocationSortField.Amount => SortKeys.Of(entry.AmountMillimes),
            AllocationSortField.MunicipalityCode => entry.MunicipalityCode,
            _ => throw new ArgumentOutOfRangeException(nameof(entry), Field, "Unknown sort field."),
        };
    }
}
