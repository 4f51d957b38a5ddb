using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Requests.Index;

/// <summary>Sort by one field, ties broken by id in the same direction, so keyset pages are stable.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestOrder(
    [property: Id(0)] RequestSortField Field,
    [property: Id(1)] bool Descending) : IKeysetOrder<RequestIndexEntry>
{
    public static RequestOrder Default { get; } = new(RequestSortField.SubmittedAt, Descending: true);

    /// <inheritdoc />
    public SortKeyKind KeyKind => Field == RequestSortField.Reference ? SortKeyKind.Text : SortKeyKind.Number;

    /// <inheritdoc />
    public string KeyOf(RequestIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Field switch
        {
            RequestSortField.SubmittedAt => SortKeys.Of(entry.SubmittedAt),
            RequestSortField.UpdatedAt => SortKeys.Of(entry.UpdatedAt),
            RequestSortField.Reference => entry.Reference,
            _ => throw new ArgumentOutOfRangeException(nameof(entry), Field, "Unknown sort field."),
        };
    }
}
