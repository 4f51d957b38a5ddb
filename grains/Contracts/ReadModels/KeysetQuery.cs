namespace Actors.Contracts.ReadModels;

/// <summary>
/// A Relay page request on a keyset list: First (usually with After) or Last (usually with Before); both cursors
/// together ask for the window between them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record KeysetQuery<TFilter, TOrder>(
    [property: Id(0)] TFilter Filter,
    [property: Id(1)] TOrder Order,
    [property: Id(2)] int? First = null,
    [property: Id(3)] KeysetCursor? After = null,
    [property: Id(4)] int? Last = null,
    [property: Id(5)] KeysetCursor? Before = null)
    where TOrder : ISortOrder
{
    /// <summary>
    /// The caller needs only the columns the index filters and sorts by, not each row's document (a list page that
    /// shows ids, statuses and dates): an index that keeps documents leaves them unread. Entries then may come back
    /// without one.
    /// </summary>
    [Id(6)]
    public bool WithoutDocuments { get; init; }

    /// <summary>
    /// The caller does not show the size of the whole filtered list (a page without <c>totalCount</c>): an index may
    /// leave it uncounted and answer <see cref="KeysetPage{TEntry}.TotalCount"/> = <see cref="KeysetPage{TEntry}.NotCounted"/>.
    /// Paging does not need it (one row more than the page says whether another follows).
    /// </summary>
    [Id(7)]
    public bool WithoutTotal { get; init; }

    /// <summary>
    /// The one check every index makes before reading: the page sizes (<see cref="KeysetRead.Of"/>) and each cursor's
    /// sort key against the order's kind of key, so a cursor of another order fails instead of paging wrong.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes or a cursor do not fit.</exception>
    public KeysetRead Validate()
    {
        var read = KeysetRead.Of(First, Last);
        CheckCursor(After, "after");
        CheckCursor(Before, "before");
        return read;
    }

    private void CheckCursor(KeysetCursor? cursor, string argument)
    {
        if (cursor is not null && !SortKeys.Fits(Order.KeyKind, cursor.SortKey))
        {
            throw new ArgumentException($"Cursor sort key '{cursor.SortKey}' does not belong to this order.", argument);
        }
    }
}
