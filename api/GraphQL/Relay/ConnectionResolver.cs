using Actors.Api.GraphQL.Errors;
using Actors.Contracts.ReadModels;
using GraphQL;

namespace Actors.Api.GraphQL.Relay;

/// <summary>
/// The one way a list field becomes a Relay connection, whatever holds the list: paging arguments checked once
/// (<see cref="PageArguments"/>), cursors opaque and bound to their list and order (<see cref="CursorCodec"/>), pages
/// read as keyset windows (<see cref="KeysetRead"/>), so that every list pages, counts and refuses alike.
/// </summary>
public static class ConnectionResolver
{
    /// <summary>
    /// A list read from a keyset index: one index call for the page, then one call of <paramref name="nodes"/> for
    /// all its rows. A row whose node is null (gone, or not the caller's to see) is left out of the edges. The list is
    /// counted only when <paramref name="field"/> selects <c>totalCount</c>.
    /// </summary>
    /// <param name="field">The connection field being resolved: what it selects, and its cancellation.</param>
    /// <param name="scope">Names the list and its order in the cursors, e.g. <c>requests/SubmittedAt/DESC</c>.</param>
    /// <param name="nodes">The node of each row, in the rows' order.</param>
    public static async Task<Connection<TNode>> FromIndexAsync<TEntry, TFilter, TOrder, TNode>(
        PageArguments page, IKeysetIndex<TEntry, TFilter, TOrder> index, TFilter filter, TOrder order, string scope,
        Func<IReadOnlyList<TEntry>, Task<IReadOnlyList<TNode?>>> nodes, IResolveFieldContext field, bool withoutDocuments = false)
        where TEntry : IIndexEntry
        where TOrder : IKeysetOrder<TEntry>
        where TNode : class
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(field);
        var query = new KeysetQuery<TFilter, TOrder>(
            filter, order,
            page.First, Cursor(page.After, order, scope, "after"),
            page.Last, Cursor(page.Before, order, scope, "before"))
        {
            WithoutDocuments = withoutDocuments,
            WithoutTotal = !AsksTotal(field),
        };
        var result = await index.QueryAsync(query, field.CancellationToken);
        var found = await nodes(result.Items);
        var edges = result.Items.Zip(found)
            .Where(row => row.Second is not null)
            .Select(row => new Edge<TNode>(() => CursorCodec.Encode(scope, order.KeyOf(row.First), row.First.Id.ToString("N")), row.Second!))
            .ToList();
        return Connect(edges, result, result.AsOf);
    }

    /// <summary>
    /// Whether the connection being resolved selects <c>totalCount</c> (under any alias, through fragments too): a page
    /// that does not show it need not count the whole filtered list.
    /// </summary>
    private static bool AsksTotal(IResolveFieldContext context) =>
        context.SubFields is not { } fields || fields.Values.Any(f => f.Field.Name.Value == "totalCount");

    /// <summary>
    /// A small list held in memory (centers, municipalities), already filtered: ordered by sort key then id, both
    /// ordinal, and paged with the same keyset cursors as an index. Keys must sort like the list; ids are unique.
    /// </summary>
    public static Connection<T> FromList<T>(
        PageArguments page, IEnumerable<T> items, string scope, Func<T, string> sortKey, Func<T, string> id, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        int Compare((string Key, string Id) x, (string Key, string Id) y)
        {
            var c = string.CompareOrdinal(x.Key, y.Key);
            c = c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
            return descending ? -c : c;
        }

        var rows = items.Select(item => (Position: (sortKey(item), id(item)), Item: item)).ToList();
        rows.Sort((x, y) => Compare(x.Position, y.Position));
        var after = page.After is { } a ? CursorCodec.Decode(a, scope, "after") : default((string, string)?);
        var before = page.Before is { } b ? CursorCodec.Decode(b, scope, "before") : default((string, string)?);
        var result = KeysetRead.Of(page.First, page.Last).Page(
            rows,
            after is { } start ? row => Compare(row.Position, start) > 0 : null,
            before is { } end ? row => Compare(row.Position, end) < 0 : null,
            DateTimeOffset.MinValue);
        var edges = result.Items
            .Select(row => new Edge<T>(CursorCodec.Encode(scope, row.Position.Item1, row.Position.Item2), row.Item))
            .ToList();
        return Connect(edges, result, asOf: null);
    }

    private static Connection<TNode> Connect<TNode, TRow>(List<Edge<TNode>> edges, KeysetPage<TRow> page, DateTimeOffset? asOf) =>
        new(edges,
            new PageInfo(page.HasNextPage, page.HasPreviousPage, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            page.TotalCount,
            asOf);

    /// <summary>An index cursor: its scope, id and sort key checked here, so a forged one is BAD_USER_INPUT, not a failure.</summary>
    private static KeysetCursor? Cursor(string? cursor, ISortOrder order, string scope, string argument)
    {
        if (cursor is null)
        {
            return null;
        }

        var (sortKey, id) = CursorCodec.Decode(cursor, scope, argument);
        return Guid.TryParseExact(id, "N", out var guid) && SortKeys.Fits(order.KeyKind, sortKey)
            ? new KeysetCursor(sortKey, guid)
            : throw ApiErrors.BadInput("Malformed cursor.", argument);
    }
}
