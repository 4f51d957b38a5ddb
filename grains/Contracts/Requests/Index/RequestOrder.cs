namespace Actors.Contracts.Requests.Index;

/// <summary>Sort by one field, ties broken by id in the same direction, so keyset pages are stable.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestOrder(
    [property: Id(0)] RequestSortField Field,
    [property: Id(1)] bool Descending)
{
    public static RequestOrder Default { get; } = new(RequestSortField.SubmittedAt, Descending: true);

    /// <summary>The sort key of an entry, as text that orders the same way as the field (ordinal).</summary>
    public string KeyOf(RequestIndexEntry entry) => Field switch
    {
        RequestSortField.SubmittedAt => entry.SubmittedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
        RequestSortField.UpdatedAt => entry.UpdatedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
        RequestSortField.Reference => entry.Reference,
        _ => throw new ArgumentOutOfRangeException(nameof(Field)),
    };
}
