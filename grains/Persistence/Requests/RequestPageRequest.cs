using Actors.Contracts.Requests.Index;

namespace Actors.Persistence.Requests;

/// <summary>
/// How a Relay page request (first/after or last/before) reads the keyset window, and how the page flags follow.
/// A page reads one row more than it returns, so "is there more on this side" costs nothing extra; the other side
/// is "does any row of the filtered list lie at or beyond the cursor we started from".
/// </summary>
internal sealed record RequestPageRequest(int? Size, bool Backward)
{
    public static RequestPageRequest From(RequestIndexQuery query)
    {
        if (query.First is not null && query.Last is not null)
        {
            throw new ArgumentException("Ask for first or last, not both.", nameof(query));
        }

        if (query.First < 0 || query.Last < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "A page size cannot be negative.");
        }

        return new RequestPageRequest(query.First ?? query.Last, Backward: query.Last is not null);
    }

    /// <param name="read">Rows in reading order: the list's order, or reversed for a backward page.</param>
    /// <param name="totalCount">Rows of the filtered list, whatever the page.</param>
    /// <param name="asOf">When the answer was read.</param>
    /// <param name="rowsAtOrBeforeAfter">Whether the filtered list has rows at or before the <c>after</c> cursor.</param>
    /// <param name="rowsAtOrAfterBefore">Whether the filtered list has rows at or after the <c>before</c> cursor.</param>
    public RequestIndexPage Complete(
        List<RequestIndexEntry> read, int totalCount, DateTimeOffset asOf, bool rowsAtOrBeforeAfter, bool rowsAtOrAfterBefore)
    {
        var more = Size is { } size && read.Count > size;
        if (more)
        {
            read.RemoveRange(Size!.Value, read.Count - Size.Value);
        }

        if (Backward)
        {
            read.Reverse();
            return new RequestIndexPage(read, HasNextPage: rowsAtOrAfterBefore, HasPreviousPage: more || rowsAtOrBeforeAfter, totalCount, asOf);
        }

        return new RequestIndexPage(read, HasNextPage: more || rowsAtOrAfterBefore, HasPreviousPage: rowsAtOrBeforeAfter, totalCount, asOf);
    }
}
