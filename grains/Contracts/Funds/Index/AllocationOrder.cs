using System.Globalization;

namespace Actors.Contracts.Funds.Index;

/// <summary>Sort by one field, ties broken by id in the same direction, so keyset pages are stable.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationOrder(
    [property: Id(0)] AllocationSortField Field,
    [property: Id(1)] bool Descending)
{
    public static AllocationOrder Default { get; } = new(AllocationSortField.ProposedAt, Descending: true);

    /// <summary>
    /// The sort key of an entry as text that orders ordinally like the field: timestamps as 19-digit
    /// UTC ticks, amounts as 19-digit millimes (never negative), codes as they are.
    /// </summary>
    public string KeyOf(AllocationIndexEntry entry) => Field switch
    {
        AllocationSortField.ProposedAt => entry.ProposedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
        AllocationSortField.UpdatedAt => entry.UpdatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
        AllocationSortField.Amount => entry.AmountMillimes.ToString("D19", CultureInfo.InvariantCulture),
        AllocationSortField.MunicipalityCode => entry.MunicipalityCode,
        _ => throw new ArgumentOutOfRangeException(nameof(Field)),
    };
}
